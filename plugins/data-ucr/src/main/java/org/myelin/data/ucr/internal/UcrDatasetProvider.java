package org.myelin.data.ucr.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.myelin.api.InvalidInputException;
import org.myelin.api.PluginProperties;
import org.myelin.api.data.DataSplit;
import org.myelin.api.data.Dataset;
import org.myelin.api.data.DatasetInfo;
import org.myelin.api.data.DatasetProvider;
import org.myelin.api.data.Sample;
import org.myelin.api.data.SampleKind;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code ucr} dataset plugin: opens one problem of the UCR/UEA time series archives from a
 * folder holding {@code <name>_TRAIN.<ext>} and {@code <name>_TEST.<ext>}, in the {@code .ts},
 * {@code .tsv} or {@code .arff} format.
 *
 * <p>Class names become indices in the order the training file declares them
 * ({@code @classLabel} in {@code .ts}, the nominal class attribute in {@code .arff}); a
 * {@code .tsv} file declares none, so its labels are sorted, numerically when they are all
 * numbers. A test label that the training file does not have is an error. Both files are read
 * and checked completely when the dataset is opened, and their SHA-256 are returned as the
 * dataset's digests.
 *
 * <p>With {@code encoding: delta} the (optionally z-normalised) series are turned into spike
 * events by {@link DeltaEncoder}, snnTorch's {@code spikegen.delta} with up and down spikes:
 * input channel {@code c} becomes output channels {@code 2c} (up) and {@code 2c + 1} (down).
 */
@Component(service = DatasetProvider.class, property = {PluginProperties.ID + "=ucr", PluginProperties.KIND + "=dataset"})
public final class UcrDatasetProvider implements DatasetProvider {

