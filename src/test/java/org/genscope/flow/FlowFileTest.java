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
import org.genscope.data.TestFiles;
import org.genscope.io.ModelFile;
import org.genscope.io.ModelFileException;
import org.genscope.io.ParamTensors;
import org.genscope.io.Tensor;
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
    void aRandomPermutationIsStoredInTheFileAndReadFromIt() throws Exception {
        FlowModel m = FlowSpec.parse("shuffle,realnvp:8,shuffle,maf:8").withSeed(17).build(6);
        Path f = dir.resolve("shuffle.safetensors");
        FlowFile.save(f, m, Map.of());
        ModelFile file = ModelFile.read(f);
        float[] stored = file.requireShape("layer0.permutation", 1, 6).toFloats();
        assertTrue(file.tensors().containsKey("layer2.permutation"), file.tensors().keySet().toString());
        FMatrixRMaj x = TestFlows.gaussian(100, 6, 1.0, new Rng(3));
        assertArrayEquals(m.toBase(x).points().data, FlowFile.load(f).toBase(x).points().data);

        // z_j = x_{π(j)} with the file's π, whichever π that is: write the reversal of the stored one instead
        float[] other = new float[6];
        for (int j = 0; j < 6; j++) other[j] = stored[5 - j];
        Map<String, TensorSource> tensors = new LinkedHashMap<>(file.tensors());
        tensors.put("layer0.permutation", Tensor.of(new long[] {1, 6}, other));
        Path edited = dir.resolve("edited.safetensors");
        ModelFile.write(edited, tensors, file.metadata());
        FMatrixRMaj z = FlowFile.load(edited).layers().get(0).forward(x).points();
        for (int r = 0; r < x.numRows; r++) {
            for (int j = 0; j < 6; j++) assertEquals(x.data[6 * r + (int) other[j]], z.data[6 * r + j]);
        }
        assertTrue(!java.util.Arrays.equals(other, stored), "the edit changed π");
    }

    @Test
    void aStoredPermutationMustBeAPermutation() throws Exception {
        FlowModel m = FlowSpec.parse("shuffle,realnvp:4").build(3);
        Path f = dir.resolve("p.safetensors");
        FlowFile.save(f, m, Map.of());
        ModelFile file = ModelFile.read(f);
        for (float[] bad : new float[][] {{0, 0, 1}, {0, 1, 3}, {0, 1, -1}, {0, 1.5f, 2}}) {
            Map<String, TensorSource> tensors = new LinkedHashMap<>(file.tensors());
            tensors.put("layer0.permutation", Tensor.of(new long[] {1, 3}, bad));
            Path p = dir.resolve("bad.safetensors");
            ModelFile.write(p, tensors, file.metadata());
            ModelFileException e = assertThrows(ModelFileException.class, () -> FlowFile.load(p));
            assertTrue(e.getMessage().contains("bad.safetensors") && e.getMessage().contains("'layer0.permutation' must hold each of 0..2 once"),
                    e.getMessage());
        }
        Map<String, TensorSource> tensors = new LinkedHashMap<>(file.tensors());
        tensors.remove("layer0.permutation");
        Path p = dir.resolve("missing.safetensors");
        ModelFile.write(p, tensors, file.metadata());
        ModelFileException e = assertThrows(ModelFileException.class, () -> FlowFile.load(p));
        assertTrue(e.getMessage().contains("layer0.permutation"), e.getMessage());
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

    private static String refusal(Path good, Map<String, ? extends TensorSource> tensors, Map<String, String> meta)
            throws Exception {
        return TestFiles.refusal(FlowFile::load, good, tensors, meta);
    }

    @Test
    void contradictoryOrCorruptFilesAreRefusedNamingTheProblem() throws Exception {
        Path fixed = dir.resolve("fixed-base.safetensors");
        FlowFile.save(fixed, FlowSpec.parse("actnorm,realnvp:4").build(2), Map.of());
        Path learnable = dir.resolve("learnable-base.safetensors");
        FlowFile.save(learnable, FlowSpec.parse("actnorm,realnvp:4").withLearnableBase(true).build(2), Map.of());
        Map<String, TensorSource> none = Map.of();
        Map<String, String> same = Map.of();
        Tensor row = Tensor.of(new long[] {1, 2}, new float[2]);
        TestFiles.assertHas(refusal(learnable, none, Map.of("flow.learnable_base", "false")), "holds the base tensor 'base.mean' but says flow.learnable_base = false");
        TestFiles.assertHas(refusal(fixed, Map.of("base.mean", row), same), "flow.learnable_base = false");
        TestFiles.assertHas(refusal(fixed, none, Map.of("flow.learnable_base", "true")), "has no tensor 'base.mean'");
        TestFiles.assertHas(refusal(fixed, Map.of("layer2.log_scale", row), same), "holds a tensor 'layer2.log_scale' that a flow with this metadata (2D 'actnorm,realnvp:4')");
        TestFiles.assertHas(refusal(fixed, none, Map.of("flow.layers", "actnorm")), "holds a tensor 'layer1.net.hidden1.bias' that a flow with this metadata (2D 'actnorm')");
        TestFiles.assertHas(refusal(fixed, TestFiles.entry("layer0.initialized", null), same), "has no tensor 'layer0.initialized'");
        TestFiles.assertHas(refusal(fixed, none, Map.of("flow.dimension", "3")), "'layer0.log_scale' has shape [1, 2] but this model needs [1, 3]");
        TestFiles.assertHas(refusal(fixed, Map.of("layer0.bias", Tensor.of(new long[] {1, 2}, new float[] {0, Float.NEGATIVE_INFINITY})), same), "tensor 'layer0.bias' holds -Inf at index 1");
        assertTrue(refusal(fixed, Map.of("layer0.bias", Tensor.of(new long[] {1, 2}, new double[] {1e300, 0})), same)
                .contains("holds +Inf at index 0"), "an F64 beyond the float range");
        TestFiles.assertHas(refusal(fixed, none, Map.of("flow.dimension", "two")), "'flow.dimension' is 'two'; it must be a whole number from 1 to 100000");
        TestFiles.assertHas(refusal(fixed, none, Map.of("flow.scale_bound", "-1")), "scale bound must be positive");
        TestFiles.assertHas(refusal(fixed, none, Map.of("flow.learnable_base", "False")), "it must be true or false");
        String m = refusal(fixed, none, Map.of("flow.layers", "spline:" + "9".repeat(100_000)));
        assertTrue(m.contains("unknown layer kind 'spline'") || m.contains("(100007 characters)"), m);
        m = refusal(fixed, none, Map.of("flow.layers", "realnvp:" + "9".repeat(100_000)));
        assertTrue(m.contains("…' (100008 characters): hidden widths must be integers"), m);
        TestFiles.assertHas(refusal(fixed, none, TestFiles.entry("flow.seed", null)), "has no metadata 'flow.seed'");
    }
}
