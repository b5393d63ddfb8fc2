package org.genscope.made;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.TestFiles;
import org.genscope.io.Metadata;
import org.genscope.io.ModelFile;
import org.genscope.io.ModelFileException;
import org.genscope.io.Tensor;
import org.genscope.io.TensorSource;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MadeFileTest {
    @TempDir
    Path dir;

    @Test
    void aSavedAndLoadedMadeGivesIdenticalOutputs() throws Exception {
        int[] custom = Orderings.random(7, new Rng(1));
        MadeConfig c = new MadeConfig(7, new int[] {9, 6}, OrderingKind.CUSTOM, custom, DegreeRule.SOFTMAX, -0.5, true, 3, true,
                Conditional.MIXTURE, 2, "elu", 5);
        Made made = new Made(c);
        made.useMask(1);
        made.setConnectivity(made.connectivity().withDegree(2, 3, 1));        // an edit must survive too
        Path file = dir.resolve("m.safetensors");
        MadeFile.save(file, made, Map.of("data.name", "unit-test"));
        Made loaded = MadeFile.load(file);
        assertEquals(c, loaded.config());
        assertEquals(made.masks(), loaded.masks());
        Rng rng = new Rng(2);
        FMatrixRMaj x = new FMatrixRMaj(30, 7);
        for (int i = 0; i < x.getNumElements(); i++) x.data[i] = (float) rng.nextGaussian();
        for (int k = 0; k < 3; k++) {
            made.useMask(k);
            loaded.useMask(k);
            assertArrayEquals(made.logLikelihoods(x), loaded.logLikelihoods(x), 0.0, "mask " + k);
            assertArrayEquals(made.sample(5, new Rng(3)), loaded.sample(5, new Rng(3)), 0f);
            assertArrayEquals(made.dependencies(), loaded.dependencies());
        }
        assertEquals("unit-test", ModelFile.read(file).meta("data.name").orElseThrow());
    }

    @Test
    void filesThatAreNotAValidMadeAreRefusedWithTheReason() throws Exception {
        Path flow = dir.resolve("flow.safetensors");
        ModelFile.write(flow, Map.of("w", Tensor.of(new long[] {1}, new float[] {1})), Map.of(Metadata.MODEL, "flow"));
        var e = assertThrows(ModelFileException.class, () -> MadeFile.load(flow));
        assertTrue(e.getMessage().contains("not a MADE"), e.getMessage());

        Made made = new Made(MadeConfig.defaults(4));
        Path good = dir.resolve("good.safetensors");
        MadeFile.save(good, made, Map.of());
        ModelFile f = ModelFile.read(good);
        Map<String, TensorSource> tensors = new LinkedHashMap<>(f.tensors());
        tensors.put("made.ordering", Tensor.of(new long[] {1, 4}, new float[] {1, 1, 2, 3}));
        Path bad = dir.resolve("bad.safetensors");
        ModelFile.write(bad, tensors, f.metadata());
        e = assertThrows(ModelFileException.class, () -> MadeFile.load(bad));
        assertTrue(e.getMessage().contains("bad.safetensors") && e.getMessage().contains("permutation"), e.getMessage());

        Map<String, String> meta = new LinkedHashMap<>(f.metadata());
        meta.put("made.hidden", "-3");
        Path badMeta = dir.resolve("meta.safetensors");
        ModelFile.write(badMeta, f.tensors(), meta);
        e = assertThrows(ModelFileException.class, () -> MadeFile.load(badMeta));
        assertTrue(e.getMessage().contains("made.hidden"), e.getMessage());
    }

    /** The good file with some tensors and metadata replaced (null removes one); returns the refusal message. */
    private static String refusal(Path good, Map<String, ? extends TensorSource> tensors, Map<String, String> meta)
            throws Exception {
        return TestFiles.refusal(MadeFile::load, good, tensors, meta);
    }

    @Test
    void contradictoryOrCorruptFilesAreRefusedNamingTheProblem() throws Exception {
        Made made = new Made(new MadeConfig(4, new int[] {5, 3}, OrderingKind.NATURAL, null, DegreeRule.UNIFORM, 0, false, 2,
                false, Conditional.BERNOULLI, 1, "relu", 7));
        Path good = dir.resolve("good.safetensors");
        MadeFile.save(good, made, Map.of());
        MadeFile.load(good);
        Map<String, TensorSource> none = Map.of();
        Map<String, String> same = Map.of();
        // mask tensors that disagree with made.masks or the widths
        TestFiles.assertHas(refusal(good, none, Map.of("made.masks", "3")), "'made.ordering' has shape [2, 4], but made.masks = 3");
        TestFiles.assertHas(refusal(good, Map.of("made.degrees2", Tensor.of(new long[] {2, 4}, new float[8])), same), "'made.degrees2' has shape [2, 4], but made.masks = 2 and made.hidden = 5,3 need [2, 3]");
        // tensors the metadata does not explain, and missing ones
        TestFiles.assertHas(refusal(good, Map.of("direct.weight", Tensor.of(new long[] {4, 4}, new float[16])), same), "holds a tensor 'direct.weight' that a MADE with this metadata");
        TestFiles.assertHas(refusal(good, Map.of("made.degrees3", Tensor.of(new long[] {2, 3}, new float[6])), same), "'made.degrees3'");
        assertTrue(refusal(good, Map.of("trainer.order", Tensor.of(new long[] {1}, new int[1])), same).contains("'trainer.order'"),
                "training state only in a checkpoint");
        TestFiles.assertHas(refusal(good, none, Map.of("made.direct", "true")), "has no tensor 'direct.weight'");
        TestFiles.assertHas(refusal(good, TestFiles.entry("hidden2.bias", null), same), "has no tensor 'hidden2.bias'");
        // non-finite parameters, named with the first bad index
        float[] w = ModelFile.read(good).tensor("hidden1.weight").toFloats();
        w[13] = Float.NaN;
        w[17] = Float.POSITIVE_INFINITY;
        TestFiles.assertHas(refusal(good, Map.of("hidden1.weight", Tensor.of(new long[] {4, 5}, w)), same), "tensor 'hidden1.weight' holds NaN at index 13 (2 non-finite values in all)");
        // corrupt values, blamed on the file's metadata, quoted short
        TestFiles.assertHas(refusal(good, none, Map.of("made.ordering_kind", "Natural")), "'made.ordering_kind' is 'Natural'; it must be one of natural, random, custom");
        TestFiles.assertHas(refusal(good, none, Map.of("made.inputs", "four")), "'made.inputs' is 'four'; it must be a whole number from 2 to");
        TestFiles.assertHas(refusal(good, none, Map.of("made.softmax_l", "")), "'made.softmax_l' is ''; it must be a number");
        TestFiles.assertHas(refusal(good, none, Map.of("made.direct", "yes")), "it must be true or false");
        String huge = "x".repeat(5_000_000);
        String m = refusal(good, none, Map.of("made.activation", huge));
        assertTrue(m.contains("unknown activation 'xxxx") && m.contains("…' (5000000 characters)"), m);
        TestFiles.assertHas(refusal(good, none, Map.of("model.kind", huge)), "(5000000 characters) model, not a MADE");
        TestFiles.assertHas(refusal(good, none, TestFiles.entry("made.masks", null)), "has no metadata 'made.masks'");
        TestFiles.assertHas(refusal(good, none, Map.of("made.seed", "1e3")), "'made.seed' is '1e3'");
    }
}
