package org.myelin.core.linalg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The numpy/scipy reference values in {@code src/test/resources/linalg/reference.txt} (made by
 * {@code make_reference.py} beside it) and the closed-form test matrices they were computed on.
 */
public final class ReferenceValues {

    private static final Map<String, double[]> VALUES = load();

    private ReferenceValues() {
    }

    /**
     * @param name a line name of reference.txt
     * @return its values
     */
    public static double[] get(String name) {
        double[] v = VALUES.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no reference " + name);
        }
        return v.clone();
    }

    /**
     * @param m rows
     * @param n columns
     * @param seed the formula's offset
     * @return {@code F[i, j] = sin(1 + seed + 0.7 i + 1.3 j + 0.1 i j)}, row-major, as in make_reference.py
     */
    public static double[] formula(int m, int n, int seed) {
        double[] f = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                f[i * n + j] = Math.sin(1 + seed + 0.7 * i + 1.3 * j + 0.1 * i * j);
            }
        }
        return f;
    }

    private static Map<String, double[]> load() {
        try (InputStream in = ReferenceValues.class.getResourceAsStream("/linalg/reference.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, double[]> map = new HashMap<>();
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.trim().split(" ");
                map.put(parts[0], Arrays.stream(parts, 1, parts.length).mapToDouble(Double::parseDouble).toArray());
            }
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
