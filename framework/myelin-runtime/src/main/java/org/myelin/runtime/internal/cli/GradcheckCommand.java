package org.myelin.runtime.internal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.myelin.api.InvalidInputException;
import org.myelin.api.PluginKind;
import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.neuron.NeuronModel;
import org.myelin.api.param.Parameters;
import org.myelin.core.parallel.ParallelRows;
import org.myelin.core.snn.fixture.ArrayCheck;
import org.myelin.core.snn.fixture.BpttFixture;
import org.myelin.runtime.internal.catalog.PluginCatalog;
import org.myelin.runtime.internal.json.JsonOut;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * {@code myelin gradcheck DIR [--threads N]}: runs a BPTT gradient fixture
 * ({@code myelin-bptt-fixture/1}, fixtures/bptt/README.md) through the SNN engine with the neuron
 * models found in the service registry, and prints a JSON report with, per array (loss, logits,
 * each gradient), the largest absolute difference, the allowed tolerance and whether it passes.
 * Exit 0 when everything passes, 1 when an array is out of tolerance, 3 for a malformed fixture,
 * 4 when a neuron model is not installed.
 */
final class GradcheckCommand {

    static final String USAGE = "myelin gradcheck DIR [--threads N]";

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("threads").hasArg().argName("N").desc("threads for the engine (default 1)").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return o;
    }

    static int run(Host host, CommandLine cl, Io io) throws IOException {
        if (cl.getArgList().size() != 1) {
            throw new UsageException("gradcheck needs one fixture folder; usage: " + USAGE);
        }
        int threads = cl.hasOption("threads") ? (int) RunCommand.parseLong(cl.getOptionValue("threads"), "--threads") : 1;
        if (threads < 1) {
            throw new UsageException("--threads needs a positive number");
        }
        Path dir = Path.of(cl.getArgList().get(0)).toAbsolutePath().normalize();
        BpttFixture fixture = BpttFixture.of(dir, readJson(dir.resolve("fixture.json")));
        List<PluginCatalog.Lease<NeuronModel>> leases = new ArrayList<>();
        List<ArrayCheck> checks;
        try (ParallelRows rows = ParallelRows.withThreads(threads)) {
            checks = fixture.check((layer, neuron, size) -> create(host.catalog, leases, dir, layer, neuron, size), rows);
        } finally {
            for (PluginCatalog.Lease<NeuronModel> lease : leases) {
                lease.close();
            }
        }
        boolean pass = true;
        List<Map<String, Object>> arrays = new ArrayList<>();
        for (ArrayCheck c : checks) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", c.name());
            a.put("shape", c.shape());
            a.put("max_abs_diff", c.maxAbsDiff());
            a.put("max_abs_expected", c.maxAbsExpected());
            a.put("tolerance", c.tolerance());
            a.put("pass", c.pass());
            arrays.add(a);
            pass &= c.pass();
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("fixture", dir.toString());
        report.put("pass", pass);
        report.put("arrays", arrays);
        io.out().println(JsonOut.write(report, true));
        return pass ? ExitCodes.OK : ExitCodes.FAILED;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readJson(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "file not found", "a fixture folder holds fixture.json and its .npy arrays");
        }
        Object json;
        try {
            json = new Load(LoadSettings.builder().build()).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new InvalidInputException(file.toString(), "not valid JSON: " + e.getMessage().replace('\n', ' '), null);
        }
        if (!(json instanceof Map)) {
            throw new InvalidInputException(file.toString(), "expected a JSON object", "see fixtures/bptt/README.md");
        }
        return (Map<String, Object>) json;
    }

    /**
     * Maps a fixture's neuron entry onto the model's parameters: every key but {@code model} is a
     * parameter of the same name; {@code surrogate: {kind, param}} becomes {@code surrogate: kind}
     * and {@code slope: param}.
     */
    @SuppressWarnings("unchecked")
    private static NeuronDynamics create(PluginCatalog catalog, List<PluginCatalog.Lease<NeuronModel>> leases, Path dir, int layer,
            Map<String, Object> neuron, int size) {
        String where = dir.resolve("fixture.json") + ": layers[" + layer + "].neuron";
        Object id = neuron.get("model");
        if (id == null) {
            throw new InvalidInputException(where + ".model", "missing", "name the neuron model, e.g. lif");
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : neuron.entrySet()) {
            if (e.getKey().equals("model")) {
                continue;
            }
            if (e.getKey().equals("surrogate") && e.getValue() instanceof Map) {
                Map<String, Object> s = (Map<String, Object>) e.getValue();
                raw.put("surrogate", s.get("kind"));
                if (s.get("param") != null) {
                    raw.put("slope", s.get("param"));
                }
            } else {
                raw.put(e.getKey(), e.getValue());
            }
        }
        PluginCatalog.Lease<NeuronModel> lease = catalog.acquire(PluginKind.NEURON, id.toString(), NeuronModel.class);
        leases.add(lease);
        NeuronModel model = lease.service();
        Parameters params = Parameters.resolve(where, model.parameters(), raw);
        return model.create(params, size, 1.0);
    }
}
