package org.genscope.wta;

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
import org.genscope.io.ParamTensors;
import org.genscope.io.Tensor;
import org.genscope.io.TensorSource;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved autoencoder loads back identical; contradictory, non-finite or foreign files are refused naming why. */
class WtaFileTest {
    @TempDir
    Path dir;

    private static FMatrixRMaj images(int n, int d) {
        Rng rng = new Rng(3);
        FMatrixRMaj x = new FMatrixRMaj(n, d);
        for (int i = 0; i < x.getNumElements(); i++) x.data[i] = rng.nextFloat();
        return x;
    }

    @Test
    void savedAndLoadedAutoencodersGiveIdenticalOutputs() throws Exception {
        for (WtaConfig c : new WtaConfig[] {WtaConfig.fc(5, 6, 20, 4, 12, 9),
            new WtaConfig(WtaKind.CONV, 7, 7, new int[] {3, 4}, 3, 5, 30, true, 8)}) {
            WtaAutoencoder ae = WtaAutoencoder.create(c);
            ae.lossAndGradients(images(10, c.inputs()));
            for (Param p : ae.params()) for (int i = 0; i < p.size(); i++) p.value.data[i] += 0.01f * p.grad.data[i];
            Path file = dir.resolve(c.kind() + ".safetensors");
            WtaFile.save(file, ae, Map.of("data.name", "unit-test"));
            WtaAutoencoder back = WtaFile.load(file);
            assertEquals(c, back.config());
            FMatrixRMaj x = images(20, c.inputs());
            assertEquals(ae.reconstructionError(x), back.reconstructionError(x), 0.0);
            assertArrayEquals(ae.features(x).data, back.features(x).data, 0f);
            assertArrayEquals(ae.decoderFilters().values(), back.decoderFilters().values(), 0f);
            assertEquals("wta", ModelFile.read(file).meta(Metadata.MODEL).orElseThrow());

            WtaAutoencoder copy = ae.copy();
            assertEquals(ae.reconstructionError(x), copy.reconstructionError(x), 0.0);
            copy.params().get(0).value.data[0] += 1f;                 // independent of the original
            assertEquals(back.reconstructionError(x), ae.reconstructionError(x), 0.0);
        }
    }

    @Test
    void filesThatAreNotAValidAutoencoderAreRefusedWithTheReason() throws Exception {
        Path made = dir.resolve("made.safetensors");
        ModelFile.write(made, Map.of("w", Tensor.of(new long[] {1}, new float[] {1})), Map.of(Metadata.MODEL, "made"));
        assertTrue(refusal(made).contains("not a winner-take-all autoencoder"));

        WtaAutoencoder ae = WtaAutoencoder.create(WtaConfig.fc(4, 4, 10, 1, 6));
        Map<String, String> meta = new LinkedHashMap<>(WtaFile.metadata(ae.config()));
        Map<String, TensorSource> tensors = new LinkedHashMap<>(ParamTensors.sources(ae.params()));

        Path k0 = write("k0", tensors, with(meta, "wta.k_percent", "0"));
        assertTrue(refusal(k0).contains("'wta.k_percent' is '0'"), refusal(k0));

        Path wide = write("wide", tensors, with(meta, "wta.hidden", "7"));
        assertTrue(refusal(wide).contains("encoder1.weight") && refusal(wide).contains("[16, 7]"), refusal(wide));

        Map<String, TensorSource> extra = new LinkedHashMap<>(tensors);
        extra.put("stray", Tensor.of(new long[] {1}, new float[] {0}));
        assertTrue(refusal(write("extra", extra, meta)).contains("'stray'"));

        ae.params().get(0).value.data[3] = Float.NaN;
        Path nan = write("nan", ParamTensors.sources(ae.params()), meta);
        assertTrue(refusal(nan).contains("NaN at index 3"), refusal(nan));

        Path big = write("big", tensors, with(with(meta, "wta.kind", "conv"), "wta.encoder_kernel", "9"));
        assertTrue(refusal(big).contains("invalid winner-take-all description"), refusal(big));
    }

    private static Map<String, String> with(Map<String, String> m, String k, String v) {
        Map<String, String> c = new LinkedHashMap<>(m);
        c.put(k, v);
        return c;
    }

    private Path write(String name, Map<String, ? extends TensorSource> t, Map<String, String> meta) throws Exception {
        Path p = dir.resolve(name + ".safetensors");
        ModelFile.write(p, t, meta);
        return p;
    }

    private static String refusal(Path p) {
        String m = assertThrows(ModelFileException.class, () -> WtaFile.load(p)).getMessage();
        assertTrue(m.contains(p.getFileName().toString()), m);
        return m;
    }
}
