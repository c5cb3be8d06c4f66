package org.myelin.core.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.myelin.api.InvalidInputException;
import org.myelin.core.array.DoubleMatrix;
import org.myelin.core.array.FloatMatrix;

/**
 * numpy's NPY format (numpy/lib/format.py): a magic string, a version, a Python-dict header
 * with {@code descr}, {@code fortran_order} and {@code shape}, then the raw values. Reads
 * versions 1.0, 2.0 and 3.0 and the dtypes of {@link NpyDtype}; writes version 1.0 (2.0 when
 * the header needs more than 65535 bytes) with the header padded to a multiple of 64 bytes as
 * numpy does. Files are streamed, so reading needs no second copy of the data.
 *
 * <p>Rejected with an {@link InvalidInputException} naming the file: bad magic, unknown versions,
 * big-endian or unsupported dtypes, {@code fortran_order: True} (unless asked to convert),
 * truncated headers or data (with expected and actual byte counts), more than
 * {@code Integer.MAX_VALUE - 8} elements.
 */
public final class Npy {

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final int CHUNK = 1 << 20;

    private Npy() {
    }

    /**
     * @param file an NPY file
     * @return its array
     * @throws InvalidInputException naming the file when it is missing, unreadable or malformed
     */
    public static NpyArray read(Path file) {
        return read(file, false);
    }

