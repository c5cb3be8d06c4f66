package org.myelin.data.idx.internal;

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
import org.myelin.api.data.Dataset;
import org.myelin.api.data.DatasetInfo;
import org.myelin.api.data.DatasetProvider;
import org.myelin.api.data.SampleKind;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code idx} dataset plugin: MNIST-style IDX files (MNIST, Fashion-MNIST, KMNIST) from a
 * folder holding {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each optionally with a
 * {@code .gz} suffix. Samples are static vectors (length 1, {@code rows * cols} channels,
 * row-major), pixels divided by 255 unless {@code scale: raw}. Class names are {@code "0"} to
 * the largest label found. All four files are read and checked when the dataset is opened.
 */
@Component(service = DatasetProvider.class, property = {PluginProperties.ID + "=idx", PluginProperties.KIND + "=dataset"})
public final class IdxDatasetProvider implements DatasetProvider {

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.ofPath("dir", null, "folder holding train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                    + "t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (each may end in .gz)"),
            ParameterSpec.ofInt("train_limit", 0L, "", 0L, null, "use only the first N training images; 0 = all"),
            ParameterSpec.ofInt("test_limit", 0L, "", 0L, null, "use only the first N test images; 0 = all"),
            ParameterSpec.ofEnum("scale", "unit", "pixel values: unit = byte / 255 in [0, 1], raw = the byte 0..255", "unit", "raw"));

    /** Creates the component; it holds no state. */
    public IdxDatasetProvider() {
    }

    @Override
    public String id() {
        return "idx";
    }

    @Override
    public String description() {
        return "MNIST-style IDX image and label files (gzipped or not) as static pixel vectors";
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
                    "give the folder that holds " + TRAIN_IMAGES + "[.gz] and the three other IDX files");
        }
        IdxFile trainImages = IdxFile.read(find(dir, TRAIN_IMAGES), 3, "images");
        IdxFile trainLabels = IdxFile.read(find(dir, TRAIN_LABELS), 1, "labels");
        IdxFile testImages = IdxFile.read(find(dir, TEST_IMAGES), 3, "images");
        IdxFile testLabels = IdxFile.read(find(dir, TEST_LABELS), 1, "labels");
        checkPair(trainImages, trainLabels);
        checkPair(testImages, testLabels);
        if (testImages.dims()[1] != trainImages.dims()[1] || testImages.dims()[2] != trainImages.dims()[2]) {
            throw new InvalidInputException(testImages.file().toString(), "images are " + testImages.dims()[1] + "x"
                    + testImages.dims()[2] + " but the training images in " + trainImages.file().getFileName() + " are "
                    + trainImages.dims()[1] + "x" + trainImages.dims()[2], "train and test images must have the same size");
        }
        boolean raw = "raw".equals(params.getString("scale"));
        float divisor = raw ? 1f : 255f;
        IdxSplit train = new IdxSplit(trainImages, trainLabels, limit(params, "train_limit", trainImages.count()), divisor);
        IdxSplit test = new IdxSplit(testImages, testLabels, limit(params, "test_limit", testImages.count()), divisor);
        int classes = 1 + Math.max(maxLabel(trainLabels), maxLabel(testLabels));
        List<String> names = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            names.add(Integer.toString(c));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("source", "IDX files (MNIST format, LeCun et al. 1998)");
        meta.put("licence", "MNIST: no licence text from the authors, commonly CC BY-SA 3.0; cite LeCun, Bottou, Bengio, Haffner 1998");
        meta.put("folder", dir.toAbsolutePath().normalize().toString());
        meta.put("rows", Integer.toString(trainImages.dims()[1]));
        meta.put("cols", Integer.toString(trainImages.dims()[2]));
        meta.put("layout", "row-major pixels, channel = row * cols + col");
        meta.put("scale", raw ? "raw" : "unit");
        meta.put("train_images_in_file", Integer.toString(trainImages.count()));
        meta.put("test_images_in_file", Integer.toString(testImages.count()));
        int channels = trainImages.itemSize();
        DatasetInfo info = new DatasetInfo(SampleKind.STATIC, channels, 1, true, names, meta);
        Map<String, String> digests = new LinkedHashMap<>();
        for (IdxFile f : List.of(trainImages, trainLabels, testImages, testLabels)) {
            digests.put(f.file().getFileName().toString(), f.sha256());
        }
        Path fn = dir.toAbsolutePath().normalize().getFileName();
        return new IdxDataset(fn == null ? "idx" : fn.toString(), info, train, test, digests);
    }

    /** The plain file if present, else the {@code .gz} one. */
    private static Path find(Path dir, String base) {
        Path plain = dir.resolve(base);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = dir.resolve(base + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new InvalidInputException(dir.toString(), "has no " + base + " or " + base + ".gz",
                "an IDX dataset folder needs " + String.join(", ", TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)
                        + " (each optionally .gz)");
    }

    private static void checkPair(IdxFile images, IdxFile labels) {
        if (images.count() != labels.count()) {
            throw new InvalidInputException(labels.file().toString(), "holds " + labels.count() + " labels but "
                    + images.file().getFileName() + " holds " + images.count() + " images",
                    "image and label files must have the same item count");
        }
    }

    private static int maxLabel(IdxFile labels) {
        byte[] d = labels.data();
        int max = 0;
        for (int i = labels.offset(); i < d.length; i++) {
            max = Math.max(max, d[i] & 0xff);
        }
        return max;
    }

    private static int limit(Parameters params, String key, int available) {
        long v = params.getLong(key);
        return v <= 0 || v > available ? available : (int) v;
    }

}
