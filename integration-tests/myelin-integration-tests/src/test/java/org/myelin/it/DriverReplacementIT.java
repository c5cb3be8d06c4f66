package org.myelin.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.myelin.api.hardware.DriverState;
import org.myelin.api.hardware.HardwareDriver;
import org.myelin.it.support.Cli;
import org.myelin.it.support.Fixtures;
import org.myelin.it.support.InContainer;
import org.myelin.it.support.Json;
import org.myelin.it.support.MyelinContainer;
import org.myelin.it.support.Poll;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A hardware driver bundle replaced while the host runs: the runtime's driver tracker (seen
 * through {@code myelin drivers --json}, the way a user sees it) unbinds v1 and binds v2 for the
 * same chip, and records both events.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DriverReplacementIT {

    private static final long BIND_TIMEOUT_MS = 10_000;
    private static final String CHIP = "(&(myelin.hw.family=it-sim)(myelin.hw.serial=IT-0001))";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return MyelinContainer.withFreshData();
    }

    @Test
    public void runtimeRebindsToTheReplacementDriver() throws Exception {
        Bundle driver = Fixtures.DRIVER_V1.install(context);
        driver.start();
        Map<String, Object> v1 = Poll.until("myelin drivers to list it-sim v1", BIND_TIMEOUT_MS, this::itSimDriver,
                d -> d != null && "1.0.0".equals(d.get("version")));
        assertEquals("ONLINE", v1.get("status"));
        assertEquals("test driver v1 ready", v1.get("detail"));
        assertEquals("it-test-driver", v1.get("bundle"));
        assertEquals("IT-0001", v1.get("serial"));

        Fixtures.DRIVER_V2.updateTo(driver);
        Map<String, Object> v2 = Poll.until("myelin drivers to list it-sim v2 after the update", BIND_TIMEOUT_MS, this::itSimDriver,
                d -> d != null && "2.0.0".equals(d.get("version")));
        assertEquals("ONLINE", v2.get("status"));
        assertEquals("test driver v2 ready", v2.get("detail"));

        Map<String, Object> out = Json.object(Cli.ok(context, "drivers", "--json"));
        assertEquals("exactly one driver for the chip after the replacement", 1, Json.objects(out, "drivers").stream()
                .filter(d -> "IT-0001".equals(d.get("serial"))).count());
        List<String> events = new ArrayList<>();
        for (Map<String, Object> e : Json.objects(out, "events")) {
            if ("IT-0001".equals(e.get("serial"))) {
                events.add(e.get("event") + " " + e.get("bundle"));
            }
        }
        assertEquals(List.of("bound it-test-driver 1.0.0", "unbound it-test-driver 1.0.0", "bound it-test-driver 2.0.0"), events);

        HardwareDriver current = InContainer.service(context, HardwareDriver.class, CHIP, BIND_TIMEOUT_MS);
        assertEquals(DriverState.ONLINE, current.status().state());
        assertEquals("integration-test chip driver v2", current.description());
    }

    private Map<String, Object> itSimDriver() {
        Map<String, Object> out = Json.object(Cli.ok(context, "drivers", "--json"));
        return Json.objects(out, "drivers").stream().filter(d -> "it-sim".equals(d.get("family"))).findFirst().orElse(null);
    }
}