    /**
     * @param file an NPY file
     * @param convertFortranOrder whether an array saved in Fortran (column-major) order is converted to C order instead of rejected
     * @return its array, in C order
     * @throws InvalidInputException naming the file when it is missing, unreadable or malformed
     */
    public static NpyArray read(Path file, boolean convertFortranOrder) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return decode(ch, ch.size(), file.toString(), convertFortranOrder);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "file not found", "check the path");
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot be read: " + e.getMessage(), null, e);
        }
    }

    /**
     * @param bytes the whole content of an NPY file
     * @param where names the source in messages
     * @param convertFortranOrder whether Fortran order is converted instead of rejected
     * @return its array, in C order
     * @throws InvalidInputException naming {@code where} when malformed
     */
    public static NpyArray read(byte[] bytes, String where, boolean convertFortranOrder) {
        try {
            return decode(Channels.newChannel(new ByteArrayInputStream(bytes)), bytes.length, where, convertFortranOrder);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
    }

    /**
     * @param file an NPY file holding a 2-D array of any supported dtype
     * @return it as a float64 matrix
     * @throws InvalidInputException naming the file when malformed or not 2-D
     */
    public static DoubleMatrix readDoubleMatrix(Path file) {
        return read(file).toDoubleMatrix(file.toString());
    }

    /**
     * @param file an NPY file holding a 2-D array of any supported dtype
     * @return it as a float32 matrix
     * @throws InvalidInputException naming the file when malformed or not 2-D
     */
    public static FloatMatrix readFloatMatrix(Path file) {
        return read(file).toFloatMatrix(file.toString());
    }

    /**
     * Writes an array to a file (created or replaced).
     *
     * @param file the target
     * @param array the array
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, NpyArray array) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, array);
        }
    }

    /**
     * @param file the target
     * @param matrix written as {@code <f8}, shape (rows, cols)
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, DoubleMatrix matrix) throws IOException {
        write(file, NpyArray.of(matrix));
    }

    /**
     * @param file the target
     * @param matrix written as {@code <f4}, shape (rows, cols)
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, FloatMatrix matrix) throws IOException {
        write(file, NpyArray.of(matrix));
    }

    /**
     * Writes an array in NPY format.
     *
     * @param out the stream (not closed)
     * @param array the array
     * @throws IOException when writing fails
     */
    public static void write(OutputStream out, NpyArray array) throws IOException {
        int[] shape = array.shape();
        String dict = "{'descr': '" + array.dtype().descr() + "', 'fortran_order': False, 'shape': " + shapeText(shape) + ", }";
        int prefix = 10;
        int major = 1;
        if (dict.length() + 1 + 64 > 65535) {
            prefix = 12;
            major = 2;
        }
        int pad = (64 - (prefix + dict.length() + 1) % 64) % 64;
        byte[] header = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer head = ByteBuffer.allocate(prefix).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) {
            head.putShort((short) header.length);
        } else {
            head.putInt(header.length);
        }
        out.write(head.array());
        out.write(header);
        writeData(out, array);
    }

    private static void writeData(OutputStream out, NpyArray array) throws IOException {
        int n = array.size();
        int width = array.dtype().width();
        int perChunk = CHUNK / width;
        ByteBuffer buf = ByteBuffer.allocate(perChunk * width).order(ByteOrder.LITTLE_ENDIAN);
        Object data = array.data();
        for (int from = 0; from < n; from += perChunk) {
            int len = Math.min(perChunk, n - from);
            buf.clear();
            switch (array.dtype()) {
                case FLOAT32:
                    buf.asFloatBuffer().put((float[]) data, from, len);
                    break;
                case FLOAT64:
                    buf.asDoubleBuffer().put((double[]) data, from, len);
                    break;
                case INT32:
                    buf.asIntBuffer().put((int[]) data, from, len);
                    break;
                case INT64:
                    buf.asLongBuffer().put((long[]) data, from, len);
                    break;
                case UINT8:
                    buf.put((byte[]) data, from, len);
                    break;
                default:
                    boolean[] b = (boolean[]) data;
                    for (int i = 0; i < len; i++) {
                        buf.put(b[from + i] ? (byte) 1 : (byte) 0);
                    }
                    break;
            }
            out.write(buf.array(), 0, len * width);
        }
    }

    static String shapeText(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }

    private static NpyArray decode(ReadableByteChannel ch, long total, String where, boolean convertFortran) throws IOException {
        ByteBuffer prefix = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, prefix);
        byte[] p = prefix.array();
        if (prefix.position() < 10 || (p[0] & 0xff) != 0x93 || !new String(p, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new InvalidInputException(where, "not an NPY file (the first bytes are not \\x93NUMPY)", "save the array with numpy.save");
        }
        int major = p[6];
        long headerLen;
        int offset;
        if (major == 1) {
            headerLen = Short.toUnsignedInt(prefix.getShort(8));
            offset = 10;
        } else if (major == 2 || major == 3) {
            ByteBuffer rest = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, rest);
            if (rest.position() < 2) {
                throw new InvalidInputException(where, "truncated NPY header: the file has " + total + " bytes",
                        "the file is incomplete; save it again");
            }
            headerLen = Integer.toUnsignedLong(ByteBuffer.wrap(new byte[] {p[8], p[9], rest.get(0), rest.get(1)})
                    .order(ByteOrder.LITTLE_ENDIAN).getInt());
            offset = 12;
        } else {
            throw new InvalidInputException(where, "NPY format version " + major + "." + p[7] + " is not supported",
                    "save with numpy.save (versions 1.0, 2.0 and 3.0 are read)");
        }
        if (offset + headerLen > total) {
            throw new InvalidInputException(where, "truncated NPY header: it needs " + (offset + headerLen)
                    + " bytes, the file has " + total, "the file is incomplete; save it again");
        }
        ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
        readFully(ch, hb);
        String header = new String(hb.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new InvalidInputException(where, "malformed NPY header " + header.trim(),
                    "it needs 'descr', 'fortran_order' and 'shape'; save with numpy.save");
        }
        String descr = d.group(1);
        NpyDtype dtype = NpyDtype.ofDescr(descr);
        if (dtype == null) {
            boolean bigEndian = descr.startsWith(">") || descr.startsWith("!");
            throw new InvalidInputException(where, "dtype " + descr + (bigEndian ? " is big-endian" : " is not supported"),
                    bigEndian ? "save little-endian data (x.astype(x.dtype.newbyteorder('<')))"
                            : "save one of <f4 <f8 <i4 <i8 |u1 |b1 (e.g. x.astype(numpy.float64))");
        }
        int[] shape = parseShape(s.group(1), header, where);
        long n = 1;
        for (int dim : shape) {
            n *= dim;
            if (n > Integer.MAX_VALUE - 8) {
                throw new InvalidInputException(where, "shape " + shapeText(shape) + " has more than " + (Integer.MAX_VALUE - 8)
                        + " elements", "split the array into smaller files");
            }
        }
        boolean fortran = f.group(1).equals("True");
        if (fortran && !convertFortran) {
            throw new InvalidInputException(where, "array of dtype " + descr + " and shape " + shapeText(shape)
                    + " is stored in Fortran order", "save a C-order array: numpy.save(path, numpy.ascontiguousarray(x))");
        }
        long need = n * dtype.width();
        long have = total - offset - headerLen;
        if (have < need) {
            throw new InvalidInputException(where, "truncated: shape " + shapeText(shape) + " of " + descr + " needs " + need
                    + " bytes of data, the file has " + have, "the file is incomplete; save it again");
        }
        Object data = readData(ch, dtype, (int) n);
        if (fortran && shape.length > 1) {
            data = toCOrder(data, dtype, shape);
        }
        return NpyArray.of(dtype, shape, data);
    }

    private static int[] parseShape(String text, String header, String where) {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.trim();
            if (t.isEmpty()) {
                continue;
            }
            try {
                long v = Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t);
                if (v < 0 || v > Integer.MAX_VALUE) {
                    throw new NumberFormatException();
                }
                dims.add((int) v);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(where, "malformed shape (" + text + ") in NPY header " + header.trim(),
                        "save with numpy.save");
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Object readData(ReadableByteChannel ch, NpyDtype dtype, int n) throws IOException {
        int width = dtype.width();
        int perChunk = CHUNK / width;
        ByteBuffer buf = ByteBuffer.allocate(Math.max(1, Math.min(n, perChunk)) * width).order(ByteOrder.LITTLE_ENDIAN);
        Object data;
        switch (dtype) {
            case FLOAT32:
                data = new float[n];
                break;
            case FLOAT64:
                data = new double[n];
                break;
            case INT32:
                data = new int[n];
                break;
            case INT64:
                data = new long[n];
                break;
            case UINT8:
                data = new byte[n];
                break;
            default:
                data = new boolean[n];
                break;
        }
        for (int from = 0; from < n; from += perChunk) {
            int len = Math.min(perChunk, n - from);
            buf.clear().limit(len * width);
            readFully(ch, buf);
            buf.flip();
            switch (dtype) {
                case FLOAT32:
                    buf.asFloatBuffer().get((float[]) data, from, len);
                    break;
                case FLOAT64:
                    buf.asDoubleBuffer().get((double[]) data, from, len);
                    break;
                case INT32:
                    buf.asIntBuffer().get((int[]) data, from, len);
                    break;
                case INT64:
                    buf.asLongBuffer().get((long[]) data, from, len);
                    break;
                case UINT8:
                    buf.get((byte[]) data, from, len);
                    break;
                default:
                    boolean[] b = (boolean[]) data;
                    for (int i = 0; i < len; i++) {
                        b[from + i] = buf.get() != 0;
                    }
                    break;
            }
        }
        return data;
    }

    /** Reorders values stored with the first index fastest into C order (last index fastest). */
    private static Object toCOrder(Object src, NpyDtype dtype, int[] shape) {
        int n = java.lang.reflect.Array.getLength(src);
        Object dst = java.lang.reflect.Array.newInstance(src.getClass().getComponentType(), n);
        int dims = shape.length;
        int[] cStride = new int[dims];
        int stride = 1;
        for (int k = dims - 1; k >= 0; k--) {
            cStride[k] = stride;
            stride *= shape[k];
        }
        int[] index = new int[dims];
        for (int f = 0; f < n; f++) {
            int c = 0;
            for (int k = 0; k < dims; k++) {
                c += index[k] * cStride[k];
            }
            System.arraycopy(src, f, dst, c, 1);
            for (int k = 0; k < dims; k++) {
                if (++index[k] < shape[k]) {
                    break;
                }
                index[k] = 0;
            }
        }
        return dst;
    }

    private static void readFully(ReadableByteChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                return;
            }
        }
    }
}
