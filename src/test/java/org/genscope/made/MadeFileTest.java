package org.genscope.made;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.FMatrixRMaj;
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
        assertTrue(e.getMessage().contains("hidden layer 1"), e.getMessage());
    }
}
