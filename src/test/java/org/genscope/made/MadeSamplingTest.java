package org.genscope.made;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;

/** Ancestral samples of a tiny model follow the model's own conditionals. */
class MadeSamplingTest {
    @Test
    void binarySampleFrequenciesMatchExpOfMinusNllByChiSquare() {
        int d = 3;
        MadeConfig c = new MadeConfig(d, new int[] {8}, OrderingKind.RANDOM, null, DegreeRule.UNIFORM, 0, true, 1, false,
                Conditional.BERNOULLI, 1, "tanh", 12);
        Made made = new Made(c);
        TinyModels.scaleWeights(made, 3f);
        double[] ll = made.logLikelihoods(TinyModels.allBinary(d));
        int n = 40_000;
        float[] s = made.sample(n, new Rng(99));
        int[] count = new int[1 << d];
        for (int i = 0; i < n; i++) {
            int code = 0;
            for (int j = 0; j < d; j++) code |= (s[i * d + j] == 1f ? 1 : 0) << j;
            count[code]++;
        }
        double chi2 = 0;
        for (int v = 0; v < count.length; v++) {
            double expected = n * Math.exp(ll[v]);
            chi2 += (count[v] - expected) * (count[v] - expected) / expected;
        }
        assertTrue(chi2 < 24.32, "chi-square with 7 degrees of freedom (p = 0.001 critical value 24.32): " + chi2);
    }

    @Test
    void gaussianSamplesHaveStandardResidualsUnderTheirConditionals() {
        MadeConfig c = MadeConfig.defaults(2).withConditional(Conditional.GAUSSIAN, 1).withHidden(10);
        Made made = new Made(c);
        TinyModels.scaleWeights(made, 2f);
        int n = 20_000;
        FMatrixRMaj x = new FMatrixRMaj(n, 2);
        x.data = made.sample(n, new Rng(5));
        FMatrixRMaj theta = made.network().forward(x);       // columns μ₁, μ₂, s₁, s₂
        for (int d = 0; d < 2; d++) {
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                double z = (x.get(i, d) - theta.get(i, d)) / Math.exp(theta.get(i, 2 + d));
                sum += z;
                sq += z * z;
            }
            double mean = sum / n;
            assertEquals(0, mean, 4 / Math.sqrt(n), "mean residual of dimension " + d);
            assertEquals(1, sq / n - mean * mean, 4 * Math.sqrt(2.0 / n), "residual variance of dimension " + d);
        }
    }

    @Test
    void mixtureSamplesOfTheFirstDimensionHaveTheMixturesMeanAndVariance() {
        MadeConfig c = MadeConfig.defaults(2).withConditional(Conditional.MIXTURE, 3).withHidden(10);
        Made made = new Made(c);
        TinyModels.scaleWeights(made, 3f);
        int n = 40_000;
        float[] s = made.sample(n, new Rng(8));
        int first = made.connectivity().sequence()[0];
        // the first dimension's parameters are constants: read them at any x
        FMatrixRMaj theta = made.network().forward(new FMatrixRMaj(1, 2));
        double z = 0;
        double[] pi = new double[3];
        for (int k = 0; k < 3; k++) z += pi[k] = Math.exp(theta.get(0, k * 2 + first));
        double mean = 0;
        double second = 0;
        for (int k = 0; k < 3; k++) {
            double mu = theta.get(0, (3 + k) * 2 + first);
            double sigma = Math.exp(theta.get(0, (6 + k) * 2 + first));
            mean += pi[k] / z * mu;
            second += pi[k] / z * (sigma * sigma + mu * mu);
        }
        double var = second - mean * mean;
        double m = 0;
        double q = 0;
        for (int i = 0; i < n; i++) {
            m += s[i * 2 + first];
            q += s[i * 2 + first] * s[i * 2 + first];
        }
        m /= n;
        assertEquals(mean, m, 5 * Math.sqrt(var / n));
        assertEquals(var, q / n - m * m, 0.05 * var);
    }
}
