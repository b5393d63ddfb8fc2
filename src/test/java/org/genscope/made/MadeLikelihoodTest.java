package org.genscope.made;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Grid2D;
import org.genscope.nn.MaskedLinear;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;

class MadeLikelihoodTest {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    /** D = 2, natural ordering, one hidden ReLU unit of degree 1: h = relu(w·x₁ + b) sees x₁ only. */
    private static Made tiny(Conditional c) {
        MadeConfig cfg = new MadeConfig(2, new int[] {1}, OrderingKind.NATURAL, null, DegreeRule.UNIFORM, 0, false, 1,
                false, c, 1, "relu", 1);
        Made made = new Made(cfg);
        made.setConnectivity(Connectivity.of(new int[] {1, 2}, new int[] {1}));
        MaskedLinear hidden = made.network().layers().get(0);
        hidden.weight.value.data[0] = 2f;      // x₁ → h
        hidden.weight.value.data[1] = 100f;    // x₂ → h: masked
        hidden.bias.value.data[0] = -0.5f;
        return made;
    }

    private static double logSigmoid(double l) {
        return -Math.log1p(Math.exp(-l));
    }

    @Test
    void bernoulliNllOfATinyModelEqualsTheHandComputation() {
        Made made = tiny(Conditional.BERNOULLI);
        MaskedLinear out = made.network().layers().get(1);
        out.weight.value.data[0] = 7f;         // h → output 1: masked (m⁰ = 1 sees nothing)
        out.weight.value.data[1] = 1.5f;       // h → output 2
        out.bias.value.data[0] = 0.3f;
        out.bias.value.data[1] = -1f;
        FMatrixRMaj x = new FMatrixRMaj(new float[][] {{1, 0}, {0, 1}});
        // x = (1, 0): h = relu(1.5) = 1.5, l₁ = 0.3, l₂ = 1.5·1.5 − 1 = 1.25
        double ll0 = logSigmoid(0.3) + logSigmoid(-1.25);
        // x = (0, 1): h = relu(−0.5) = 0, l₂ = −1
        double ll1 = logSigmoid(-0.3) + logSigmoid(-1);
        double[] ll = made.logLikelihoods(x);
        assertEquals(ll0, ll[0], 1e-6);
        assertEquals(ll1, ll[1], 1e-6);
        assertEquals(-(ll0 + ll1) / 2, made.nll(x), 1e-6);
        float[] p = made.conditionals(x);
        assertEquals(1 / (1 + Math.exp(-1.25)), p[1], 1e-6);
        assertEquals(1 / (1 + Math.exp(-0.3)), p[2], 1e-6);
    }

    @Test
    void gaussianNllOfATinyModelEqualsTheHandComputation() {
        Made made = tiny(Conditional.GAUSSIAN);
        MaskedLinear out = made.network().layers().get(1);   // columns μ₁, μ₂, s₁, s₂
        float[] w = {9f, 0.5f, 9f, -0.25f};
        float[] c = {0.1f, -0.2f, 0.4f, 0.05f};
        System.arraycopy(w, 0, out.weight.value.data, 0, 4);
        System.arraycopy(c, 0, out.bias.value.data, 0, 4);
        FMatrixRMaj x = new FMatrixRMaj(new float[][] {{1.2f, -0.7f}});
        // h = relu(2·1.2 − 0.5) = 1.9; μ₁ = 0.1, s₁ = 0.4; μ₂ = −0.2 + 0.5·1.9 = 0.75, s₂ = 0.05 − 0.25·1.9 = −0.425
        double z1 = (1.2 - 0.1) / Math.exp(0.4);
        double z2 = (-0.7 - 0.75) / Math.exp(-0.425);
        double expected = -HALF_LOG_2PI - 0.4 - 0.5 * z1 * z1 - HALF_LOG_2PI + 0.425 - 0.5 * z2 * z2;
        assertEquals(expected, made.logLikelihoods(x)[0], 1e-5);
        assertArrayEquals(new float[] {0.1f, 0.75f}, made.conditionals(x), 1e-6f);
    }

