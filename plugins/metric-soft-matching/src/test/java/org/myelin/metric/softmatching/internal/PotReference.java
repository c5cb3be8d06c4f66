package org.myelin.metric.softmatching.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reader for {@code src/test/resources/pot_reference.txt}, the numbers that
 * {@code generate_pot_reference.py} computed with POT 0.8.2 (see the README next to it).
 */
public final class PotReference {

    /**
     * One block of the file.
     *
     * @param name case name
     * @param attributes {@code key=value} pairs of the header line (kind, p, q, mass, reg, n)
     * @param arrays the arrays that follow, by key
     */
    public record Case(String name, Map<String, String> attributes, Map<String, double[]> arrays) {

        /** @param key attribute name @return the attribute as an int */
        public int intAttr(String key) {
            return Integer.parseInt(attributes.get(key));
        }

        /** @param key attribute name @return the attribute as a double */
        public double doubleAttr(String key) {
            return Double.parseDouble(attributes.get(key));
        }

        /** @param key array name @return the array */
        public double[] array(String key) {
            double[] a = arrays.get(key);
            if (a == null) {
                throw new IllegalArgumentException("case " + name + " has no array " + key);
            }
            return a;
        }

        /** @param key array name @return its first value */
        public double scalar(String key) {
            return array(key)[0];
        }
    }

    private static Map<String, Case> cases;

    private PotReference() {
    }

    /** @return all cases by name, in file order */
    public static synchronized Map<String, Case> all() {
        if (cases == null) {
            cases = load();
        }
        return cases;
    }

    /** @param name case name @return the case */
    public static Case get(String name) {
        Case c = all().get(name);
        if (c == null) {
            throw new IllegalArgumentException("no case " + name + " in pot_reference.txt");
        }
        return c;
    }

    private static Map<String, Case> load() {
        Map<String, Case> out = new LinkedHashMap<>();
        try (InputStream in = PotReference.class.getResourceAsStream("/pot_reference.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Case current = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split(" ");
                if (parts[0].equals("case")) {
                    Map<String, String> attrs = new LinkedHashMap<>();
                    for (int k = 2; k < parts.length; k++) {
                        int eq = parts[k].indexOf('=');
                        attrs.put(parts[k].substring(0, eq), parts[k].substring(eq + 1));
                    }
                    current = new Case(parts[1], attrs, new LinkedHashMap<>());
                    out.put(parts[1], current);
                } else {
                    double[] v = new double[parts.length - 1];
                    for (int k = 1; k < parts.length; k++) {
                        v[k - 1] = Double.parseDouble(parts[k]);
                    }
                    current.arrays().put(parts[0], v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
