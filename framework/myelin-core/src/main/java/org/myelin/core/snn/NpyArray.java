package org.myelin.core.snn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.myelin.api.InvalidInputException;

/**
 * A NumPy {@code .npy} array (format 1.0/2.0, C order) read as doubles, and a float32 writer.
 * Reads little- and big-endian {@code f4}, {@code f8}, {@code i1/i2/i4/i8}, {@code u1/u2/u4} and
 * {@code b1}. Used for the BPTT fixtures and for saved weights.
 *
 * @param shape the array's shape ({@code []} for a scalar)
 * @param dtype the NumPy type string, e.g. {@code <f4}
 * @param data the values in C order
 */
public record NpyArray(int[] shape, String dtype, double[] data) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** @return the number of elements */
    public int size() {
        return data.length;
    }

    /** @return the values as floats (a new array) */
    public float[] toFloats() {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        return f;
    }

    /** @return the values as ints (a new array); they must be integers */
    public int[] toInts() {
        int[] a = new int[data.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (int) data[i];
        }
        return a;
    }

    /** @return the shape as text, e.g. {@code [256, 700]} */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    /**
     * Reads a file.
     *
     * @param file the {@code .npy} file
     * @return the array
     * @throws InvalidInputException naming the file when it is missing, truncated or of an unsupported type
     * @throws IOException when it cannot be read
     */
    public static NpyArray read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "file not found", "give an existing .npy file");
        }
        return parse(bytes, file.toString());
    }

    /**
     * Parses the bytes of an {@code .npy} file.
     *
     * @param bytes the content
     * @param name the file name for messages
     * @return the array
     * @throws InvalidInputException naming the file when the content is malformed
     */
    public static NpyArray parse(byte[] bytes, String name) {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new InvalidInputException(name, "not a NumPy .npy file (no \\x93NUMPY magic)", "save it with numpy.save");
        }
        int major = bytes[6];
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen;
        int offset;
        if (major == 1) {
            headerLen = bb.getShort(8) & 0xffff;
            offset = 10;
        } else if (major == 2 || major == 3) {
            headerLen = bb.getInt(8);
            offset = 12;
        } else {
            throw new InvalidInputException(name, "unsupported .npy version " + major, "use format 1.0 or 2.0");
        }
        if (offset + headerLen > bytes.length) {
            throw new InvalidInputException(name, "truncated header", "re-save the array with numpy.save");
        }
        String header = new String(bytes, offset, headerLen, StandardCharsets.ISO_8859_1);
        String descr = field(header, "descr", name);
        String fortran = field(header, "fortran_order", name);
        String shapeText = field(header, "shape", name);
        if (!fortran.startsWith("False")) {
            throw new InvalidInputException(name, "Fortran-order array", "save a C-order array (numpy.ascontiguousarray)");
        }
        int[] shape = parseShape(shapeText, name);
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        String dt = descr.replace("'", "").replace("\"", "").trim();
        char order = dt.charAt(0);
        String type = order == '<' || order == '>' || order == '|' || order == '=' ? dt.substring(1) : dt;
        ByteOrder bo = order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int width;
        switch (type) {
            case "f4": case "i4": case "u4": width = 4; break;
            case "f8": case "i8": width = 8; break;
            case "i2": case "u2": width = 2; break;
            case "i1": case "u1": case "b1": width = 1; break;
            default:
                throw new InvalidInputException(name, "unsupported dtype '" + dt + "'", "use float32, float64 or an integer type");
        }
        int start = offset + headerLen;
        if (start + count * width > bytes.length) {
            throw new InvalidInputException(name, "truncated data: shape " + Arrays.toString(shape) + " of " + dt + " needs "
                    + count * width + " bytes, the file has " + (bytes.length - start), "re-save the array with numpy.save");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, start, (int) (count * width)).slice().order(bo);
        double[] out = new double[(int) count];
        for (int i = 0; i < out.length; i++) {
            switch (type) {
                case "f4": out[i] = data.getFloat(i * 4); break;
                case "f8": out[i] = data.getDouble(i * 8); break;
                case "i4": out[i] = data.getInt(i * 4); break;
                case "u4": out[i] = data.getInt(i * 4) & 0xffffffffL; break;
                case "i8": out[i] = data.getLong(i * 8); break;
                case "i2": out[i] = data.getShort(i * 2); break;
                case "u2": out[i] = data.getShort(i * 2) & 0xffff; break;
                case "i1": out[i] = data.get(i); break;
                default: out[i] = data.get(i) & 0xff;
            }
        }
        return new NpyArray(shape, dt, out);
    }

    private static String field(String header, String key, String name) {
        int k = header.indexOf("'" + key + "'");
        if (k < 0) {
            throw new InvalidInputException(name, "the .npy header has no '" + key + "'", "re-save the array with numpy.save");
        }
        int colon = header.indexOf(':', k);
        String rest = header.substring(colon + 1).trim();
        if (rest.startsWith("(")) {
            return rest.substring(0, rest.indexOf(')') + 1);
        }
        int end = rest.indexOf(',');
        return end < 0 ? rest : rest.substring(0, end);
    }

    private static int[] parseShape(String text, String name) {
        String inner = text.replace("(", "").replace(")", "").trim();
        List<Integer> dims = new ArrayList<>();
        for (String part : inner.split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                try {
                    dims.add(Integer.parseInt(p.replace("L", "")));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(name, "bad shape " + text, "re-save the array with numpy.save");
                }
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Writes a float32 array in format 1.0 (little-endian, C order).
     *
     * @param shape the shape
     * @param values the values, as many as the shape holds
     * @param out where to write; not closed
     * @throws IOException on failure
     */
    public static void writeFloat32(int[] shape, float[] values, OutputStream out) throws IOException {
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count + " values, got " + values.length);
        }
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + (dims.length() > 0 ? dims.substring(0, dims.length() - 2) : "") + ")";
        String dict = String.format(Locale.ROOT, "{'descr': '<f4', 'fortran_order': False, 'shape': %s, }", shapeText);
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        StringBuilder header = new StringBuilder(dict);
        header.append(" ".repeat(pad)).append('\n');
        ByteBuffer head = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        head.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.write(head.array());
        out.write(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer body = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            body.putFloat(v);
        }
        out.write(body.array());
    }

    /**
     * Reads an array from a stream (e.g. an artifact).
     *
     * @param in the stream; read to the end, not closed
     * @param name the name for messages
     * @return the array
     * @throws IOException on failure
     */
    public static NpyArray read(InputStream in, String name) throws IOException {
        return parse(in.readAllBytes(), name);
    }
}
