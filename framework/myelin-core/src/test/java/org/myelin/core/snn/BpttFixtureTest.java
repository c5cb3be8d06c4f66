package org.myelin.core.snn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.api.InvalidInputException;
import org.myelin.core.parallel.ParallelRows;
import org.myelin.core.snn.fixture.ArrayCheck;
import org.myelin.core.snn.fixture.BpttFixture;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The engine against the PyTorch float64 autograd fixtures (fixtures/bptt, copied into
 * src/test/resources/fixtures/bptt): loss, logits and every gradient within the fixture's
 * tolerance {@code abs + rel * max|expected|}, for 1 and 2 threads.
 */
class BpttFixtureTest {

    static Path fixture(String name) throws Exception {
        return Path.of(BpttFixtureTest.class.getResource("/fixtures/bptt/" + name + "/fixture.json").toURI()).getParent();
    }

    @SuppressWarnings("unchecked")
    static BpttFixture load(Path dir) throws Exception {
        Object json = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(dir.resolve("fixture.json")));
        return BpttFixture.of(dir, (Map<String, Object>) json);
    }

    private static void assertPasses(String name, int threads) throws Exception {
        try (ParallelRows rows = ParallelRows.withThreads(threads)) {
            List<ArrayCheck> checks = load(fixture(name)).check((l, n, size) -> ReferenceLif.of(n, size), rows);
            assertTrue(checks.size() >= 3, "loss, logits and gradients compared");
            for (ArrayCheck c : checks) {
                assertTrue(c.pass(), name + ": " + c);
            }
        }
    }

    @Test
    void feedForwardSubtractFixtureMatchesTorch() throws Exception {
        assertPasses("lif-ff-subtract", 1);
        assertPasses("lif-ff-subtract", 2);
    }

    @Test
    void recurrentZeroResetFixtureMatchesTorch() throws Exception {
        assertPasses("lif-recurrent-zero", 1);
        assertPasses("lif-recurrent-zero", 3);
    }

    @Test
    void lossMatchesTheStoredValueClosely() throws Exception {
        List<ArrayCheck> checks = load(fixture("lif-ff-subtract")).check((l, n, size) -> ReferenceLif.of(n, size), ParallelRows.serial());
        ArrayCheck loss = checks.get(0);
        assertEquals("loss", loss.name());
        assertEquals(39.95010269191262, loss.maxAbsExpected(), 1e-12);
        assertTrue(loss.maxAbsDiff() < 1e-3, loss.toString());
    }

    @Test
    void malformedFixtureNamesTheFileAndField(@TempDir Path dir) throws Exception {
        Path src = fixture("lif-recurrent-zero");
        for (String f : List.of("fixture.json", "inputs.npy", "labels.npy", "W0.npy", "b0.npy", "V0.npy", "W1.npy", "b1.npy",
                "logits.npy", "dW0.npy", "db0.npy", "dV0.npy", "dW1.npy", "db1.npy")) {
            Files.copy(src.resolve(f), dir.resolve(f));
        }
        Files.copy(src.resolve("W1.npy"), dir.resolve("W0.npy"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> load(dir).check((l, n, size) -> ReferenceLif.of(n, size), ParallelRows.serial()));
        assertTrue(e.getMessage().contains("W0.npy") && e.getMessage().contains("expected [48, 40]"), e.getMessage());
        Files.writeString(dir.resolve("fixture.json"), Files.readString(src.resolve("fixture.json")).replace("\"time_steps\": 60", "\"time_steps\": -1"));
        InvalidInputException e2 = assertThrows(InvalidInputException.class, () -> load(dir));
        assertTrue(e2.getMessage().contains("fixture.json: time_steps"), e2.getMessage());
    }
}
