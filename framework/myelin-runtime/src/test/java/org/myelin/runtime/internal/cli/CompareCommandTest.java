package org.myelin.runtime.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.cli.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.api.InvalidInputException;
import org.myelin.api.PluginKind;
import org.myelin.api.PluginProperties;
import org.myelin.api.PluginUnavailableException;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.MetricTraits;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;
import org.myelin.runtime.internal.catalog.PluginCatalog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/**
 * {@code myelin compare} behaviour against a probe metric served by a proxy bundle context: the
 * JSON result shape, {@code --plan-out} switching on {@code include_plan}, batch lines in order
 * with one error line per bad pair, relative path parameters in a batch, and the errors for an
 * unknown metric, an unknown parameter and a non-finite input.
 */
class CompareCommandTest {

    @TempDir
    Path dir;

    /** Value = rows x scale; details echo include_plan and the labels file's first line. */
    static final class Probe implements SimilarityMetric {
        @Override
        public String id() {
            return "probe";
        }

        @Override
        public String description() {
            return "test metric";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.ofDouble("scale", 1.0, "", 0.0, null, "multiplier"),
                    ParameterSpec.ofBoolean("include_plan", false, "plan"),
                    ParameterSpec.ofPath("labels", "", "a file"));
        }

        @Override
        public MetricTraits traits() {
            return new MetricTraits(true, false, 0);
        }

