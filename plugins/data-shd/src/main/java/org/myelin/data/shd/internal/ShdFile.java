package org.myelin.data.shd.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import org.myelin.api.InvalidInputException;

/**
 * The content of one SHD HDF5 file (science/snn.md section 7.1): per sample the spike times in
 * seconds ({@code spikes/times}, variable-length, float16 in the release) and the input channel
 * of each spike ({@code spikes/units}), the class of each sample ({@code labels}), and the class
 * names from {@code extra/keys} when the file has them. Read with jhdf.
 *
 * @param file the file read
 * @param times spike times in seconds, one array per sample, in float precision (the release stores
 *              float16; float64 times are rounded to float, 0.1 us at 1 s)
 * @param units spike channels, one array per sample, parallel to {@code times}
 * @param labels class index of each sample
 * @param keys class names from {@code extra/keys}, or {@code null}
 * @param sha256 SHA-256 of the file's bytes, lower-case hex
 */
record ShdFile(Path file, float[][] times, int[][] units, int[] labels, List<String> keys, String sha256) {

    /** @return the number of samples */
    int size() {
        return labels.length;
    }

    /**
     * Reads and checks a file.
     *
     * @param file the HDF5 file
     * @return its content
     * @throws InvalidInputException naming the file (and the dataset, sample and spike) when it is
     *                               not HDF5, is truncated, lacks a dataset or holds inconsistent data
     * @throws IOException when the file cannot be read
     */
    static ShdFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file.toString(), Files.exists(file) ? "is not a file" : "does not exist",
                    "give an SHD HDF5 file such as shd_train.h5");
        }
        String sha = sha256(file);
        try (HdfFile hdf = new HdfFile(file)) {
            Object[] rawTimes = vlen(file, hdf, "spikes/times");
            Object[] rawUnits = vlen(file, hdf, "spikes/units");
            int[] labels = Numbers.toInts(data(file, hdf, "labels"), file + " labels");
            int n = rawTimes.length;
            if (rawUnits.length != n || labels.length != n) {
                throw new InvalidInputException(file.toString(), "spikes/times has " + n + " samples, spikes/units "
                        + rawUnits.length + " and labels " + labels.length, "the three datasets must have one entry per sample");
            }
            float[][] times = new float[n][];
            int[][] units = new int[n][];
            for (int i = 0; i < n; i++) {
                times[i] = Numbers.toFloats(rawTimes[i], file + " spikes/times[" + i + "]");
                units[i] = Numbers.toInts(rawUnits[i], file + " spikes/units[" + i + "]");
                if (times[i].length != units[i].length) {
                    throw new InvalidInputException(file + " sample " + i, times[i].length + " spike times but " + units[i].length
                            + " units", "spikes/times[i] and spikes/units[i] must have the same length");
                }
                for (int k = 0; k < times[i].length; k++) {
                    float t = times[i][k];
                    if (!(t >= 0) || Float.isInfinite(t)) {
                        throw new InvalidInputException(file + " spikes/times[" + i + "][" + k + "]", "spike time is " + t + " s",
                                "spike times are finite, non-negative seconds");
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (labels[i] < 0) {
                    throw new InvalidInputException(file + " labels[" + i + "]", "label is " + labels[i], "labels are class indices >= 0");
                }
            }
            return new ShdFile(file, times, units, labels, keys(file, hdf), sha);
        } catch (HdfException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException
                | java.nio.BufferUnderflowException | UnsupportedOperationException | ClassCastException e) {
            throw new InvalidInputException(file.toString(), "is not a readable HDF5 file in the SHD layout (" + e.getMessage() + ")",
                    "the file is damaged or incompletely copied, or not an SHD file; fetch it again", e);
        }
    }

    private static Object data(Path file, HdfFile hdf, String path) {
        Node node;
        try {
            node = hdf.getByPath(path);
        } catch (HdfException e) {
            throw missing(file, path, e);
        }
        if (!(node instanceof Dataset)) {
            throw new InvalidInputException(file + " " + path, "is a " + node.getType() + ", not a dataset",
                    "SHD files hold spikes/times, spikes/units and labels datasets");
        }
        return ((Dataset) node).getData();
    }

    private static Object[] vlen(Path file, HdfFile hdf, String path) {
        Object d = data(file, hdf, path);
        if (!(d instanceof Object[])) {
            throw new InvalidInputException(file + " " + path, "is not a one-dimensional variable-length dataset (read a "
                    + d.getClass().getSimpleName() + ")", "SHD stores one variable-length array per sample");
        }
        return (Object[]) d;
    }

    private static InvalidInputException missing(Path file, String path, Exception e) {
        return new InvalidInputException(file.toString(), "has no dataset " + path,
                "an SHD file holds spikes/times, spikes/units and labels (science/snn.md section 7.1)", e);
    }

    private static List<String> keys(Path file, HdfFile hdf) {
        Node node;
        try {
            node = hdf.getByPath("extra/keys");
        } catch (HdfException e) {
            return null;
        }
        if (!(node instanceof Dataset)) {
            return null;
        }
        Object d = ((Dataset) node).getData();
        List<String> out = new ArrayList<>();
        if (d instanceof Object[]) {
            for (Object o : (Object[]) d) {
                out.add(o instanceof byte[] ? new String((byte[]) o, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(o));
            }
            return out;
        }
        throw new InvalidInputException(file + " extra/keys", "is not a list of class names", "extra/keys holds one string per class");
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        StringBuilder sb = new StringBuilder(64);
        for (byte b : md.digest()) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }
}
