package org.myelin.runtime.internal.matrix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;

/**
 * Reads 2-D matrices from {@code .npy} (format 1.0/2.0/3.0, little-endian float32 or float64,
 * C or Fortran order) and {@code .csv} (numbers only, no header, comma separated) files. Every
 * error names the file, and for CSV the line and column.
 */
public final class MatrixFiles {

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private MatrixFiles() {
    }

    /**
     * @param file a {@code .npy} or {@code .csv} file
     * @return the matrix (rows = stimuli, columns = units)
     * @throws InvalidInputException naming the file when it is missing or malformed
     */
    public static Matrix read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".npy")) {
                return readNpy(file);
            }
            if (name.endsWith(".csv") || name.endsWith(".txt")) {
                return readCsv(file);
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "file not found", "check the path");
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot be read: " + e.getMessage(), null);
        }
        throw new InvalidInputException(file.toString(), "unknown matrix format", "give a .npy (float32/float64, 2-D) or .csv file");
    }

    static Matrix readNpy(Path file) throws IOException {
        return readNpy(Files.readAllBytes(file), file.toString());
    }

    /**
     * @param all the bytes of an NPY file
     * @param where names the source in messages
     * @return the 2-D matrix
     * @throws InvalidInputException when malformed
     */
    public static Matrix readNpy(byte[] all, String where) {
        if (all.length < 10 || (all[0] & 0xff) != 0x93 || !new String(all, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new InvalidInputException(where, "not an NPY file (bad magic bytes)", "save with numpy.save");
        }
        int major = all[6];
        ByteBuffer bb = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen;
        int offset;
        if (major == 1) {
            headerLen = Short.toUnsignedInt(bb.getShort(8));
            offset = 10;
        } else if (major == 2 || major == 3) {
            headerLen = bb.getInt(8);
            offset = 12;
        } else {
            throw new InvalidInputException(where, "unsupported NPY format version " + major, "save with numpy.save");
        }
        if (offset + headerLen > all.length) {
            throw new InvalidInputException(where, "truncated NPY header", "the file is incomplete; save it again");
        }
        String header = new String(all, offset, headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new InvalidInputException(where, "malformed NPY header: " + header.trim(), "save with numpy.save");
        }
        String descr = d.group(1);
        int width;
        if (descr.equals("<f8")) {
            width = 8;
        } else if (descr.equals("<f4")) {
            width = 4;
        } else {
            throw new InvalidInputException(where, "dtype " + descr + " is not supported",
                    "save float32 or float64 little-endian data (x.astype(numpy.float64))");
        }
        String[] dims = s.group(1).split(",");
        List<Long> shape = new ArrayList<>();
        for (String dim : dims) {
            if (!dim.isBlank()) {
                shape.add(Long.parseLong(dim.trim()));
            }
        }
        if (shape.size() != 2) {
            throw new InvalidInputException(where, "expected a 2-D array (stimuli x units), got shape " + shape,
                    "reshape to (n_stimuli, n_units)");
        }
        long rows = shape.get(0);
        long cols = shape.get(1);
        long n = rows * cols;
        int data = offset + headerLen;
        if ((long) all.length - data < n * width) {
            throw new InvalidInputException(where, "truncated: shape " + rows + " x " + cols + " needs " + n * width
                    + " bytes of data, the file has " + (all.length - data), "the file is incomplete; save it again");
        }
        if (n > Integer.MAX_VALUE) {
            throw new InvalidInputException(where, "matrix of " + n + " values is too large", null);
        }
        boolean fortran = f.group(1).equals("True");
        double[] out = new double[(int) n];
        for (int i = 0; i < n; i++) {
            double v = width == 8 ? bb.getDouble(data + i * 8) : bb.getFloat(data + i * 4);
            int idx = i;
            if (fortran) {
                int c = (int) (i / rows);
                int r = (int) (i % rows);
                idx = (int) (r * cols + c);
            }
            out[idx] = v;
        }
        return new Matrix((int) rows, (int) cols, out);
    }

    static Matrix readCsv(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        int cols = -1;
        try (InputStream in = Files.newInputStream(file);
                BufferedReader r = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
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
                double[] row = new double[cells.length];
                for (int c = 0; c < cells.length; c++) {
                    String t = cells[c].trim();
                    try {
                        row[c] = Double.parseDouble(t);
                    } catch (NumberFormatException e) {
                        throw new InvalidInputException(file + ":" + lineNo + ":" + (c + 1), "'" + t + "' is not a number",
                                "CSV matrices have numbers only, no header row");
                    }
                }
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(file.toString(), "the file holds no rows", "give a matrix with one row per stimulus");
        }
        double[] data = new double[rows.size() * cols];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, data, i * cols, cols);
        }
        return new Matrix(rows.size(), cols, data);
    }
}
