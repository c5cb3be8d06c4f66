package org.myelin.core.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.myelin.api.InvalidInputException;
import org.myelin.core.array.DoubleMatrix;
import org.myelin.core.array.FloatMatrix;

/**
 * Matrices as plain CSV: one row per line, comma-separated numbers, no header. Blank lines are
 * skipped; {@code NaN} and {@code Infinity} are read as such (callers that need finite data
 * check it). Errors name {@code file:line:column} (1-based) and say what would be right. Values
 * are written with {@link Double#toString(double)}, which reads back to the same double.
 */
public final class CsvMatrix {

    private CsvMatrix() {
    }

    /**
     * @param file a CSV file
     * @return its matrix
     * @throws InvalidInputException naming file, line and column for a value that is not a number, a ragged row, or an empty file
     */
    public static DoubleMatrix read(Path file) {
        DoubleRows rows = new DoubleRows();
        int cols = -1;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cols < 0) {
                    cols = cells.length;
                } else if (cells.length != cols) {
                    throw new InvalidInputException(file + ":" + lineNo, "row has " + cells.length + " values, earlier rows have " + cols,
                            "every row needs the same number of columns");
                }
                for (int c = 0; c < cells.length; c++) {
                    String t = cells[c].trim();
                    try {
                        rows.add(Double.parseDouble(t));
                    } catch (NumberFormatException e) {
                        throw new InvalidInputException(file + ":" + lineNo + ":" + (c + 1),
                                t.isEmpty() ? "empty value" : "'" + t + "' is not a number",
                                "CSV matrices hold numbers only, comma-separated, with no header row");
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "file not found", "check the path");
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot be read: " + e.getMessage(), null, e);
        }
        if (cols < 0) {
            throw new InvalidInputException(file.toString(), "the file holds no rows", "give one row of numbers per line");
        }
        return DoubleMatrix.wrap(rows.size() / cols, cols, rows.toArray());
    }

    /**
     * @param file a CSV file
     * @return its matrix in float32
     * @throws InvalidInputException as {@link #read(Path)}
     */
    public static FloatMatrix readFloats(Path file) {
        DoubleMatrix m = read(file);
        float[] f = new float[m.data().length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) m.data()[i];
        }
        return FloatMatrix.wrap(m.rows(), m.cols(), f);
    }

    /**
     * Writes a matrix (created or replaced), one row per line.
     *
     * @param file the target
     * @param matrix the values
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, DoubleMatrix matrix) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            double[] d = matrix.data();
            int cols = matrix.cols();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < matrix.rows(); i++) {
                sb.setLength(0);
                for (int j = 0; j < cols; j++) {
                    if (j > 0) {
                        sb.append(',');
                    }
                    sb.append(d[i * cols + j]);
                }
                w.append(sb).append('\n');
            }
        }
    }

    /**
     * @param file the target
     * @param matrix the values, written with {@link Float#toString(float)}
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, FloatMatrix matrix) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            float[] d = matrix.data();
            int cols = matrix.cols();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < matrix.rows(); i++) {
                sb.setLength(0);
                for (int j = 0; j < cols; j++) {
                    if (j > 0) {
                        sb.append(',');
                    }
                    sb.append(d[i * cols + j]);
                }
                w.append(sb).append('\n');
            }
        }
    }

    /** A growing flat array of doubles (no boxing for large files). */
    private static final class DoubleRows {
        private double[] values = new double[1024];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
