package org.genscope.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.FMatrixRMaj;
import org.genscope.io.ModelFile;
import org.genscope.io.ModelFileException;
import org.genscope.io.ParamTensors;
import org.genscope.io.TensorSource;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowFileTest {
    @TempDir
    Path dir;

    @Test
    void savedAndLoadedFlowGivesIdenticalLogLikelihoods() throws Exception {
        FlowModel m = TestFlows.randomModel(FlowSpec.parseLayers("actnorm,nice:6,realnvp:6-5,glow:6,linear,maf:6,reverse,iaf:6,scale"),
                2, true, 0.3, 41);
        Path f = dir.resolve("flow.safetensors");
        FlowFile.save(f, m, Map.of("data.name", "moons"));
        FlowModel back = FlowFile.load(f);
        assertEquals(m.spec(), back.spec());
        FMatrixRMaj x = TestFlows.gaussian(200, 2, 1.5, new Rng(1));
        assertArrayEquals(m.logLikelihoods(x), back.logLikelihoods(x));
        assertArrayEquals(m.sample(50, new Rng(2)).data, back.sample(50, new Rng(2)).data);
        ModelFile file = ModelFile.read(f);
        assertEquals("flow", file.meta("model.kind").orElseThrow());
        assertEquals("actnorm,nice:6,realnvp:6-5,glow:6,linear,maf:6,reverse,iaf:6,scale", file.meta("flow.layers").orElseThrow());
        assertEquals("moons", file.meta("data.name").orElseThrow());
        for (String name : List.of("layer0.log_scale", "layer0.bias", "layer0.initialized", "layer1.net.hidden1.weight",
                "layer2.net.output.bias", "layer3.actnorm.initialized", "layer3.linear.lower", "layer3.linear.permutation",
                "layer3.coupling.net.hidden1.weight", "layer4.upper", "layer4.log_s", "layer4.sign", "layer5.made.hidden1.weight",
                "layer5.made.output.weight", "layer7.made.output.bias", "layer8.log_scale", "base.mean", "base.log_std")) {
            assertTrue(file.tensors().containsKey(name), name + " missing from " + file.tensors().keySet());
        }
    }

    @Test
    void aRandomPermutationIsRebuiltFromTheSeed() throws Exception {
        FlowModel m = FlowSpec.parse("shuffle,realnvp:8,shuffle,maf:8").withSeed(17).build(6);
        Path f = dir.resolve("shuffle.safetensors");
        FlowFile.save(f, m, Map.of());
        FlowModel back = FlowFile.load(f);
        FMatrixRMaj x = TestFlows.gaussian(100, 6, 1.0, new Rng(3));
        assertArrayEquals(m.toBase(x).points().data, back.toBase(x).points().data, "the same permutations, the same map");
        FMatrixRMaj z = FlowSpec.parse("shuffle").withSeed(17).build(6).toBase(x).points();
        assertTrue(!java.util.Arrays.equals(z.data, x.data), "not the identity for this seed");
        for (int r = 0; r < x.numRows; r++) {        // each row holds the same values, reordered
            float[] a = java.util.Arrays.copyOfRange(x.data, 6 * r, 6 * r + 6);
            float[] b = java.util.Arrays.copyOfRange(z.data, 6 * r, 6 * r + 6);
            java.util.Arrays.sort(a);
            java.util.Arrays.sort(b);
            assertArrayEquals(a, b);
        }
    }

    @Test
    void loadedActNormIsNotInitialisedAgain() throws Exception {
        FlowModel m = TestFlows.randomModel(FlowSpec.parseLayers("actnorm,realnvp:4"), 2, false, 0.3, 42);
        Path f = dir.resolve("a.safetensors");
        FlowFile.save(f, m, Map.of());
        FlowModel back = FlowFile.load(f);
        float[] before = back.params().get(0).value.data.clone();
        back.initialize(TestFlows.gaussian(100, 2, 9, new Rng(3)));
        assertArrayEquals(before, back.params().get(0).value.data);
    }

    @Test
    void badFilesFailNamingTheProblem() throws Exception {
        FlowModel m = FlowSpec.parse("linear,realnvp:4").build(2);
        Path f = dir.resolve("bad.safetensors");
        Map<String, String> meta = new LinkedHashMap<>(FlowFile.metadata(m));
        List<Param> all = new java.util.ArrayList<>(m.params());
        all.addAll(m.buffers());
        m.buffers().get(0).value.data[0] = 7;                   // permutation entry out of range
        Map<String, TensorSource> tensors = ParamTensors.sources(all);
        ModelFile.write(f, tensors, meta);
        ModelFileException e = assertThrows(ModelFileException.class, () -> FlowFile.load(f));
        assertTrue(e.getMessage().contains("bad.safetensors") && e.getMessage().contains("permutation"), e.getMessage());

        meta.put("flow.layers", "realnvp:4,spline:3");
        ModelFile.write(f, tensors, meta);
        e = assertThrows(ModelFileException.class, () -> FlowFile.load(f));
        assertTrue(e.getMessage().contains("unknown layer kind 'spline'"), e.getMessage());

        meta.put("model.kind", "made");
        ModelFile.write(f, tensors, meta);
        e = assertThrows(ModelFileException.class, () -> FlowFile.load(f));
        assertTrue(e.getMessage().contains("not a flow"), e.getMessage());
    }
}