    private static final String AUTO = "auto";
    private static final String NONE = "none";
    private static final String ZSCORE = "zscore";
    private static final String ENCODING = "encoding";
    private static final String DENSE = "dense";
    private static final String DELTA = "delta";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.ofPath("dir", null, "folder holding <name>_TRAIN and <name>_TEST files of one UCR/UEA problem"),
            ParameterSpec.ofString("name", "", "problem name, the <name> in <name>_TRAIN.ts; empty = the folder's name"),
            ParameterSpec.ofEnum("format", AUTO, "file format; auto tries <name>_TRAIN.ts, then .tsv, then .arff",
                    AUTO, "ts", "tsv", "arff"),
            ParameterSpec.ofEnum("normalize", NONE, "per-series z-normalisation of each channel (mean 0, sd 1 with n-1);"
                    + " most archive data is already z-normalised", NONE, ZSCORE),
            ParameterSpec.ofInt("train_limit", 0L, "", 0L, null, "use only the first N training cases; 0 = all"),
            ParameterSpec.ofInt("test_limit", 0L, "", 0L, null, "use only the first N test cases; 0 = all"),
            ParameterSpec.ofEnum(ENCODING, DENSE, "dense: the values as a sequence; delta: up/down spikes where a channel changes"
                    + " by delta_threshold between steps (snnTorch spikegen.delta), on 2 channels per input channel", DENSE, DELTA),
            ParameterSpec.ofDouble("delta_threshold", 0.1, "", 1e-9, null,
                    "change between consecutive steps that makes a spike (in the units of the values, after normalize); delta only"),
            ParameterSpec.ofBoolean("delta_padding", false,
                    "delta: compare the first step with itself (no spike) instead of with 0, as snnTorch's padding=True"));

    /** Creates the component; it holds no state. */
    public UcrDatasetProvider() {
    }

    @Override
    public String id() {
        return "ucr";
    }

    @Override
    public String description() {
        return "UCR/UEA time series classification problems from .ts, .tsv or .arff files (univariate, multivariate, unequal lengths)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public Dataset open(Parameters params) throws IOException {
        Path dir = Paths.get(params.getString("dir"));
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("dir " + dir, Files.exists(dir) ? "is not a folder" : "does not exist",
                    "give the folder that holds <name>_TRAIN and <name>_TEST files");
        }
        String name = params.has("name") ? params.getString("name").strip() : "";
        if (name.isEmpty()) {
            Path fn = dir.toAbsolutePath().normalize().getFileName();
            name = fn == null ? "" : fn.toString();
        }
        if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
            throw new InvalidInputException("name", "'" + name + "' is not a problem name", "give the <name> of <name>_TRAIN.ts");
        }
        String format = params.has("format") ? params.getString("format") : AUTO;
        UcrFormat fmt = pickFormat(dir, name, format);
        SeriesFile train = fmt.reader().read(dir.resolve(fmt.fileName(name, "TRAIN")));
        SeriesFile test = fmt.reader().read(dir.resolve(fmt.fileName(name, "TEST")));
        if (test.channels() != train.channels()) {
            throw new InvalidInputException(test.file().toString(), "cases have " + test.channels() + " channels but the training file "
                    + train.file().getFileName() + " has " + train.channels(), "train and test must have the same channels");
        }
        List<String> classes = classNames(train);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        boolean zscore = ZSCORE.equals(params.has("normalize") ? params.getString("normalize") : NONE);
        int trainLimit = limit(params, "train_limit");
        int testLimit = limit(params, "test_limit");
        DeltaEncoder delta = DELTA.equals(params.has(ENCODING) ? params.getString(ENCODING) : DENSE)
                ? new DeltaEncoder((float) params.getDouble("delta_threshold"), params.getBoolean("delta_padding")) : null;
        boolean[] missingSeen = new boolean[1];
        List<Sample> trainSamples = samples(train, index, train, trainLimit, zscore, delta, missingSeen);
        List<Sample> testSamples = samples(test, index, train, testLimit, zscore, delta, missingSeen);

        int maxLength = 0;
        TreeSet<Integer> lengths = new TreeSet<>();
        boolean missing = missingSeen[0];
        for (List<Sample> split : List.of(trainSamples, testSamples)) {
            for (Sample s : split) {
                maxLength = Math.max(maxLength, s.length());
                lengths.add(s.length());
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("source", "UCR/UEA time series classification archive");
        meta.put("licence", "UCR/UEA archive terms: free research use; cite Dau et al. 2019 (UCR) or Bagnall et al. 2018 (UEA)");
        meta.put("format", fmt.extension());
        meta.put("train_file", train.file().getFileName().toString());
        meta.put("test_file", test.file().getFileName().toString());
        meta.put("folder", dir.toAbsolutePath().normalize().toString());
        if (train.problemName() != null && !train.problemName().isEmpty()) {
            meta.put("problem_name", train.problemName());
        }
        meta.put("normalize", zscore ? ZSCORE : NONE);
        meta.put(ENCODING, delta == null ? DENSE : DELTA);
        if (delta != null) {
            meta.put("delta_threshold", Double.toString(params.getDouble("delta_threshold")));
            meta.put("delta_channels", "2c = up, 2c + 1 = down spike of input channel c");
        }
        meta.put("missing_values", Boolean.toString(missing));
        meta.put("min_length", Integer.toString(lengths.isEmpty() ? 0 : lengths.first()));
        meta.put("train_cases_in_file", Integer.toString(train.cases().size()));
        meta.put("test_cases_in_file", Integer.toString(test.cases().size()));

        DatasetInfo info = delta == null
                ? new DatasetInfo(SampleKind.SEQUENCE, train.channels(), maxLength, lengths.size() == 1, classes, meta)
                : new DatasetInfo(SampleKind.EVENTS, 2 * train.channels(), maxLength, lengths.size() == 1, classes, meta);
        Map<String, String> digests = new LinkedHashMap<>();
        digests.put(train.file().getFileName().toString(), train.sha256());
        digests.put(test.file().getFileName().toString(), test.sha256());
        DataSplit trainSplit = new UcrDataset.Split(trainSamples);
        DataSplit testSplit = new UcrDataset.Split(testSamples);
        return new UcrDataset(name, info, trainSplit, testSplit, digests);
    }

    private static UcrFormat pickFormat(Path dir, String name, String format) {
        List<UcrFormat> candidates = new ArrayList<>();
        for (UcrFormat f : UcrFormat.values()) {
            if (AUTO.equals(format) || f.extension().equals(format)) {
                candidates.add(f);
            }
        }
        List<String> lookedFor = new ArrayList<>();
        for (UcrFormat f : candidates) {
            boolean hasTrain = Files.isRegularFile(dir.resolve(f.fileName(name, "TRAIN")));
            boolean hasTest = Files.isRegularFile(dir.resolve(f.fileName(name, "TEST")));
            if (hasTrain && hasTest) {
                return f;
            }
            if (hasTrain || hasTest) {
                String have = f.fileName(name, hasTrain ? "TRAIN" : "TEST");
                String lacking = f.fileName(name, hasTrain ? "TEST" : "TRAIN");
                throw new InvalidInputException(dir.toString(), "found " + have + " but not " + lacking,
                        "a UCR/UEA problem needs both " + f.fileName(name, "TRAIN") + " and " + f.fileName(name, "TEST"));
            }
            lookedFor.add(f.fileName(name, "TRAIN") + " + " + f.fileName(name, "TEST"));
        }
        throw new InvalidInputException(dir.toString(), "no files of problem '" + name + "' (looked for "
                + String.join(", ", lookedFor) + " in " + dir + ")",
                "set dir to the problem's folder and name to its <name>, or format to the files' format");
    }

    private static int limit(Parameters params, String key) {
        long v = params.has(key) ? params.getLong(key) : 0L;
        return v <= 0 || v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }

    /** Declared order when the training file declares classes; otherwise its labels sorted. */
    private static List<String> classNames(SeriesFile train) {
        if (train.declaredClasses() != null) {
            return train.declaredClasses();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (RawCase c : train.cases()) {
            seen.add(c.label());
        }
        List<String> out = new ArrayList<>(seen);
        boolean numeric = out.stream().allMatch(UcrDatasetProvider::isNumber);
        out.sort(numeric ? Comparator.comparing(BigDecimal::new) : Comparator.naturalOrder());
        return out;
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<Sample> samples(SeriesFile file, Map<String, Integer> index, SeriesFile train, int limit, boolean zscore,
            DeltaEncoder delta, boolean[] missingSeen) {
        List<Sample> out = new ArrayList<>(Math.min(limit, file.cases().size()));
        for (RawCase c : file.cases()) {
            Integer label = index.get(c.label());
            if (label == null) {
                throw new InvalidInputException(file.file() + ":" + c.line(), "class label '" + c.label()
                        + "' does not occur in the training file " + train.file().getFileName(),
                        "train and test must use the same class labels; training labels: " + String.join(", ", index.keySet()));
            }
            if (out.size() < limit) {
                float[] v = zscore ? zNormalised(c.values(), c.length(), c.channels()) : c.values();
                missingSeen[0] = missingSeen[0] || hasNaN(v);
                if (delta == null) {
                    out.add(new Sample(label, c.length(), c.channels(), v, null));
                } else {
                    out.add(new Sample(label, c.length(), 2 * c.channels(), null, delta.encode(v, c.length(), c.channels())));
                }
            }
        }
        return out;
    }

    /**
     * Per-channel z-normalisation over the series' steps, ignoring missing values: mean 0 and
     * standard deviation 1 with the n-1 convention the archive itself uses. A channel that does
     * not vary is only centred.
     */
    static float[] zNormalised(float[] values, int length, int channels) {
        float[] out = new float[values.length];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            int n = 0;
            for (int t = 0; t < length; t++) {
                float v = values[t * channels + c];
                if (!Float.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            double ss = 0;
            for (int t = 0; t < length; t++) {
                float v = values[t * channels + c];
                if (!Float.isNaN(v)) {
                    ss += (v - mean) * (v - mean);
                }
            }
            double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
            double scale = sd > 0 ? 1 / sd : 1;
            for (int t = 0; t < length; t++) {
                int i = t * channels + c;
                out[i] = Float.isNaN(values[i]) ? Float.NaN : (float) ((values[i] - mean) * scale);
            }
        }
        return out;
    }

    private static boolean hasNaN(float[] v) {
        for (float f : v) {
            if (Float.isNaN(f)) {
                return true;
            }
        }
        return false;
    }
}
