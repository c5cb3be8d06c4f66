package org.myelin.runtime.internal.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.registry.ExperimentRegistry;
import org.myelin.api.run.RunContext;
import org.myelin.runtime.internal.json.JsonOut;
import org.myelin.runtime.internal.matrix.MatrixFiles;

/**
 * Computes the {@code compare:} block after training: representations of this run by name, or
 * of a recorded run as {@code run:ID/NAME} (its {@code representations/NAME.npy} artifact). Each
 * value is logged as the metric {@code compare.METRIC(A,B)} and its details are stored as the
 * artifact {@code compare/INDEX-METRIC.json}. A metric's rejection of its input is re-thrown
 * naming the comparison and which representations its {@code x} and {@code y} were.
 */
final class Comparisons {

    private static final Pattern OTHER_RUN = Pattern.compile("run:(\\d+)/(.+)");

    private final ExperimentRegistry registry;
    private final long runId;
    private final RunContext context;

    Comparisons(ExperimentRegistry registry, long runId, RunContext context) {
        this.registry = registry;
        this.runId = runId;
        this.context = context;
    }

    Map<String, Double> compute(List<PreparedComparison> comparisons, Map<String, Matrix> own) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (PreparedComparison c : comparisons) {
            context.throwIfCancelled();
            Matrix a = representation(c.ref().a(), own, "compare[" + c.ref().index() + "].a");
            Matrix b = representation(c.ref().b(), own, "compare[" + c.ref().index() + "].b");
            if (a.rows() != b.rows()) {
                throw new InvalidInputException("compare[" + c.ref().index() + "]", c.ref().a() + " has " + a.rows() + " stimuli but "
                        + c.ref().b() + " has " + b.rows(), "compare representations of the same test stimuli");
            }
            long t0 = System.nanoTime();
            SimilarityResult r;
            try {
                r = c.metric().compare(a, b, c.params());
            } catch (InvalidInputException e) {
                // the metric names its inputs x and y; say which representations those were
                throw new InvalidInputException("compare[" + c.ref().index() + "] " + c.ref().metric().id() + "(x = " + c.ref().a()
                        + ", y = " + c.ref().b() + ")", e.getMessage(), null, e);
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            String key = "compare." + c.ref().metric().id() + "(" + c.ref().a() + "," + c.ref().b() + ")";
            out.put(key, r.value());
            registry.logMetrics(runId, 0, Map.of(key, r.value()));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("metric", c.ref().metric().id());
            doc.put("a", c.ref().a());
            doc.put("b", c.ref().b());
            doc.put("params", c.params().values());
            doc.put("value", r.value());
            doc.put("details", r.details());
            doc.put("timing", Map.of("compute_s", secs));
            byte[] json = JsonOut.write(doc, true).getBytes(StandardCharsets.UTF_8);
            registry.artifacts(runId).write("compare/" + c.ref().index() + "-" + c.ref().metric().id() + ".json", "application/json",
                    o -> o.write(json));
            context.log(key + " = " + r.value());
        }
        return out;
    }

    private Matrix representation(String ref, Map<String, Matrix> own, String where) throws IOException {
        Matcher m = OTHER_RUN.matcher(ref);
        if (!m.matches()) {
            Matrix local = own.get(ref);
            if (local == null) {
                throw new InvalidInputException(where, "this run has no representation '" + ref + "'",
                        "available: " + (own.isEmpty() ? "(none: the learning rule returned no representations)"
                                : String.join(", ", new TreeSet<>(own.keySet()))));
            }
            return local;
        }
        long other = Long.parseLong(m.group(1));
        String name = m.group(2);
        if (registry.findRun(other).isEmpty()) {
            throw new InvalidInputException(where, "run " + other + " does not exist", "see 'myelin runs list'");
        }
        try (InputStream in = registry.artifacts(other).open("representations/" + name + ".npy")) {
            return MatrixFiles.readNpy(in.readAllBytes(), "run " + other + " representations/" + name + ".npy");
        } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
            throw new InvalidInputException(where, "run " + other + " has no representation '" + name + "'",
                    "see 'myelin runs show " + other + "' for its artifacts under representations/");
        }
    }
}
