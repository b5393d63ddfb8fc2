package org.genscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two steps on a 2-element parameter, against values worked out by hand (and the textbook formulas). */
class OptimizersTest {
    private static final float[] G1 = {0.5f, -1f};
    private static final float[] G2 = {1f, 0.25f};

    private static Param param() {
        Param p = new Param("w", 1, 2);
        p.value.data[0] = 1f;
        p.value.data[1] = -2f;
        return p;
    }

    private static float[] run(Optimizer opt, Param p, float[]... grads) {
        for (float[] g : grads) {
            System.arraycopy(g, 0, p.grad.data, 0, 2);
            opt.step();
            assertArrayEquals(new float[2], p.grad.data, "step must zero the gradient");
        }
        return p.value.data.clone();
    }

    @Test
    void sgdMomentumMatchesHandValues() {
        // buf = g1; w = w − 0.1·buf = (0.95, −1.9); buf = 0.9·buf + g2 = (1.45, −0.65); w = (0.805, −1.835)
        Param p = param();
        assertArrayEquals(new float[] {0.805f, -1.835f}, run(new Sgd(List.of(p), 0.1, 0.9, false, 0), p, G1, G2), 1e-6f);
    }

    @Test
    void sgdNesterovMatchesHandValues() {
        // d = g + 0.9·buf: step 1 d = (0.95, −1.9) → w = (0.905, −1.81); step 2 d = (2.305, −0.335) → (0.6745, −1.7765)
        Param p = param();
        assertArrayEquals(new float[] {0.6745f, -1.7765f}, run(new Sgd(List.of(p), 0.1, 0.9, true, 0), p, G1, G2), 1e-6f);
    }

    @Test
    void adamMatchesHandValuesAndTheTextbookForm() {
        Param p = param();
        Adam adam = new Adam(List.of(p), 0.1);
        // step 1: m̂ = g, v̂ = g², so each weight moves by lr·sign(g)
        assertArrayEquals(new float[] {0.9f, -1.9f}, run(adam, p, G1), 1e-6f);
        float[] w = run(adam, p, G2);
        // step 2 by Algorithm 1 verbatim, in double
        double[] m = new double[2];
        double[] v = new double[2];
        double[] want = {1, -2};
        for (int t = 1; t <= 2; t++) {
            float[] g = t == 1 ? G1 : G2;
            for (int i = 0; i < 2; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(0.9, t));
                double vHat = v[i] / (1 - Math.pow(0.999, t));
                want[i] -= 0.1 * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
        assertEquals(0.803482, want[0], 1e-6);         // by hand: 0.9 − 0.1·0.763158/0.790688
        assertEquals(want[0], w[0], 1e-6);
        assertEquals(want[1], w[1], 1e-6);
    }

    @Test
    void adagradMatchesHandValues() {
        // G = (0.25, 1) → w = (0.9, −1.9); G = (1.25, 1.0625) → w = (0.9 − 0.1/√1.25, −1.9 − 0.025/√1.0625)
        Param p = param();
        assertArrayEquals(new float[] {0.8105573f, -1.9242536f}, run(new Adagrad(List.of(p), 0.1), p, G1, G2), 1e-6f);
    }

    @Test
    void eachKindIsTheOptimizerItsNameSays() {
        // sgd is plain: w − 0.1·(g1 + g2) = (0.85, −1.925); momentum is heavy-ball μ = 0.9: as sgdMomentumMatchesHandValues
        Param p = param();
        assertArrayEquals(new float[] {0.85f, -1.925f}, run(OptimizerKind.SGD.create(List.of(p), 0.1), p, G1, G2), 1e-6f);
        p = param();
        assertArrayEquals(new float[] {0.805f, -1.835f}, run(OptimizerKind.MOMENTUM.create(List.of(p), 0.1), p, G1, G2), 1e-6f);
        p = param();
        assertArrayEquals(new float[] {0.8105573f, -1.9242536f}, run(OptimizerKind.ADAGRAD.create(List.of(p), 0.1), p, G1, G2), 1e-6f);
        p = param();
        Param q = param();
        assertArrayEquals(run(new Adam(List.of(q), 0.1), q, G1, G2), run(OptimizerKind.ADAM.create(List.of(p), 0.1), p, G1, G2));
    }

    @Test
    void kindsAreFoundByTheirNamesAndAnUnknownNameListsThem() {
        for (OptimizerKind k : OptimizerKind.values()) assertEquals(k, OptimizerKind.byName(" " + k.toString().toUpperCase() + " "));
        assertEquals("adam|adagrad|sgd|momentum", OptimizerKind.names("|"));
        var e = assertThrows(IllegalArgumentException.class, () -> OptimizerKind.byName("rmsprop"));
        assertEquals("unknown optimizer 'rmsprop'; choose one of adam, adagrad, sgd, momentum", e.getMessage());
    }

    @Test
    void weightDecayIsDecoupled() {
        // w·(1 − lr·λ) − lr·g = (0.95 − 0.05, −1.9 + 0.1)
        Param p = param();
        assertArrayEquals(new float[] {0.9f, -1.8f}, run(new Sgd(List.of(p), 0.1, 0, false, 0.5), p, G1), 1e-6f);
        // AdamW: w·0.95 − 0.1·sign(g)
        Param q = param();
        assertArrayEquals(new float[] {0.85f, -1.8f}, run(new Adam(List.of(q), 0.1, 0.9, 0.999, 1e-8, 0.5), q, G1), 1e-6f);
    }

    @Test
    void clippingScalesToTheMaxNormAndReturnsTheOldNorm() {
        Param p = new Param("g", 1, 2);
        p.grad.data[0] = 3f;
        p.grad.data[1] = 4f;
        assertEquals(5.0, GradClip.clipNorm(List.of(p), 10), 1e-12);
        assertArrayEquals(new float[] {3f, 4f}, p.grad.data);
        assertEquals(5.0, GradClip.clipNorm(List.of(p), 1), 1e-12);
        assertArrayEquals(new float[] {0.6f, 0.8f}, p.grad.data, 1e-7f);
        assertEquals(1.0, GradClip.norm(List.of(p)), 1e-6);
    }

    @Test
    void restoredStateContinuesBitForBit() {
        Param a = param();
        Param b = param();
        Adam first = new Adam(List.of(a), 0.05);
        run(first, a, G1, G2, G1);
        Map<String, float[]> saved = first.state();
        System.arraycopy(a.value.data, 0, b.value.data, 0, 2);
        Adam second = new Adam(List.of(b), 0.05);
        second.loadState(saved);
        assertArrayEquals(run(first, a, G2, G2), run(second, b, G2, G2));
        saved.remove("w/v");
        assertThrows(IllegalArgumentException.class, () -> second.loadState(saved));
    }

    @Test
    void duplicateParameterNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(param(), param()), 0.1));
    }
}