    @Test
    void mixtureWithOneComponentEqualsTheGaussian() {
        Rng rng = new Rng(4);
        FMatrixRMaj x = new FMatrixRMaj(5, 3);
        for (int i = 0; i < 15; i++) x.data[i] = (float) rng.nextGaussian();
        FMatrixRMaj theta2 = new FMatrixRMaj(5, 6);
        FMatrixRMaj theta3 = new FMatrixRMaj(5, 9);
        for (int n = 0; n < 5; n++) {
            for (int i = 0; i < 6; i++) {
                float v = (float) rng.nextGaussian();
                theta2.set(n, i, v);
                theta3.set(n, 3 + i, v);                     // group 0 = the (irrelevant) logit
            }
            for (int i = 0; i < 3; i++) theta3.set(n, i, (float) rng.nextGaussian());
        }
        double[] a = new double[5];
        double[] b = new double[5];
        new GaussianMixtureFamily(1, false).negLogLikelihood(theta2, x, a, null);
        new GaussianMixtureFamily(1, true).negLogLikelihood(theta3, x, b, null);
        assertArrayEquals(a, b, 1e-9);
    }

    @Test
    void probabilitiesOfAllBinaryVectorsSumToOne() {
        Rng rng = new Rng(8);
        for (int trial = 0; trial < 5; trial++) {
            int d = 6;
            MadeConfig c = new MadeConfig(d, new int[] {7, 5}, OrderingKind.RANDOM, null, DegreeRule.UNIFORM, 0, trial % 2 == 0,
                    1, false, Conditional.BERNOULLI, 1, "tanh", rng.nextLong());
            Made made = new Made(c);
            TinyModels.scaleWeights(made, 3f);
            double[] ll = made.logLikelihoods(TinyModels.allBinary(d));
            double total = 0;
            for (double v : ll) total += Math.exp(v);
            assertEquals(1.0, total, 1e-5, c.toString());
        }
    }

    @Test
    void gaussianDensityIntegratesToOneOverAGrid() {
        MadeConfig c = MadeConfig.defaults(2).withConditional(Conditional.MIXTURE, 3).withHidden(16, 16);
        Made made = new Made(c);
        int n = 400;
        float[] p = made.densityGrid(new Grid2D(-10, 10, -10, 10, n, n));
        double cell = (20.0 / n) * (20.0 / n);
        double total = 0;
        for (float v : p) total += v * cell;
        assertEquals(1.0, total, 2e-3);
    }

    @Test
    void ensembleAveragesProbabilitiesOverMasks() {
        MadeConfig c = new MadeConfig(8, new int[] {12}, OrderingKind.NATURAL, null, DegreeRule.UNIFORM, 0, false, 3, true,
                Conditional.BERNOULLI, 1, "relu", 3);
        Made made = new Made(c);
        TinyModels.scaleWeights(made, 2f);
        FMatrixRMaj x = TinyModels.allBinary(8);
        double[][] per = new double[3][];
        for (int k = 0; k < 3; k++) {
            made.useMask(k);
            per[k] = made.logLikelihoods(x);
        }
        made.useMask(1);
        double[] ens = made.ensembleLogLikelihoods(x, 3);
        assertEquals(1, made.maskIndex(), "the mask in use is restored");
        double meanNll = 0;
        for (int n = 0; n < x.numRows; n++) {
            double avg = (Math.exp(per[0][n]) + Math.exp(per[1][n]) + Math.exp(per[2][n])) / 3;
            assertEquals(Math.log(avg), ens[n], 1e-9);
            meanNll -= (per[0][n] + per[1][n] + per[2][n]) / 3 / x.numRows;
        }
        assertTrue(made.ensembleNll(x, 3) <= meanNll, "Jensen: the ensemble is never worse than the average mask");
        made.useMask(0);
        assertEquals(made.nll(x), made.ensembleNll(x, 1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> made.ensembleNll(x, 4));
    }

    @Test
    void dataOfTheWrongWidthIsRefused() {
        Made made = new Made(MadeConfig.defaults(3));
        var e = assertThrows(IllegalArgumentException.class, () -> made.nll(new FMatrixRMaj(2, 4)));
        assertTrue(e.getMessage().contains("4 columns"), e.getMessage());
    }
}
