package org.myelin.data.idx.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.api.InvalidInputException;
import org.myelin.api.data.Dataset;
import org.myelin.api.data.Sample;
import org.myelin.api.data.SampleKind;
import org.myelin.api.param.Parameters;

/**
 * Opens trimmed real MNIST files (src/test/resources/README.md, expected values read there with
 * Python) and small IDX files written here byte by byte after science/snn.md section 7.4.
 */
class IdxDatasetProviderTest {

    private final IdxDatasetProvider provider = new IdxDatasetProvider();

    @TempDir
    Path tmp;

    private Dataset open(Path dir, Object... keyValues) throws IOException {
        Map<String, Object> raw = new HashMap<>();
        raw.put("dir", dir.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        return provider.open(Parameters.resolve("data.params", provider.parameters(), raw));
    }

    private static Path mnist() {
        try {
            return Paths.get(IdxDatasetProviderTest.class.getResource("/mnist-trimmed").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An IDX file: magic 0x000008nd, the dimensions, then the bytes. */
    static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.putInt(0x0800 | dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bos)) {
            out.write(data);
        }
        return bos.toByteArray();
    }

    /** Writes a 2x3-pixel dataset: 3 training and 2 test images; pixel p of image i is 40 i + p. */
    private Path smallDataset(boolean gzipped) throws IOException {
        Path dir = tmp.resolve(gzipped ? "small-gz" : "small");
        Files.createDirectories(dir);
        String ext = gzipped ? ".gz" : "";
        write(dir.resolve("train-images-idx3-ubyte" + ext), idx(new int[] {3, 2, 3}, pixels(3, 6)), gzipped);
        write(dir.resolve("train-labels-idx1-ubyte" + ext), idx(new int[] {3}, new byte[] {2, 0, 1}), gzipped);
        write(dir.resolve("t10k-images-idx3-ubyte" + ext), idx(new int[] {2, 2, 3}, pixels(2, 6)), gzipped);
        write(dir.resolve("t10k-labels-idx1-ubyte" + ext), idx(new int[] {2}, new byte[] {1, 2}), gzipped);
        return dir;
    }

    private static byte[] pixels(int images, int size) {
        byte[] p = new byte[images * size];
        for (int i = 0; i < images; i++) {
            for (int k = 0; k < size; k++) {
                p[i * size + k] = (byte) (40 * i + k + 200 * (k == 5 ? 1 : 0));
            }
        }
        return p;
    }

    private static void write(Path file, byte[] content, boolean gzipped) throws IOException {
        Files.write(file, gzipped ? gzip(content) : content);
    }

    @Test
    void readsTrimmedRealMnist() throws IOException {
        Dataset d = open(mnist());
        assertEquals(20, d.train().size());
        assertEquals(10, d.test().size());
        assertEquals(SampleKind.STATIC, d.info().kind());
        assertEquals(784, d.info().channels());
        assertEquals(1, d.info().maxLength());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), d.info().classNames());
        int[] trainLabels = {5, 0, 4, 1, 9, 2, 1, 3, 1, 4, 3, 5, 3, 6, 1, 7, 2, 8, 6, 9};
        for (int i = 0; i < trainLabels.length; i++) {
            assertEquals(trainLabels[i], d.train().get(i).label(), "training label " + i);
        }
        assertEquals(9, d.test().get(9).label());
        Sample first = d.train().get(0);
        assertEquals(1, first.length());
        assertEquals(784, first.channels());
        assertEquals(3f / 255f, first.value(0, 152));
        assertEquals(18f / 255f, first.value(0, 153));
        assertEquals(0f, first.value(0, 151));
        assertEquals(27525.0 / 255, sum(first), 1e-3);
        assertEquals(166, Arrays.stream(box(first.values())).filter(v -> v != 0).count());
        assertEquals(31350.0 / 255, sum(d.test().get(9)), 1e-3);
    }

    @Test
    void rawScaleKeepsTheBytes() throws IOException {
        Sample first = open(mnist(), "scale", "raw").train().get(0);
        assertEquals(18f, first.value(0, 153));
        assertEquals(27525.0, sum(first), 0);
    }

    @Test
    void digestsAreTheSha256OfTheStoredFiles() throws IOException {
        // from src/test/resources/README.md (sha256sum of the committed files)
        assertEquals(Map.of("train-images-idx3-ubyte.gz", "d1c712a60d8b39dafaa95a04ed24dc8b33da6405fd8e65fd52163a2624656abb",
                "train-labels-idx1-ubyte.gz", "fa0b1d22bba15981a159fe0619531e861b6627a27e7f83c8a73aab8938ff6d63",
                "t10k-images-idx3-ubyte.gz", "c80cb670445f63554f7697e0a3a8ece6c2e0aacfbbebfecfd88ee04adbf833e3",
                "t10k-labels-idx1-ubyte.gz", "562e9ee04dd00e65dd7f79679ff8c664b511da915738ddcad8d059839e17413e"),
                open(mnist()).digests());
    }

