package org.myelin.data.idx.internal;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.myelin.api.InvalidInputException;

/**
 * One IDX file of unsigned bytes (science/snn.md section 7.4): a big-endian magic number
 * {@code 0x00 0x00 0x08 <ndims>}, {@code ndims} int32 dimensions, then the bytes in row-major
 * order. A gzip-compressed file (recognised by its first two bytes, whatever its name) is
 * decompressed in memory. The whole file is read into one byte array; nothing is boxed.
 *
 * @param file the file read
 * @param dims the dimensions, the first being the item count
 * @param data the payload bytes (the file's content after the header)
 * @param offset where the payload starts in {@code data}
 * @param sha256 SHA-256 of the file's bytes as stored, lower-case hex
 */
record IdxFile(Path file, int[] dims, byte[] data, int offset, String sha256) {

    private static final int UNSIGNED_BYTE = 0x08;

    /** @return the number of items (the first dimension) */
    int count() {
        return dims[0];
    }

    /** @return bytes per item: the product of the dimensions after the first */
    int itemSize() {
        int n = 1;
        for (int i = 1; i < dims.length; i++) {
            n *= dims[i];
        }
        return n;
    }

    /**
     * Reads and checks an IDX file.
     *
     * @param file the file
     * @param expectedDims the number of dimensions the file must have (3 for images, 1 for labels)
     * @param what names the content in messages, e.g. {@code "images"}
     * @return the file's content
     * @throws InvalidInputException naming the file, the byte offset and what was expected, for a
     *                               bad magic number, wrong dimensions or a truncated file
     * @throws IOException when the file cannot be read
     */
    static IdxFile read(Path file, int expectedDims, String what) throws IOException {
        byte[] stored = Files.readAllBytes(file);
        String sha = sha256(stored);
        byte[] raw = stored;
        boolean gzip = stored.length >= 2 && (stored[0] & 0xff) == 0x1f && (stored[1] & 0xff) == 0x8b;
        if (gzip) {
            raw = gunzip(file, stored);
        }
        String where = file + (gzip ? " (after gunzip)" : "");
        String expectedMagic = String.format("0x0000%02X%02X", UNSIGNED_BYTE, expectedDims);
        if (raw.length < 4) {
            throw new InvalidInputException(where, "is " + raw.length + " bytes long, too short for the 4-byte IDX magic number at offset 0",
                    "expected an IDX file of " + what + " starting with " + expectedMagic);
        }
        if (raw[0] != 0 || raw[1] != 0 || (raw[2] & 0xff) != UNSIGNED_BYTE || (raw[3] & 0xff) != expectedDims) {
            throw new InvalidInputException(where, String.format("magic number at offset 0 is 0x%02X%02X%02X%02X", raw[0] & 0xff,
                    raw[1] & 0xff, raw[2] & 0xff, raw[3] & 0xff) + ", not an IDX file of unsigned bytes with " + expectedDims
                    + (expectedDims == 1 ? " dimension" : " dimensions"),
                    "expected " + expectedMagic + " for " + what + (gzip ? "" : "; if the file is compressed, it must be gzip"));
        }
        int header = 4 + 4 * expectedDims;
        if (raw.length < header) {
            throw new InvalidInputException(where, "is truncated in its header: " + raw.length + " bytes, but the " + expectedDims
                    + " dimension sizes end at offset " + header, "expected a complete IDX header");
        }
        int[] dims = new int[expectedDims];
        long items = 1;
        for (int d = 0; d < expectedDims; d++) {
            int at = 4 + 4 * d;
            int v = ((raw[at] & 0xff) << 24) | ((raw[at + 1] & 0xff) << 16) | ((raw[at + 2] & 0xff) << 8) | (raw[at + 3] & 0xff);
            if (v < 0 || (d > 0 && v == 0)) {
                throw new InvalidInputException(where, "dimension " + d + " at offset " + at + " is " + v,
                        d == 0 ? "the item count must be >= 0" : "item dimensions must be positive");
            }
            dims[d] = v;
            items *= v;
        }
        long expectedLength = header + items;
        if (raw.length != expectedLength) {
            String dimText = Arrays.toString(dims);
            throw new InvalidInputException(where, (raw.length < expectedLength ? "is truncated: " : "has trailing bytes: ")
                    + raw.length + " bytes, but dimensions " + dimText + " need " + header + " + " + items + " = "
                    + expectedLength + " bytes" + (raw.length < expectedLength ? "; data ends at offset " + raw.length : ""),
                    "the file is damaged or incompletely copied; fetch it again");
        }
        return new IdxFile(file, dims, raw, header, sha);
    }

    private static byte[] gunzip(Path file, byte[] stored) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored), 1 << 16)) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new InvalidInputException(file.toString(), "gzip stream is truncated (" + stored.length + " compressed bytes)",
                    "the file is incompletely copied; fetch it again", e);
        } catch (ZipException e) {
            throw new InvalidInputException(file.toString(), "is not a valid gzip stream: " + e.getMessage(),
                    "the file is damaged; fetch it again or store it uncompressed", e);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot be decompressed: " + e.getMessage(),
                    "the file is damaged; fetch it again", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder sb = new StringBuilder(64);
            for (byte b : h) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
