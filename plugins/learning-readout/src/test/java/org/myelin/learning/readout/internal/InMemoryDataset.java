package org.myelin.learning.readout.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.myelin.api.data.DataSplit;
import org.myelin.api.data.Dataset;
import org.myelin.api.data.DatasetInfo;
import org.myelin.api.data.Sample;
import org.myelin.api.data.SampleKind;

/** A dataset held in lists, with factories for synthetic series and for a univariate UCR {@code .ts} file pair. */
final class InMemoryDataset implements Dataset {

    private final String name;
    private final DatasetInfo info;
    private final List<Sample> train;
    private final List<Sample> test;

    InMemoryDataset(String name, int channels, List<String> classes, List<Sample> train, List<Sample> test) {
        this.name = name;
        int max = 0;
        boolean equal = true;
        for (Sample s : train) {
            equal &= max == 0 || s.length() == max;
            max = Math.max(max, s.length());
        }
        for (Sample s : test) {
            equal &= s.length() == max;
            max = Math.max(max, s.length());
        }
        this.info = new DatasetInfo(SampleKind.SEQUENCE, channels, max, equal, classes, Map.of());
        this.train = List.copyOf(train);
        this.test = List.copyOf(test);
    }

    /**
     * Two classes of noisy two-channel sine waves of unequal length (30 to 60 steps): class 0 at
     * 0.05 cycles per step, class 1 at 0.15, random phase and amplitude, Gaussian noise of
     * standard deviation 0.3. Linearly inseparable in the raw values (random phase) but easy for
     * binned spike-rate features.
     *
     * @param trainSize training samples
     * @param testSize test samples
     * @param seed data seed
     * @return the dataset
     */
    static InMemoryDataset sines(int trainSize, int testSize, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return new InMemoryDataset("sines", 2, List.of("slow", "fast"), sines(trainSize, r), sines(testSize, r));
    }

    private static List<Sample> sines(int n, SplittableRandom r) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            int length = 30 + r.nextInt(31);
            double freq = label == 0 ? 0.05 : 0.15;
            double phase = r.nextDouble() * 2 * Math.PI;
            double amp = 0.8 + 0.4 * r.nextDouble();
            float[] v = new float[length * 2];
            for (int t = 0; t < length; t++) {
                double s = amp * Math.sin(2 * Math.PI * freq * t + phase);
                v[2 * t] = (float) (s + 0.3 * gaussian(r));
                v[2 * t + 1] = (float) (-s + 0.3 * gaussian(r));
            }
            out.add(new Sample(label, length, 2, v, null));
        }
        return out;
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /**
     * Reads {@code NAME_TRAIN.ts} and {@code NAME_TEST.ts} of a univariate UCR dataset with the
     * {@code @classLabel} line: values comma-separated, the label after the last colon.
     *
     * @param dir the dataset folder
     * @param name the dataset name
     * @return the dataset
     * @throws IOException when a file cannot be read
     */
    static InMemoryDataset ucr(Path dir, String name) throws IOException {
        List<String> classes = new ArrayList<>();
        List<Sample> train = readTs(dir.resolve(name + "_TRAIN.ts"), classes);
        List<Sample> test = readTs(dir.resolve(name + "_TEST.ts"), classes);
        return new InMemoryDataset(name, 1, classes, train, test);
    }

    private static List<Sample> readTs(Path file, List<String> classes) throws IOException {
        List<Sample> out = new ArrayList<>();
        boolean data = false;
        for (String line : Files.readAllLines(file)) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (!data) {
                String lower = l.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("@classlabel") && classes.isEmpty()) {
                    String[] parts = l.split("\\s+");
                    for (int i = 2; i < parts.length; i++) {
                        classes.add(parts[i]);
                    }
                }
                data = lower.startsWith("@data");
                continue;
            }
            int colon = l.lastIndexOf(':');
            String[] values = l.substring(0, colon).split(",");
            float[] v = new float[values.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = Float.parseFloat(values[i]);
            }
            out.add(new Sample(classes.indexOf(l.substring(colon + 1).trim()), v.length, 1, v, null));
        }
        return out;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DatasetInfo info() {
        return info;
    }

    @Override
    public DataSplit train() {
        return split(train);
    }

    @Override
    public DataSplit test() {
        return split(test);
    }

    private static DataSplit split(List<Sample> samples) {
        return new DataSplit() {
            @Override
            public int size() {
                return samples.size();
            }

            @Override
            public Sample get(int index) {
                return samples.get(index);
            }
        };
    }

    @Override
    public Map<String, String> digests() {
        return Map.of();
    }
}
