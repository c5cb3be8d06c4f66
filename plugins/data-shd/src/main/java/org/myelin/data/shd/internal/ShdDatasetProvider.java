package org.myelin.data.shd.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.myelin.api.InvalidInputException;
import org.myelin.api.PluginProperties;
import org.myelin.api.array.SpikeEvents;
import org.myelin.api.data.Dataset;
import org.myelin.api.data.DatasetInfo;
import org.myelin.api.data.DatasetProvider;
import org.myelin.api.data.Sample;
import org.myelin.api.data.SampleKind;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code shd} dataset plugin: the Spiking Heidelberg Digits (Cramer et al. 2020) from their
 * HDF5 files, {@code train} and {@code test} or a {@code dir} holding {@code shd_train.h5} and
 * {@code shd_test.h5}. Spike times are binned into {@code dt_ms} steps over
 * {@code max_time_ms}, neighbouring channels summed in groups of {@code channel_group}
 * ({@link SpikeBinning}); samples are spike events. Class names come from {@code extra/keys}
 * of the training file when it has them. Both files are read and checked when the dataset is
 * opened.
 */
@Component(service = DatasetProvider.class, property = {PluginProperties.ID + "=shd", PluginProperties.KIND + "=dataset"})
public final class ShdDatasetProvider implements DatasetProvider {

