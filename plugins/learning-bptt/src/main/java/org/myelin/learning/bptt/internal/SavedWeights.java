package org.myelin.learning.bptt.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.myelin.api.InvalidInputException;
import org.myelin.api.run.ArtifactStore;
import org.myelin.core.snn.NpyArray;
import org.myelin.core.snn.Parameter;
import org.myelin.core.snn.SnnNetwork;

/**
 * Network weights as a folder of float32 {@code .npy} files, one per parameter ({@code W0.npy}
 * {@code [out, in]}, {@code b0.npy}, {@code V0.npy}, ...), the layout of the BPTT fixtures and of
 * {@code torch.nn.Linear.weight}. Saved as run artifacts, reloaded with {@code init_from}.
 */
final class SavedWeights {

    private final List<Parameter> parameters;
    private final List<float[]> values;

    private SavedWeights(List<Parameter> parameters, List<float[]> values) {
        this.parameters = parameters;
        this.values = values;
    }

    /** Takes a copy of the network's current values (exported layout). */
    static SavedWeights of(SnnNetwork net) {
        List<float[]> v = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            v.add(p.exported());
        }
        return new SavedWeights(net.parameters(), v);
    }

    /** Writes {@code <folder>/<name>.npy} for every parameter. */
    void write(ArtifactStore store, String folder) throws IOException {
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            float[] data = values.get(i);
            store.write(folder + "/" + p.name() + ".npy", "application/x-npy", out -> NpyArray.writeFloat32(p.shape(), data, out));
        }
    }

    /**
     * Loads every parameter of the network from a folder saved by {@link #write} (or the folder
     * of a given {@code .npy} file).
     *
     * @param where the folder or one of its files
     * @param net the network to fill
     * @throws InvalidInputException naming {@code train.params.init_from} and the file when one is missing or mis-shaped
     */
    static void load(Path where, SnnNetwork net) throws IOException {
        Path dir = Files.isDirectory(where) ? where : where.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidInputException("train.params.init_from", "'" + where + "' is not a folder of saved weights",
                    "give the weights/best or weights/last folder of an earlier bptt run");
        }
        for (Parameter p : net.parameters()) {
            Path f = dir.resolve(p.name() + ".npy");
            if (!Files.exists(f)) {
                throw new InvalidInputException("train.params.init_from", "no " + p.name() + ".npy in " + dir,
                        "the saved network must have the same layers; it needs " + net.parameters());
            }
            NpyArray a = NpyArray.read(f);
            if (!Arrays.equals(a.shape(), p.shape())) {
                throw new InvalidInputException("train.params.init_from (" + f + ")", "shape " + a.shapeText() + " but the network's "
                        + p.name() + " is " + Arrays.toString(p.shape()), "use weights saved from a network of the same sizes");
            }
            p.importFrom(a.toFloats());
        }
        net.refresh();
    }

    /** Copies these values back into the network. */
    void restore(SnnNetwork net) {
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).importFrom(values.get(i));
        }
        net.refresh();
    }
}
