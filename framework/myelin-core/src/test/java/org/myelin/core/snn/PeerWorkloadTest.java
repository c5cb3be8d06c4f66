package org.myelin.core.snn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.core.parallel.ParallelRows;
import org.myelin.core.snn.fixture.ArrayCheck;
import org.myelin.core.snn.fixture.BpttFixture;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The peer workloads W1/W2 against the peers' own PyTorch model: {@code snn/peer-w2-batch2}
 * holds what {@code benchmarks/snn/torch_reference.py} computed (float64 autograd with
 * {@code PlainSNN} of peers/w12_torch_plain.py) for pool batch 0 of the workload with seed 1234
 * and batch 2, written by {@code myelin bench snn --dump DIR --batch 2}. The test writes the same
 * inputs and weights again and checks the engine's loss, logits, gradients and one Adam step.
 */
class PeerWorkloadTest {

    private static final String[] EXPECTED = {"fixture.json", "logits.npy", "dW0.npy", "db0.npy", "dW1.npy", "db1.npy",
        "adam_W1.npy", "adam_b0.npy", "adam_b1.npy"};

    private static PeerWorkload workload(int batch, ParallelRows rows) {
        return PeerWorkload.create(ReferenceLif.snnTorch(PeerWorkload.HIDDEN, PeerWorkload.BETA),
                ReferenceLif.snnTorch(PeerWorkload.OUTPUTS, PeerWorkload.BETA), batch, 1234, rows);
    }

    private static Path reference(Path dir) throws IOException {
        for (String f : EXPECTED) {
            try (InputStream in = PeerWorkloadTest.class.getResourceAsStream("/snn/peer-w2-batch2/" + f)) {
                Files.copy(in, dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    private static String sha256(Path file) throws IOException {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            StringBuilder b = new StringBuilder();
            for (byte x : h) {
                b.append(String.format("%02x", x));
            }
            return b.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static BpttFixture fixture(Path dir) throws IOException {
        Object json = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(dir.resolve("fixture.json")));
        return BpttFixture.of(dir, (Map<String, Object>) json);
    }

    @Test
    void lossLogitsAndGradientsMatchThePeersTorchModel(@TempDir Path dir) throws IOException {
        workload(2, ParallelRows.serial()).writeFixture(dir);
        // the same bytes that the torch reference was computed from (SHA-256 in snn/README.md)
        assertEquals("83ffd26e8b046d8dc2031b4dda34bc17500b035f28bc9696c485eb92c77c6b0b", sha256(dir.resolve("inputs.npy")));
        assertEquals("cdae4ce85074369594022e3413daa993eb1a1f3bdbdfd2ff66fc7f143d3b0b53", sha256(dir.resolve("W0.npy")));
        assertEquals("96c2d5e9c7ac437646f3b7495a8b6db54c9447de5fe6c069a0c6a3ca21036130", sha256(dir.resolve("labels.npy")));
        reference(dir);
        List<ArrayCheck> checks = fixture(dir).check((l, n, size) -> ReferenceLif.of(n, size), ParallelRows.serial());
        assertEquals(6, checks.size());
        for (ArrayCheck c : checks) {
            assertTrue(c.pass(), c.toString());
        }
        // the torch loss of this batch (fixture.json "expected.loss"), closer than the fixture tolerance
        assertEquals(67.6782323597039, checks.get(0).maxAbsExpected(), 1e-9);
        assertTrue(checks.get(0).maxAbsDiff() < 1e-3, checks.get(0).toString());
    }

    @Test
    void oneW2StepIsOneTorchAdamStep(@TempDir Path dir) throws IOException {
        PeerWorkload w = workload(2, ParallelRows.serial());
        reference(dir);
        w.step(PeerWorkload.Kind.W2);
        for (String name : List.of("W1", "b0", "b1")) {
            float[] got = w.network().parameter(name).exported();
            double[] exp = NpyArray.read(dir.resolve("adam_" + name + ".npy")).data();
            assertEquals(exp.length, got.length);
            double worst = 0;
            for (int i = 0; i < got.length; i++) {
                worst = Math.max(worst, Math.abs(got[i] - exp[i]));
            }
            // Adam moves each value by about lr = 1e-3; float32 parameters and moments
            assertTrue(worst < 1e-6, name + " differs by " + worst);
        }
    }

    @Test
    void inputsHaveThePeerStatisticsAndTheHiddenLayerIsInThePeerRegime() {
        PeerWorkload w = workload(32, ParallelRows.serial());
        double[] a = w.activity();
        // peers/README.md W1: input 0.05, hidden about 0.0076 spikes per neuron and step
        assertEquals(PeerWorkload.INPUT_RATE, a[0], 0.001);
        assertTrue(a[1] > 0.004 && a[1] < 0.012, "hidden rate " + a[1]);
        assertTrue(a[2] >= 0 && a[2] < 0.05, "output rate " + a[2]);
        int[] y = w.labels(0);
        assertEquals(32, y.length);
        for (int v : y) {
            assertTrue(v >= 0 && v < PeerWorkload.OUTPUTS);
        }
    }

    @Test
    void w1AndW2AreBitIdenticalForOneAndTwoThreads() {
        try (ParallelRows two = ParallelRows.withThreads(2)) {
            PeerWorkload a = workload(40, ParallelRows.serial());
            PeerWorkload b = workload(40, two);
            for (int i = 0; i < 3; i++) {
                BatchResult ra = a.step(PeerWorkload.Kind.W2);
                BatchResult rb = b.step(PeerWorkload.Kind.W2);
                assertEquals(ra.loss(), rb.loss());
            }
            assertArrayEquals(a.network().parameter("W0").values(), b.network().parameter("W0").values());
            float[] la = a.step(PeerWorkload.Kind.W1).logits().clone();
            assertArrayEquals(la, b.step(PeerWorkload.Kind.W1).logits());
        }
    }

    @Test
    void eventKernelsGiveTheSameBitsAsPerEventAxpy() {
        float[][] rows = new float[7][5];
        org.myelin.core.random.RandomStream rs = org.myelin.core.random.RandomStream.of(3);
        for (float[] r : rows) {
            for (int j = 0; j < r.length; j++) {
                r[j] = (float) rs.nextGaussian();
            }
        }
        int[] idx = {3, 1, 3, 6, 0, 2, 5, 4, 1};
        float[] val = {1f, 1f, 0.5f, 1f, 2f, 1f, 1f, 1f, -1f};
        float[] acc = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f};
        float[] ref = acc.clone();
        for (int k = 0; k < idx.length; k++) {
            DenseProducts.axpy(val[k], rows[idx[k]], 0, ref, 0, 5);
        }
        EventKernels.gather(rows, idx, val, 0, idx.length, acc, 5);
        assertArrayEquals(ref, acc);
        float[][] dst = new float[7][5];
        float[][] dstRef = new float[7][5];
        float[] src = rows[2];
        for (int k = 0; k < idx.length; k++) {
            DenseProducts.axpy(val[k], src, 0, dstRef[idx[k]], 0, 5);
        }
        EventKernels.scatter(src, dst, idx, val, 0, idx.length, 5);
        for (int i = 0; i < 7; i++) {
            assertArrayEquals(dstRef[i], dst[i]);
        }
    }
}
