package org.genscope.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class VaeConfigTest {
    private static void refused(String expected, Supplier<VaeConfig> make) {
        var e = assertThrows(IllegalArgumentException.class, make::get);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should mention '" + expected + "'");
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains(". "), "one sentence: " + e.getMessage());
    }

    @Test
    void absurdSettingsAreRefusedWithOneSentenceEach() {
        VaeConfig c = VaeConfig.defaults(784);
        refused("latent size must be 1 to 100, got 0", () -> c.withLatent(0));
        refused("latent size must be 1 to 100, got 101", () -> c.withLatent(101));
        refused("β must be a number from 0 to 1000, got -1", () -> c.withBeta(-1, 0));
        refused("got NaN", () -> c.withBeta(Double.NaN, 0));
        refused("hidden layer 1 of the encoder must have 1 to 100000 units, got 1000000000",
                () -> c.withHidden(new int[] {1_000_000_000}, new int[] {200}));
        refused("hidden layer 2 of the decoder", () -> c.withHidden(new int[] {200}, new int[] {200, 0}));
        refused("samples per data point must be 1 to 256, got 0", () -> c.withSamples(0));
        refused("warm-up must be 0 (off)", () -> c.withBeta(1, -5));
        refused("unknown activation 'swish'", () -> c.withActivations("swish", "tanh"));
        refused("parameters, more than the limit", () -> c.withHidden(new int[] {100_000, 100_000}, new int[] {200}));
        refused("the data dimension must be 1", () -> new VaeConfig(0, new int[0], "tanh", 2, new int[0], "tanh",
                DecoderKind.GAUSSIAN, 1, 1, 0, 1));
        refused("choose a decoder", () -> c.withDecoder(null));
        assertThrows(IllegalArgumentException.class, () -> DecoderKind.byName("poisson"));
        assertEquals(DecoderKind.GAUSSIAN, DecoderKind.byName("Gaussian"));
    }

    @Test
    void defaultsAreTheIwaePapersModelAndCountTheirParameters() {
        VaeConfig c = VaeConfig.defaults(784);
        assertEquals("784-200-200-(50)-200-200-784", c.architecture());
        long encoder = 784L * 200 + 200 + 200 * 200 + 200 + 200 * 100 + 100;
        long decoder = 50L * 200 + 200 + 200 * 200 + 200 + 200 * 784 + 784;
        assertEquals(encoder + decoder, c.parameterCount());
        assertEquals(c.parameterCount(), new Vae(c).params().stream().mapToLong(p -> p.size()).sum());
        assertEquals(DecoderKind.GAUSSIAN, VaeConfig.defaults(2).decoder());
        int[] h = c.encoderHidden();
        h[0] = 7;
        assertEquals(200, c.encoderHidden()[0], "the record keeps its own copy");
    }

    @Test
    void warmUpRaisesBetaLinearlyFromZero() {
        VaeConfig c = VaeConfig.defaults(784).withBeta(4, 100);
        assertEquals(0, c.betaAt(0));
        assertEquals(1, c.betaAt(25), 1e-12);
        assertEquals(4, c.betaAt(100));
        assertEquals(4, c.betaAt(10_000));
        assertEquals(4, c.withBeta(4, 0).betaAt(0), "no warm-up: β from the first step");
    }
}