        @Override
        public SimilarityResult compare(Matrix x, Matrix y, Parameters params) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("include_plan", params.getBoolean("include_plan"));
            String labels = params.getString("labels");
            if (!labels.isEmpty()) {
                try {
                    d.put("labels", Files.readAllLines(Path.of(labels)).get(0));
                } catch (java.io.IOException e) {
                    throw new InvalidInputException("labels", "cannot read " + labels, null);
                }
            }
            if (params.getBoolean("include_plan")) {
                d.put("plan", Matrix.zeros(2, 2));
            }
            return new SimilarityResult(x.rows() * params.getDouble("scale"), d);
        }
    }

    private static PluginCatalog catalog() {
        return new PluginCatalog(context(new Probe()));
    }

    @Test
    void singleResultHasMetricValueDetailsAndMedianTiming() {
        Map<String, Object> r = CompareCommand.compare(catalog(), "probe", Matrix.zeros(4, 2), Matrix.zeros(4, 3),
                Map.of("scale", "2.5"), 3, null, false);
        assertEquals("probe", r.get("metric"));
        assertEquals(10.0, r.get("value"));
        assertEquals(Map.of("include_plan", false), r.get("details"));
        @SuppressWarnings("unchecked")
        Map<String, Object> timing = (Map<String, Object>) r.get("timing");
        assertTrue((Double) timing.get("compute_s") >= 0);
        assertEquals(3, timing.get("repeat"));
    }

    @Test
    void planOutSwitchesOnIncludePlanUnlessGiven() {
        Map<String, Object> on = CompareCommand.compare(catalog(), "probe", Matrix.zeros(4, 2), Matrix.zeros(4, 2), Map.of(), 1, null,
                true);
        assertEquals(true, ((Map<?, ?>) on.get("details")).get("include_plan"));
        Map<String, Object> off = CompareCommand.compare(catalog(), "probe", Matrix.zeros(4, 2), Matrix.zeros(4, 2),
                Map.of("include_plan", "false"), 1, null, true);
        assertEquals(false, ((Map<?, ?>) off.get("details")).get("include_plan"));
    }

    @Test
    void unknownMetricAndParameterListWhatExists() {
        PluginUnavailableException missing = assertThrows(PluginUnavailableException.class,
                () -> CompareCommand.compare(catalog(), "nope", Matrix.zeros(3, 1), Matrix.zeros(3, 1), Map.of(), 1, null, false));
        assertTrue(missing.getMessage().contains("probe"), missing.getMessage());
        InvalidParameterException bad = assertThrows(InvalidParameterException.class,
                () -> CompareCommand.compare(catalog(), "probe", Matrix.zeros(3, 1), Matrix.zeros(3, 1), Map.of("scael", 1), 1, null,
                        false));
        assertTrue(bad.getMessage().contains("valid parameters: scale, include_plan, labels"), bad.getMessage());
        InvalidInputException rows = assertThrows(InvalidInputException.class,
                () -> CompareCommand.compare(catalog(), "probe", Matrix.zeros(3, 1), Matrix.zeros(4, 1), Map.of(), 1, null, false));
        assertTrue(rows.getMessage().contains("X has 3 stimuli (rows) but Y has 4"), rows.getMessage());
    }

    @Test
    void nonFiniteInputNamesFileRowAndColumn() throws Exception {
        Path f = dir.resolve("x.npy");
        try (java.io.OutputStream o = Files.newOutputStream(f)) {
            org.myelin.runtime.internal.matrix.NpyWriter.write(new Matrix(2, 2, new double[] {1, 2, 3, Double.NaN}), o);
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CompareCommand.load(f, "X"));
        assertTrue(e.getMessage().startsWith("X (" + f + "): row 1, column 1 is NaN"), e.getMessage());
    }

    @Test
    void batchWritesOneLinePerPairInOrderAndGoesOnAfterErrors() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "1,2\n3,4\n5,7\n");
        Files.writeString(dir.resolve("b.csv"), "1\n2\n3\n");
        Files.writeString(dir.resolve("short.csv"), "1\n2\n");
        Files.writeString(dir.resolve("labels.txt"), "first\nsecond\n");
        Path pairs = Files.writeString(dir.resolve("pairs.jsonl"), String.join("\n",
                "{\"id\": \"ok\", \"x\": \"a.csv\", \"y\": \"b.csv\", \"metric\": \"probe\", \"params\": {\"scale\": 2, \"labels\": \"labels.txt\"}}",
                "{\"id\": \"rows\", \"x\": \"a.csv\", \"y\": \"short.csv\", \"metric\": \"probe\"}",
                "{\"id\": \"metric\", \"x\": \"a.csv\", \"y\": \"b.csv\", \"metric\": \"nope\"}",
                "{broken",
                "{\"id\": 7, \"x\": \"a.csv\", \"y\": \"missing.csv\", \"metric\": \"probe\"}",
                "{\"id\": \"param\", \"x\": \"a.csv\", \"y\": \"b.csv\", \"metric\": \"probe\", \"params\": {\"scale\": -1}}",
                "{\"id\": \"last\", \"x\": \"b.csv\", \"y\": \"a.csv\", \"metric\": \"probe\"}", ""));
        Path out = dir.resolve("out.jsonl");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), false);
        Host host = new Host(context(new Probe()));
        String[] args = {"--batch", pairs.toString(), "--out", out.toString()};
        assertEquals(ExitCodes.OK, CompareCommand.run(host, new DefaultParser().parse(CompareCommand.options(), args), io));
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(7, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("{\"id\":\"ok\",\"value\":6.0,\"details\":{\"include_plan\":false,\"labels\":\"first\"},"
                + "\"timing\":{\"compute_s\":"), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"id\":\"rows\",\"error\":\"X, Y: X has 3 stimuli (rows) but Y has 2"), lines.get(1));
        assertTrue(lines.get(2).startsWith("{\"id\":\"metric\",\"error\":\"unknown metric plugin 'nope'"), lines.get(2));
        assertTrue(lines.get(3).startsWith("{\"id\":null,\"error\":"), lines.get(3));
        assertTrue(lines.get(4).startsWith("{\"id\":7,\"error\":") && lines.get(4).contains("missing.csv"), lines.get(4));
        assertTrue(lines.get(5).startsWith("{\"id\":\"param\",\"error\":\"params.scale:"), lines.get(5));
        assertTrue(lines.get(6).startsWith("{\"id\":\"last\",\"value\":3.0"), lines.get(6));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("2 computed, 5 failed"), err.toString(StandardCharsets.UTF_8));
    }

    /** A bundle context serving the given metrics, enough for the catalog. */
    static BundleContext context(SimilarityMetric... metrics) {
        Bundle bundle = proxy(Bundle.class, (p, m, a) -> switch (m.getName()) {
            case "getSymbolicName" -> "probe-plugins";
            case "getVersion" -> new Version(1, 0, 0);
            case "getBundleId" -> 9L;
            case "getLocation" -> "memory:probe";
            case "getState" -> Bundle.ACTIVE;
            case "getHeaders" -> new Hashtable<String, String>();
            case "hashCode" -> 9;
            case "equals" -> p == a[0];
            default -> null;
        });
        Map<ServiceReference<?>, SimilarityMetric> refs = new LinkedHashMap<>();
        for (SimilarityMetric metric : metrics) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(PluginProperties.ID, metric.id());
            props.put(PluginProperties.KIND, PluginKind.METRIC.property());
            refs.put(proxy(ServiceReference.class, (p, m, a) -> switch (m.getName()) {
                case "getProperty" -> props.get((String) a[0]);
                case "getBundle" -> bundle;
                case "compareTo" -> 0;
                case "hashCode" -> System.identityHashCode(p);
                case "equals" -> p == a[0];
                case "toString" -> "ref(" + metric.id() + ")";
                default -> null;
            }), metric);
        }
        return proxy(BundleContext.class, (p, m, a) -> switch (m.getName()) {
            case "getServiceReferences" -> {
                String filter = (String) a[1];
                List<ServiceReference<?>> out = new java.util.ArrayList<>();
                if (PluginKind.METRIC.serviceInterface().equals(a[0])) {
                    for (ServiceReference<?> r : refs.keySet()) {
                        String id = (String) r.getProperty(PluginProperties.ID);
                        if (filter == null || filter.contains("=" + id + ")")) {
                            out.add(r);
                        }
                    }
                }
                yield out.isEmpty() ? null : out.toArray(new ServiceReference<?>[0]);
            }
            case "getService" -> refs.get(a[0]);
            case "ungetService" -> true;
            case "getBundles" -> new Bundle[] {bundle};
            default -> null;
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler h) {
        return (T) Proxy.newProxyInstance(CompareCommandTest.class.getClassLoader(), new Class<?>[] {type}, h);
    }
}
