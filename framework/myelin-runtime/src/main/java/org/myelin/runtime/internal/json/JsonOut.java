package org.myelin.runtime.internal.json;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Map;

import org.myelin.api.array.Matrix;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes plain Java values (maps, lists, numbers, strings, booleans, arrays, {@link Matrix}) as
 * JSON through jackson-core's streaming generator. JSON has no NaN: non-finite numbers are written
 * as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 */
public final class JsonOut {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonOut() {
    }

    /**
     * @param value the value
     * @param pretty indent the output
     * @return the JSON text
     */
    public static String write(Object value, boolean pretty) {
        StringWriter w = new StringWriter();
        write(value, pretty, w);
        return w.toString();
    }

    /**
     * @param value the value
     * @param pretty indent the output
     * @param out where to write (not closed)
     */
    public static void write(Object value, boolean pretty, Writer out) {
        try {
            JsonGenerator g = FACTORY.createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            writeValue(g, value);
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String) {
            g.writeString((String) v);
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof Double || v instanceof Float) {
            writeDouble(g, ((Number) v).doubleValue());
        } else if (v instanceof Number) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection) {
            g.writeStartArray();
            for (Object o : (Collection<?>) v) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof double[]) {
            g.writeStartArray();
            for (double d : (double[]) v) {
                writeDouble(g, d);
            }
            g.writeEndArray();
        } else if (v instanceof float[]) {
            g.writeStartArray();
            for (float d : (float[]) v) {
                writeDouble(g, d);
            }
            g.writeEndArray();
        } else if (v instanceof int[]) {
            g.writeStartArray();
            for (int d : (int[]) v) {
                g.writeNumber(d);
            }
            g.writeEndArray();
        } else if (v instanceof long[]) {
            g.writeStartArray();
            for (long d : (long[]) v) {
                g.writeNumber(d);
            }
            g.writeEndArray();
        } else if (v instanceof Matrix) {
            Matrix m = (Matrix) v;
            g.writeStartArray();
            for (int r = 0; r < m.rows(); r++) {
                g.writeStartArray();
                for (int c = 0; c < m.cols(); c++) {
                    writeDouble(g, m.get(r, c));
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        } else if (v instanceof Object[]) {
            writeValue(g, java.util.Arrays.asList((Object[]) v));
        } else {
            g.writeString(v.toString());
        }
    }

    private static void writeDouble(JsonGenerator g, double d) throws IOException {
        if (Double.isNaN(d)) {
            g.writeString("NaN");
        } else if (Double.isInfinite(d)) {
            g.writeString(d > 0 ? "Infinity" : "-Infinity");
        } else {
            g.writeNumber(d);
        }
    }
}
