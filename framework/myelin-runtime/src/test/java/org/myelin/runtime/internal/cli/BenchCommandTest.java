package org.myelin.runtime.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.api.RunCancelledException;
import org.myelin.api.neuron.BackwardStep;
import org.myelin.api.neuron.ForwardStep;
import org.myelin.api.neuron.NeuronConventions;
import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.core.linalg.Blas;
import org.myelin.core.snn.PeerWorkload;

/**
 * {@code myelin bench snn}: option errors, the protocol's bookkeeping and the report. The
 * numbers of the workload itself (against the peers' PyTorch model) are tested in myelin-core's
 * {@code PeerWorkloadTest}; here a simple threshold unit (spike when the input current exceeds
 * 0.5, no state) stands in for {@code lif}.
 */
class BenchCommandTest {

    private static CommandLine cl(String... args) throws Exception {
        return DefaultParser.builder().get().parse(BenchCommand.options(), args);
    }

    private static final class Threshold implements NeuronDynamics {
        private final int size;

        Threshold(int size) {
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public List<String> stateNames() {
            return List.of("v");
        }

        @Override
        public boolean spiking() {
            return true;
        }

        @Override
        public Optional<NeuronConventions> conventions() {
            return Optional.empty();
        }

        @Override
        public void initState(float[][] state, int fromRow, int toRow) {
        }

        @Override
        public void forward(ForwardStep s) {
            for (int i = s.fromRow() * size; i < s.toRow() * size; i++) {
                s.stateOut()[0][i] = s.input()[i];
                s.output()[i] = s.input()[i] > 0.5f ? 1f : 0f;
            }
        }

        @Override
        public void backward(BackwardStep s) {
            for (int i = s.fromRow() * size; i < s.toRow() * size; i++) {
                s.gradInput()[i] = s.gradOutput()[i] + s.gradStateOut()[0][i];
                s.gradStateIn()[0][i] = 0f;
            }
        }
    }

    private static Io io(ByteArrayOutputStream out) {
        return new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
    }

    @Test
    void badOptionsSayWhatWouldBeRight() throws Exception {
        UsageException e = assertThrows(UsageException.class, () -> BenchCommand.parse(cl("snn", "--workload", "w3")));
        assertTrue(e.getMessage().contains("--workload must be w1") && e.getMessage().contains("'w3'"), e.getMessage());
        e = assertThrows(UsageException.class, () -> BenchCommand.parse(cl("snn")));
        assertTrue(e.getMessage().contains("needs --workload"), e.getMessage());
        e = assertThrows(UsageException.class, () -> BenchCommand.parse(cl("rnn", "--workload", "w1")));
        assertTrue(e.getMessage().contains("one suite, 'snn'"), e.getMessage());
        e = assertThrows(UsageException.class, () -> BenchCommand.parse(cl("snn", "--workload", "w1", "--batch", "0")));
        assertTrue(e.getMessage().contains("--batch needs a whole number from 1"), e.getMessage());
        e = assertThrows(UsageException.class, () -> BenchCommand.parse(cl("snn", "--workload", "w1", "--min-time", "soon")));
        assertTrue(e.getMessage().contains("--min-time needs a number of seconds"), e.getMessage());
    }

    @Test
    void defaultsAreThePeerProtocol() throws Exception {
        BenchCommand.Settings s = BenchCommand.parse(cl("snn", "--workload", "W2"));
        // peers/README.md: batch 32, 5 repetitions of at least 1 s; engine default 1 thread
        assertEquals(PeerWorkload.Kind.W2, s.kind());
        assertEquals(32, s.batch());
        assertEquals(1, s.threads());
        assertEquals(5, s.reps());
        assertEquals(1.0, s.minTime());
        assertEquals(BenchCommand.DEFAULT_SEED, s.seed());
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportHasThePeerFieldsAndTheBackend() throws Exception {
        int blasThreads = Blas.threads();
        BenchCommand.Settings s = BenchCommand.parse(cl("snn", "--workload", "w2", "--batch", "3", "--threads", "2", "--reps", "3",
                "--min-time", "0", "--warmup", "0"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Object> r = BenchCommand.measure(s, Threshold::new, new AtomicBoolean(), io(out));
        assertEquals("w2", r.get("workload"));
        assertEquals(3, r.get("batch"));
        assertEquals(2, r.get("threads"));
        Map<String, Object> sps = (Map<String, Object>) r.get("samples_per_s");
        assertEquals(3, sps.get("n"));
        double med = (Double) sps.get("median");
        assertTrue((Double) sps.get("min") <= med && med <= (Double) sps.get("max") && med > 0, sps.toString());
        // at least the 2 warm-up calls of the protocol; one call per repetition when --min-time is 0
        assertTrue((Integer) r.get("warmup_calls") >= 2);
        assertEquals(1, r.get("iters_per_rep"));
        assertEquals(Blas.backend(), r.get("dense_backend"));
        assertEquals(1, r.get("blas_threads"));
        assertEquals(blasThreads, Blas.threads(), "the bench restores the BLAS thread count");
        Map<String, Object> act = (Map<String, Object>) r.get("activity");
        assertEquals(0.05, (Double) act.get("input_spikes_per_channel_step"), 0.005);
        assertTrue(Double.isFinite((Double) r.get("last_loss")));
        String text = BenchCommand.text(r);
        assertTrue(text.startsWith("bench snn w2  batch 3  threads 2  backend " + Blas.backend()), text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "activity         input %.4f", (Double) act.get("input_spikes_per_channel_step"))), text);
    }

    @Test
    void dumpWritesAFixtureFolderAndMeasuresNothing(@TempDir Path dir) throws Exception {
        BenchCommand.Settings s = BenchCommand.parse(cl("snn", "--dump", dir.resolve("f").toString(), "--batch", "2"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertNull(BenchCommand.measure(s, Threshold::new, new AtomicBoolean(), io(out)));
        for (String f : List.of("fixture.json", "inputs.npy", "labels.npy", "W0.npy", "b0.npy", "W1.npy", "b1.npy")) {
            assertTrue(Files.exists(dir.resolve("f").resolve(f)), f);
        }
        // inputs [100, 2, 700] float32: 128-byte header + 4 bytes per value
        assertEquals(128 + 4L * 100 * 2 * 700, Files.size(dir.resolve("f/inputs.npy")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("torch_reference.py"));
    }

    @Test
    void cancellationStopsTheBench() throws Exception {
        BenchCommand.Settings s = BenchCommand.parse(cl("snn", "--workload", "w1", "--batch", "1", "--warmup", "0"));
        AtomicBoolean cancelled = new AtomicBoolean(true);
        assertThrows(RunCancelledException.class, () -> BenchCommand.measure(s, Threshold::new, cancelled, io(new ByteArrayOutputStream())));
    }
}
