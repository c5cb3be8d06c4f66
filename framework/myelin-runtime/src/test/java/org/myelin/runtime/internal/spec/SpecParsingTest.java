package org.myelin.runtime.internal.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecParsingTest {

    @TempDir
    Path dir;

    private static final String GOOD = String.join("\n",
            "experiment: quick",
            "seed: 7",
            "data: { plugin: ucr, params: { dir: data/GunPoint, name: GunPoint } }",
            "model:",
            "  dt_ms: 1.0",
            "  layers:",
            "    - { name: reservoir, size: 300, neuron: lif, params: { beta: 0.95 }, recurrent: true }",
            "train: { rule: readout, params: { l2: 1.0e-3 } }",
            "");

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsAWellFormedYamlSpec() throws IOException {
        Path f = write("good.yaml", GOOD);
        ExperimentSpec s = SpecReader.read(f, SpecParser.parseFile(f));
        assertEquals("quick", s.experiment());
        assertEquals(7, s.seed());
        assertEquals("ucr", s.data().id());
        assertEquals(1, s.layers().size());
        assertEquals(300, s.layers().get(0).size());
        assertEquals("lif", s.layers().get(0).neuron().id());
        assertEquals(true, s.layers().get(0).options().get("recurrent"));
        assertEquals(1.0e-3, s.train().params().get("l2").scalar());
        assertTrue(s.train().location().startsWith(f + ":8:"), s.train().location());
    }

    @Test
    void malformedYamlNamesFileAndLine() throws IOException {
        Path f = write("bad.yaml", "experiment: x\ndata: { plugin: ucr\nmodel: []\n");
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parseFile(f));
        assertTrue(e.getMessage().startsWith(f + ":3:"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed spec"), e.getMessage());
    }

    @Test
    void malformedJsonNamesFileAndLineAndTabsAreAccepted() throws IOException {
        Path ok = write("ok.json", "{\n\t\"experiment\": \"x\",\n\t\"seed\": 3\n}\n");
        assertEquals(3L, SpecParser.parseFile(ok).get("seed").scalar());
        Path bad = write("bad.json", "{\n  \"experiment\": \"x\",\n  \"seed\": 3,,\n}\n");
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parseFile(bad));
        assertTrue(e.getMessage().startsWith(bad + ":3:"), e.getMessage());
    }

    @Test
    void duplicateKeysAreRejectedWithTheirLine() throws IOException {
        Path f = write("dup.yaml", "experiment: a\nseed: 1\nseed: 2\n");
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parseFile(f));
        assertTrue(e.getMessage().contains(f + ":3:1"), e.getMessage());
        assertTrue(e.getMessage().contains("duplicate key 'seed'"), e.getMessage());
    }

    @Test
    void missingFileIsAnInputError() {
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parseFile(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().contains("spec file not found"), e.getMessage());
    }

    @Test
    void aliasBombIsRefused() throws IOException {
        StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 60; i++) {
            sb.append("b").append(i).append(": &b").append(i).append(" [*a, *a]\n");
        }
        Path f = write("bomb.yaml", sb.toString());
        assertThrows(SpecException.class, () -> SpecParser.parseFile(f));
    }

    @Test
    void unknownSectionAndWrongTypesNameTheField() throws IOException {
        Path f = write("u.yaml", GOOD + "trian: {}\n");
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(f, SpecParser.parseFile(f)));
        assertTrue(e.getMessage().contains(f + ":9:8"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown section 'trian'"), e.getMessage());

        Path g = write("size.yaml", GOOD.replace("size: 300", "size: many"));
        SpecException e2 = assertThrows(SpecException.class, () -> SpecReader.read(g, SpecParser.parseFile(g)));
        assertTrue(e2.getMessage().contains("model.layers[0].size"), e2.getMessage());
        assertTrue(e2.getMessage().contains(g + ":7:"), e2.getMessage());
    }

    @Test
    void overridesReplaceCreateAndIndexIntoLists() throws IOException {
        Path f = write("good.yaml", GOOD);
        SpecNode root = SpecParser.parseFile(f);
        SpecOverrides.apply(root, List.of("train.params.l2=5e-4", "model.layers.0.size=64", "data.params.normalize=zscore",
                "train.params.epochs=3", "seed=11"));
        ExperimentSpec s = SpecReader.read(f, root);
        assertEquals(5e-4, s.train().params().get("l2").scalar());
        assertEquals(3L, s.train().params().get("epochs").scalar());
        assertEquals(64, s.layers().get(0).size());
        assertEquals("zscore", s.data().params().get("normalize").scalar());
        assertEquals(11, s.seed());
        assertEquals("--set train.params.l2", s.train().params().get("l2").location());
    }

    @Test
    void overrideErrorsNameTheOverride() throws IOException {
        Path f = write("good.yaml", GOOD);
        SpecNode root = SpecParser.parseFile(f);
        SpecException e = assertThrows(SpecException.class, () -> SpecOverrides.apply(root, List.of("model.layers.3.size=1")));
        assertTrue(e.getMessage().contains("--set model.layers.3.size"), e.getMessage());
        assertTrue(e.getMessage().contains("out of range; the list has 1 items"), e.getMessage());
        assertThrows(SpecException.class, () -> SpecOverrides.apply(root, List.of("seed")));
        assertThrows(SpecException.class, () -> SpecOverrides.apply(root, List.of("seed.x=1")));
    }
}