    static final String TRAIN_FILE = "shd_train.h5";
    static final String TEST_FILE = "shd_test.h5";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.ofPath("dir", "", "folder holding shd_train.h5 and shd_test.h5; or give train and test"),
            ParameterSpec.ofPath("train", "", "training file (overrides dir/shd_train.h5)"),
            ParameterSpec.ofPath("test", "", "test file (overrides dir/shd_test.h5)"),
            ParameterSpec.ofDouble("dt_ms", 10.0, "ms", 1e-3, null, "bin width: a spike at t lands in step floor(t / dt_ms)"),
            ParameterSpec.ofDouble("max_time_ms", 1000.0, "ms", 0.0, null,
                    "window kept from t = 0; every sample gets ceil(max_time_ms / dt_ms) steps; 0 = each up to its last spike"),
            ParameterSpec.ofInt("channel_group", 1L, "", 1L, 700L,
                    "sum groups of this many neighbouring channels (5 in DCLS: 700 -> 140)"),
            ParameterSpec.ofInt("channels", 700L, "", 1L, null, "input channels of the files (700 for SHD)"),
            ParameterSpec.ofBoolean("binary", false, "keep one event per step and channel instead of one per spike (counts)"),
            ParameterSpec.ofInt("train_limit", 0L, "", 0L, null, "use only the first N training samples; 0 = all"),
            ParameterSpec.ofInt("test_limit", 0L, "", 0L, null, "use only the first N test samples; 0 = all"));

    /** Creates the component; it holds no state. */
    public ShdDatasetProvider() {
    }

    @Override
    public String id() {
        return "shd";
    }

    @Override
    public String description() {
        return "Spiking Heidelberg Digits HDF5 files, binned into spike events (dt_ms, channel_group, max_time_ms)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public Dataset open(Parameters params) throws IOException {
        Path trainPath = file(params, "train", TRAIN_FILE);
        Path testPath = file(params, "test", TEST_FILE);
        ShdFile train = ShdFile.read(trainPath);
        ShdFile test = ShdFile.read(testPath);
        SpikeBinning binning = new SpikeBinning(params.getDouble("dt_ms"), params.getDouble("max_time_ms"),
                params.getInt("channel_group"), params.getInt("channels"), params.getBoolean("binary"));
        long[] dropped = new long[1];
        List<Sample> trainSamples = samples(train, binning, limit(params, "train_limit"), dropped);
        List<Sample> testSamples = samples(test, binning, limit(params, "test_limit"), dropped);
        List<String> classes = classNames(train, test);
        int maxLength = 0;
        int minLength = Integer.MAX_VALUE;
        long events = 0;
        for (List<Sample> split : List.of(trainSamples, testSamples)) {
            for (Sample s : split) {
                maxLength = Math.max(maxLength, s.length());
                minLength = Math.min(minLength, s.length());
                events += s.events().size();
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("source", "Spiking Heidelberg Digits (Cramer, Stradmann, Schemmel, Zenke 2020), HDF5");
        meta.put("licence", "SHD: CC BY 4.0 (Zenke Lab); cite Cramer et al. 2020, IEEE TNNLS 33(7)");
        meta.put("train_file", trainPath.toString());
        meta.put("test_file", testPath.toString());
        meta.put("dt_ms", Double.toString(params.getDouble("dt_ms")));
        meta.put("max_time_ms", Double.toString(params.getDouble("max_time_ms")));
        meta.put("channel_group", Integer.toString(params.getInt("channel_group")));
        meta.put("input_channels", Integer.toString(params.getInt("channels")));
        meta.put("events", params.getBoolean("binary") ? "binary" : "counts");
        meta.put("dropped_spikes", Long.toString(dropped[0]));
        meta.put("event_count", Long.toString(events));
        meta.put("train_samples_in_file", Integer.toString(train.size()));
        meta.put("test_samples_in_file", Integer.toString(test.size()));
        DatasetInfo info = new DatasetInfo(SampleKind.EVENTS, binning.channels(), maxLength,
                minLength == maxLength || trainSamples.isEmpty() && testSamples.isEmpty(), classes, meta);
        Map<String, String> digests = new LinkedHashMap<>();
        digests.put(trainPath.getFileName().toString(), train.sha256());
        digests.put(testPath.getFileName().toString(), test.sha256());
        return new ShdDataset("SHD", info, new ShdDataset.Split(trainSamples), new ShdDataset.Split(testSamples), digests);
    }

    private static Path file(Parameters params, String key, String standardName) {
        String explicit = params.getString(key).strip();
        if (!explicit.isEmpty()) {
            return Paths.get(explicit);
        }
        String dir = params.getString("dir").strip();
        if (dir.isEmpty()) {
            throw new InvalidParameterException("data.params", "neither dir nor " + key + " is given",
                    "set dir to the folder with " + TRAIN_FILE + " and " + TEST_FILE + ", or give train and test files");
        }
        Path d = Paths.get(dir);
        if (!Files.isDirectory(d)) {
            throw new InvalidInputException("dir " + d, Files.exists(d) ? "is not a folder" : "does not exist",
                    "give the folder that holds " + TRAIN_FILE + " and " + TEST_FILE);
        }
        return d.resolve(standardName);
    }

    private static int limit(Parameters params, String key) {
        long v = params.getLong(key);
        return v <= 0 || v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }

    private static List<Sample> samples(ShdFile f, SpikeBinning binning, int limit, long[] dropped) {
        int n = Math.min(limit, f.size());
        List<Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SpikeEvents ev = binning.bin(f.times()[i], f.units()[i], f.file() + " sample " + i, dropped);
            out.add(new Sample(f.labels()[i], ev.stepCount(), ev.channelCount(), null, ev));
        }
        return out;
    }

    /** extra/keys of the training file when present, else "0" to the largest label; every label must have a name. */
    private static List<String> classNames(ShdFile train, ShdFile test) {
        int max = -1;
        for (ShdFile f : List.of(train, test)) {
            for (int l : f.labels()) {
                max = Math.max(max, l);
            }
        }
        if (train.keys() != null) {
            if (max >= train.keys().size()) {
                ShdFile culprit = maxLabel(test) > maxLabel(train) ? test : train;
                throw new InvalidInputException(culprit.file() + " labels", "a label is " + max + " but " + train.file().getFileName()
                        + " extra/keys names only " + train.keys().size() + " classes", "labels must index into extra/keys");
            }
            return train.keys();
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c <= max; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    private static int maxLabel(ShdFile f) {
        int max = -1;
        for (int l : f.labels()) {
            max = Math.max(max, l);
        }
        return max;
    }
}
