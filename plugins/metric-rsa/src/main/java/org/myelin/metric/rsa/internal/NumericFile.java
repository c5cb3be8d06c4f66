package org.myelin.metric.rsa.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.myelin.api.InvalidInputException;

/**
 * Reads the small side files of the {@code rsa} parameters ({@code conditions}, {@code folds},
 * {@code noise}): text with one row per line, values separated by commas, tabs or spaces
 * ({@code #} starts a comment, blank lines are skipped), or a NumPy {@code .npy} file of
 * little-endian float64, int64 or int32 in C order with one or two dimensions.
 *
 * @param rows number of rows (a 1-D array is a column)
 * @param cols number of columns
 * @param data the values, row-major
 */
record NumericFile(int rows, int cols, double[] data) {

    /**
     * @param file the file; relative paths resolve against the working directory
     * @param param the parameter that named it, for messages
     * @return its values
     * @throws InvalidInputException naming the parameter, file and line when it cannot be read
     */
    static NumericFile read(String file, String param) {
        Path path = Path.of(file);
        String where = param + " (" + file + ")";
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(where, "file not found (relative paths start in " + Path.of("").toAbsolutePath() + ")",
                    "give the path of a text or .npy file");
        } catch (IOException e) {
            throw new InvalidInputException(where, "cannot read: " + e.getMessage(), null, e);
        }
        return file.toLowerCase(Locale.ROOT).endsWith(".npy") ? npy(bytes, where) : text(bytes, where);
    }

    private static NumericFile text(byte[] bytes, String where) {
        List<double[]> rows = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("[,\\s]+");
            double[] r = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                try {
                    r[j] = Double.parseDouble(f[j]);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(where + ": line " + (i + 1), "'" + f[j] + "' is not a number", "write numbers only");
                }
                if (!Double.isFinite(r[j])) {
                    throw new InvalidInputException(where + ": line " + (i + 1), "value " + (j + 1) + " is " + f[j],
                            "write finite numbers only");
                }
            }
            if (!rows.isEmpty() && r.length != rows.get(0).length) {
                throw new InvalidInputException(where + ": line " + (i + 1), "has " + r.length + " values, the first row has "
                        + rows.get(0).length, "give every row the same number of values");
            }
            rows.add(r);
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(where, "the file holds no values", "give one row per line");
        }
        int cols = rows.get(0).length;
        double[] d = new double[rows.size() * cols];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, d, i * cols, cols);
        }
        return new NumericFile(rows.size(), cols, d);
    }

    private static NumericFile npy(byte[] bytes, String where) {
        if (bytes.length < 10 || bytes[0] != (byte) 0x93 || bytes[1] != 'N' || bytes[2] != 'U') {
            throw new InvalidInputException(where, "not a NumPy .npy file (bad magic)", "save it with numpy.save");
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        int headerLen = major == 1 ? Short.toUnsignedInt(bb.getShort(8)) : bb.getInt(8);
        int start = major == 1 ? 10 : 12;
        String header = new String(bytes, start, headerLen, StandardCharsets.ISO_8859_1);
        String descr = field(header, "descr");
        if (header.contains("'fortran_order': True")) {
            throw new InvalidInputException(where, "Fortran-ordered arrays are not supported", "save a C-ordered array");
        }
        String shape = header.substring(header.indexOf('(', header.indexOf("shape")) + 1, header.indexOf(')', header.indexOf("shape")));
        List<Integer> dims = new ArrayList<>();
        for (String s : shape.split(",")) {
            if (!s.isBlank()) {
                dims.add(Integer.parseInt(s.trim()));
            }
        }
        if (dims.isEmpty() || dims.size() > 2) {
            throw new InvalidInputException(where, "has " + dims.size() + " dimensions", "give a 1-D or 2-D array");
        }
        int rows = dims.get(0);
        int cols = dims.size() == 2 ? dims.get(1) : 1;
        int width = descr.equals("<f8") || descr.equals("<i8") ? 8 : descr.equals("<i4") ? 4 : 0;
        if (width == 0) {
            throw new InvalidInputException(where, "dtype " + descr + " is not supported", "use float64, int64 or int32");
        }
        int off = start + headerLen;
        if ((long) rows * cols * width > bytes.length - off) {
            throw new InvalidInputException(where, "is shorter than its header says", "save it again with numpy.save");
        }
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            int at = off + i * width;
            d[i] = descr.equals("<f8") ? bb.getDouble(at) : descr.equals("<i8") ? bb.getLong(at) : bb.getInt(at);
            if (!Double.isFinite(d[i])) {
                throw new InvalidInputException(where, "row " + (i / cols) + ", column " + (i % cols) + " is " + d[i],
                        "give finite values only");
            }
        }
        return new NumericFile(rows, cols, d);
    }

    private static String field(String header, String name) {
        int k = header.indexOf("'" + name + "'");
        int q1 = header.indexOf('\'', header.indexOf(':', k) + 1);
        int q2 = header.indexOf('\'', q1 + 1);
        return header.substring(q1 + 1, q2);
    }

    /**
     * @param param the parameter, for messages
     * @param file the file name, for messages
     * @param expected the number of labels needed (one per row of the representation)
     * @return the values as integer labels, one per row
     * @throws InvalidInputException when the file is not a single column of integers of the right length
     */
    int[] labels(String param, String file, int expected) {
        String where = param + " (" + file + ")";
        if (cols != 1 && rows != 1) {
            throw new InvalidInputException(where, "is " + rows + " x " + cols, "give one integer label per line");
        }
        if (data.length != expected) {
            throw new InvalidInputException(where, "has " + data.length + " labels but the representation has " + expected + " rows",
                    "give one integer label per row of the representation, in row order");
        }
        int[] out = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            if (data[i] != Math.rint(data[i]) || Math.abs(data[i]) > Integer.MAX_VALUE) {
                throw new InvalidInputException(where + ": label " + (i + 1), data[i] + " is not an integer",
                        "give one integer label per row");
            }
            out[i] = (int) data[i];
        }
        return out;
    }
}
