package org.myelin.runtime.internal.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.myelin.api.PluginProperties;
import org.myelin.api.hardware.DriverStatus;
import org.myelin.api.hardware.HardwareDriver;
import org.myelin.runtime.internal.hardware.DriverTracker;
import org.myelin.runtime.internal.json.JsonOut;
import org.osgi.framework.ServiceReference;

/** {@code myelin drivers [--json]}: hardware drivers with family, serial and status. */
final class DriversCommand {

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("json").desc("print JSON").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return o;
    }

    static int run(Host host, CommandLine cl, Io io) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DriverTracker.BoundDriver bound : host.drivers().drivers()) {
            ServiceReference<HardwareDriver> r = bound.reference();
            HardwareDriver d = bound.driver();
            {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.getProperty(PluginProperties.ID));
                m.put("family", r.getProperty(PluginProperties.HW_FAMILY));
                m.put("serial", r.getProperty(PluginProperties.HW_SERIAL));
                DriverStatus s;
                try {
                    s = d.status();
                } catch (RuntimeException e) {
                    s = new DriverStatus(org.myelin.api.hardware.DriverState.ERROR, "status() threw " + e);
                }
                m.put("status", s.state().name());
                m.put("detail", s.detail());
                m.put("bundle", r.getBundle() == null ? "" : r.getBundle().getSymbolicName());
                m.put("version", r.getBundle() == null ? "" : r.getBundle().getVersion().toString());
                rows.add(m);
            }
        }
        if (cl.hasOption("json")) {
            List<Object> events = new ArrayList<>();
            for (DriverTracker.DriverEvent e : host.drivers().events()) {
                events.add(Map.of("time", java.time.Instant.ofEpochMilli(e.timeMillis()).toString(), "event", e.kind(),
                        "family", e.family(), "serial", e.serial(), "bundle", e.bundle()));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("drivers", rows);
            out.put("events", events);
            io.out().println(JsonOut.write(out, true));
            return ExitCodes.OK;
        }
        if (rows.isEmpty()) {
            io.out().println("no hardware drivers registered (drop a driver bundle into deploy/)");
            return ExitCodes.OK;
        }
        Table t = new Table("ID", "FAMILY", "SERIAL", "STATUS", "DETAIL", "BUNDLE", "VERSION");
        for (Map<String, Object> m : rows) {
            t.row(m.get("id"), m.get("family"), m.get("serial"), m.get("status"), m.get("detail"), m.get("bundle"), m.get("version"));
        }
        t.print(io.out());
        return ExitCodes.OK;
    }
}