    @Test
    void limitsCutTheSplits() throws IOException {
        Dataset d = open(mnist(), "train_limit", 7, "test_limit", 3);
        assertEquals(7, d.train().size());
        assertEquals(3, d.test().size());
        assertEquals("20", d.info().metadata().get("train_images_in_file"));
        assertThrows(IndexOutOfBoundsException.class, () -> d.train().get(7));
        assertEquals(10, open(mnist(), "test_limit", 1000).test().size(), "a limit above the count keeps everything");
    }

    @Test
    void plainAndGzippedFilesGiveTheSameSamples() throws IOException {
        for (boolean gz : new boolean[] {false, true}) {
            Dataset d = open(smallDataset(gz), "scale", "raw");
            assertEquals(6, d.info().channels());
            assertEquals(List.of("0", "1", "2"), d.info().classNames());
            assertEquals("2", d.info().metadata().get("rows"));
            assertEquals("3", d.info().metadata().get("cols"));
            assertArrayEquals(new float[] {80, 81, 82, 83, 84, 85 + 200 - 256}, d.train().get(2).values());
            assertEquals(1, d.train().get(2).label());
            assertArrayEquals(new float[] {40, 41, 42, 43, 44, 245}, d.test().get(1).values());
            assertEquals(2, d.test().get(1).label());
        }
    }

    @Test
    void gzipIsRecognisedByContentNotName() throws IOException {
        Path dir = smallDataset(true);
        Files.move(dir.resolve("t10k-labels-idx1-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte"));
        assertEquals(2, open(dir).test().get(1).label());
    }

    @Test
    void badMagicNamesTheFileTheOffsetAndTheExpectedMagic() throws IOException {
        Path dir = smallDataset(false);
        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(new int[] {3, 6}, pixels(3, 6)));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
        assertTrue(e.getMessage().contains("magic number at offset 0 is 0x00000802"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 0x00000803"), e.getMessage());
    }

    @Test
    void labelsFileInPlaceOfImagesIsRejected() throws IOException {
        Path dir = smallDataset(false);
        Files.copy(dir.resolve("t10k-labels-idx1-ubyte"), dir.resolve("t10k-images-idx3-ubyte"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte: magic number at offset 0 is 0x00000801"), e.getMessage());
    }

    @Test
    void truncatedDataNamesTheOffsetAndTheLengthNeeded() throws IOException {
        Path dir = smallDataset(false);
        byte[] full = idx(new int[] {3, 2, 3}, pixels(3, 6));
        Files.write(dir.resolve("train-images-idx3-ubyte"), Arrays.copyOf(full, full.length - 4));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte: is truncated: 30 bytes, but dimensions [3, 2, 3] need 16 + 18 = 34 bytes; data ends at offset 30"),
                e.getMessage());
    }

    @Test
    void truncatedHeaderIsNamed() throws IOException {
        Path dir = smallDataset(false);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0});
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte: is truncated in its header: 6 bytes"), e.getMessage());
    }

    @Test
    void truncatedGzipStreamIsNamed() throws IOException {
        Path dir = smallDataset(true);
        Path f = dir.resolve("t10k-images-idx3-ubyte.gz");
        byte[] gz = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(gz, gz.length / 2));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte.gz: gzip stream is truncated"), e.getMessage());
    }

    @Test
    void imageAndLabelCountMismatchNamesBothFiles() throws IOException {
        Path dir = smallDataset(false);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(new int[] {1}, new byte[] {1}));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir));
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte: holds 1 labels but t10k-images-idx3-ubyte holds 2 images"),
                e.getMessage());
    }

    @Test
    void differentImageSizesAreRejected() throws IOException {
        Path dir = smallDataset(false);
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), idx(new int[] {2, 3, 2}, pixels(2, 6)));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir));
        assertTrue(e.getMessage().contains("images are 3x2 but the training images in train-images-idx3-ubyte are 2x3"),
                e.getMessage());
    }

    @Test
    void missingFileIsNamedWithBothAcceptedNames() throws IOException {
        Path dir = smallDataset(false);
        Files.delete(dir.resolve("train-labels-idx1-ubyte"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir));
        assertTrue(e.getMessage().contains("has no train-labels-idx1-ubyte or train-labels-idx1-ubyte.gz"), e.getMessage());
        InvalidInputException none = assertThrows(InvalidInputException.class, () -> open(tmp.resolve("nowhere")));
        assertTrue(none.getMessage().contains("does not exist"), none.getMessage());
    }

    private static double sum(Sample s) {
        double t = 0;
        for (float v : s.values()) {
            t += v;
        }
        return t;
    }

    private static Float[] box(float[] v) {
        Float[] b = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = v[i];
        }
        return b;
    }
}
