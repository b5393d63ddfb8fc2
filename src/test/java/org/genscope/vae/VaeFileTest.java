package org.genscope.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
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

class VaeFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripRebuildsTheSameModelAndTheSameElbo() throws Exception {
        for (DecoderKind kind : DecoderKind.values()) {
            int d = kind == DecoderKind.BERNOULLI ? 7 : 2;
            VaeConfig c = new VaeConfig(d, new int[] {9, 5}, "tanh", 3, new int[] {6}, "elu", kind, 2, 0.5, 30, 11);
            FMatrixRMaj x = kind == DecoderKind.BERNOULLI ? TinyVaes.bits(40, d, 1) : TinyVaes.ring(40, 1);
            Vae vae = TinyVaes.trained(c, x, 20, 3);
            Path file = dir.resolve(kind + ".safetensors");
            VaeFile.save(file, vae, Map.of("data.name", "test"));
            Vae back = VaeFile.load(file);
            assertEquals(c, back.config());
            for (int i = 0; i < vae.params().size(); i++) {
                assertArrayEquals(vae.params().get(i).value.data, back.params().get(i).value.data, 0f, vae.params().get(i).name);
            }
            Evaluation a = vae.evaluate(x, 10, new Rng(4), Progress.NONE);
            Evaluation b = back.evaluate(x, 10, new Rng(4), Progress.NONE);
            assertArrayEquals(a.elbo(), b.elbo(), 0.0);
            assertArrayEquals(a.logLikelihood(), b.logLikelihood(), 0.0);
        }
    }

    /** The file of a small trained VAE, rewritten with its tensors and metadata changed. */
    private Path altered(String name, Map<String, String> meta, String tensor, TensorSource replacement) throws Exception {
        Vae vae = new Vae(TinyVaes.config(6, 4, 2, DecoderKind.BERNOULLI, 1));
        Path good = dir.resolve("good.safetensors");
        VaeFile.save(good, vae, Map.of());
        ModelFile f = ModelFile.read(good);
        Map<String, String> m = new HashMap<>(f.metadata());
        meta.forEach((k, v) -> {
            if (v == null) m.remove(k);
            else m.put(k, v);
        });
        Map<String, TensorSource> t = new LinkedHashMap<>(f.tensors());
        if (tensor != null) {
            if (replacement == null) t.remove(tensor);
            else t.put(tensor, replacement);
        }
        Path bad = dir.resolve(name + ".safetensors");
        ModelFile.write(bad, t, m);
        return bad;
    }

    private static void refused(Path file, String expected) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> VaeFile.load(file));
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "'" + e.getMessage() + "' should mention '" + expected + "'");
    }

    @Test
    void contradictoryNonFiniteAndForeignFilesAreRefusedNamingTheProblem() throws Exception {
        refused(altered("made", Map.of(Metadata.MODEL, "made"), null, null), "not a VAE");
        refused(altered("latent", Map.of("vae.latent", "3"), null, null), "vae.latent = 3");
        refused(altered("inputs", Map.of("vae.inputs", "5"), null, null), "vae.inputs = 5");
        refused(altered("beta", Map.of("vae.beta", "NaN"), null, null), "β must be");
        refused(altered("zero-latent", Map.of("vae.latent", "0"), null, null), "vae.latent");
        refused(altered("decoder", Map.of("vae.decoder", "poisson"), null, null), "vae.decoder");
        refused(altered("missing", new HashMap<>(Map.of("vae.samples", "")), null, null), "vae.samples");
        refused(altered("nan", Map.of(), "decoder.hidden1.weight", Tensor.of(new long[] {2, 4}, new float[] {0, 0, 0, Float.NaN, 0, 0, 0, 0})),
                "decoder.hidden1.weight");
        refused(altered("extra", Map.of(), "encoder.extra", Tensor.of(new long[] {1, 1}, new float[] {1})), "encoder.extra");
        refused(altered("absent", Map.of(), "decoder.output.bias", null), "decoder.output.bias");
    }
}
