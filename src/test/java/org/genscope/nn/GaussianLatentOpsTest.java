package org.genscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The VAE's latent-variable ops — the split of a two-headed output, the reparameterization z = μ + σ ⊙ ε and the
 * closed-form Gaussian KL — against finite differences and against their definitions.
 */
class GaussianLatentOpsTest {
    private static final double TOL = 1e-2;

    /** μ and v = log σ² as parameters, so GradCheck perturbs and checks both. */
    private static Param param(String name, FMatrixRMaj value) {
        Param p = new Param(name, value.numRows, value.numCols);
        System.arraycopy(value.data, 0, p.value.data, 0, value.getNumElements());
        return p;
    }

    /** Σ R ∘ y for a fixed random R: a scalar that depends on every entry of y. */
    private static double weighted(FMatrixRMaj y, FMatrixRMaj r) {
        double s = 0;
        for (int i = 0; i < y.getNumElements(); i++) s += (double) r.data[i] * y.data[i];
        return s;
    }

    @Test
    void splitGivesTheTwoHalvesAndItsGradientMatchesFiniteDifferences() {
        Rng rng = new Rng(1);
        FMatrixRMaj x = TestMatrices.gaussian(4, 6, rng);
        SplitHalves split = new SplitHalves();
        split.forward(x);
        assertEquals(x.get(2, 1), split.first().get(2, 1));
        assertEquals(x.get(2, 4), split.second().get(2, 1));
        FMatrixRMaj ra = TestMatrices.gaussian(4, 3, rng);
        FMatrixRMaj rb = TestMatrices.gaussian(4, 3, rng);
        GradCheck.Problem p = new GradCheck.Problem() {
            @Override
            public double loss() {
                split.forward(x);
                return weighted(split.first(), ra) + 2 * weighted(split.second(), rb);
            }

            @Override
            public FMatrixRMaj backward() {
                FMatrixRMaj rb2 = rb.copy();
                for (int i = 0; i < rb2.getNumElements(); i++) rb2.data[i] *= 2;
                return split.backward(ra, rb2);
            }
        };
        GradCheck.Report r = GradCheck.check(p, List.of(), x);
        assertTrue(r.maxRelError() < TOL, r.toString());
        assertThrows(IllegalArgumentException.class, () -> split.forward(new FMatrixRMaj(2, 5)));
    }

    @Test
    void reparameterizationGradientsMatchFiniteDifferencesWithFixedNoise() {
        for (int samples : new int[] {1, 3}) {
            Rng rng = new Rng(2 + samples);
            Param mu = param("mu", TestMatrices.gaussian(5, 4, rng));
            Param logVar = param("logVar", TestMatrices.gaussian(5, 4, rng));
            FMatrixRMaj eps = TestMatrices.gaussian(samples * 5, 4, rng);
            FMatrixRMaj r = TestMatrices.gaussian(samples * 5, 4, rng);
            Reparameterize rep = new Reparameterize();
            GradCheck.Problem p = new GradCheck.Problem() {
                @Override
                public double loss() {
                    return weighted(rep.forward(mu.value, logVar.value, eps), r);
                }

                @Override
                public FMatrixRMaj backward() {
                    rep.backward(r, mu.grad, logVar.grad);
                    return null;
                }
            };
            GradCheck.Report report = GradCheck.check(p, List.of(mu, logVar), null);
            assertTrue(report.maxRelError() < TOL, "S = " + samples + "\n" + report);
        }
    }

    @Test
    void reparameterizedSamplesHaveTheMeanAndVarianceOfQ() {
        FMatrixRMaj mu = new FMatrixRMaj(new float[][] {{1.5f, -2f}});
        FMatrixRMaj logVar = new FMatrixRMaj(new float[][] {{(float) Math.log(0.25), (float) Math.log(4)}});
        int s = 200_000;
        FMatrixRMaj z = new Reparameterize().forward(mu, logVar, s, new Rng(7));
        assertEquals(s, z.numRows);
        for (int j = 0; j < 2; j++) {
            double m = 0;
            double m2 = 0;
            for (int i = 0; i < s; i++) {
                m += z.get(i, j);
                m2 += (double) z.get(i, j) * z.get(i, j);
            }
            m /= s;
            double var = m2 / s - m * m;
            double sigma2 = Math.exp(logVar.get(0, j));
            assertEquals(mu.get(0, j), m, 5 * Math.sqrt(sigma2 / s), "mean of dimension " + j);
            assertEquals(sigma2, var, 5 * sigma2 * Math.sqrt(2.0 / s), "variance of dimension " + j);
        }
    }

    @Test
    void sameGeneratorStateGivesTheSameNoise() {
        FMatrixRMaj mu = new FMatrixRMaj(3, 5);
        FMatrixRMaj logVar = new FMatrixRMaj(3, 5);
        Rng a = new Rng(11);
        Rng b = Rng.fromState(a.state());
        FMatrixRMaj za = new Reparameterize().forward(mu, logVar, 2, a).copy();
        FMatrixRMaj zb = new Reparameterize().forward(mu, logVar, 2, b);
        assertArrayEquals(za.data, zb.data, 0f);
    }

    @Test
    void klGradientsMatchFiniteDifferences() {
        Rng rng = new Rng(4);
        Param mu = param("mu", TestMatrices.gaussian(6, 5, rng));
        Param logVar = param("logVar", TestMatrices.gaussian(6, 5, rng));
        GaussianKl kl = new GaussianKl();
        double beta = 2.5;
        GradCheck.Problem p = new GradCheck.Problem() {
            @Override
            public double loss() {
                return beta * kl.forward(mu.value, logVar.value);
            }

            @Override
            public FMatrixRMaj backward() {
                kl.backward(beta / 6, mu.grad, logVar.grad);
                return null;
            }
        };
        GradCheck.Report report = GradCheck.check(p, List.of(mu, logVar), null);
        assertTrue(report.maxRelError() < TOL, report.toString());
    }

    @Test
    void closedFormKlAgreesWithAMonteCarloEstimate() {
        // KL(q ‖ p) = E_q[log q(z) − log p(z)], estimated from 400,000 draws of q
        FMatrixRMaj mu = new FMatrixRMaj(new float[][] {{0.8f, -1.2f, 0f}});
        FMatrixRMaj logVar = new FMatrixRMaj(new float[][] {{-1f, 0.5f, -3f}});
        GaussianKl kl = new GaussianKl();
        double closed = kl.forward(mu, logVar);
        int s = 400_000;
        Reparameterize rep = new Reparameterize();
        FMatrixRMaj z = rep.forward(mu, logVar, s, new Rng(5));
        FMatrixRMaj eps = rep.epsilon();
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < s; i++) {
            double logRatio = 0;
            for (int j = 0; j < 3; j++) {
                double e = eps.get(i, j);
                double zj = z.get(i, j);
                // log N(z; μ, σ²) − log N(z; 0, 1) = −½(ε² + v) + ½ z²
                logRatio += -0.5 * (e * e + logVar.get(0, j)) + 0.5 * zj * zj;
            }
            sum += logRatio;
            sum2 += logRatio * logRatio;
        }
        double mean = sum / s;
        double se = Math.sqrt((sum2 / s - mean * mean) / s);
        assertEquals(closed, mean, 4 * se, "closed form " + closed + ", Monte Carlo " + mean + " ± " + se);
        double perDim = 0;
        for (double v : kl.perDimension()) perDim += v;
        assertEquals(closed, perDim, 1e-12, "the per-dimension terms add up to the KL");
        assertEquals(0.0, new GaussianKl().forward(new FMatrixRMaj(2, 4), new FMatrixRMaj(2, 4)), 0.0, "KL(p ‖ p) = 0");
    }

    @Test
    void gaussianPairsHaveUnitMomentsAndOddCountsAreFilled() {
        float[] a = new float[300_001];
        new Rng(6).nextGaussians(a, 0, a.length);
        double m = 0;
        double m2 = 0;
        double m4 = 0;
        for (float v : a) {
            m += v;
            m2 += v * v;
            m4 += (double) v * v * v * v;
        }
        int n = a.length;
        assertEquals(0, m / n, 0.01);
        assertEquals(1, m2 / n, 0.01);
        assertEquals(3, m4 / n, 0.05);
        assertTrue(a[n - 1] != 0f, "the last (odd) entry is filled");
    }

    @Test
    void logSumExpOverARangeIgnoresTheRest() {
        double[] a = {100, 1, 2, -5};
        assertEquals(LogSumExp.of(new double[] {1, 2}), LogSumExp.of(a, 1, 3), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, LogSumExp.of(a, 2, 2));
    }

    @Test
    void mlpNamesItsLayersAndChainsThem() {
        Sequential net = Mlp.of("enc.", 5, new int[] {4, 3}, "tanh", 2, new Rng(8));
        assertEquals(List.of("enc.hidden1.weight", "enc.hidden1.bias", "enc.hidden2.weight", "enc.hidden2.bias",
                "enc.output.weight", "enc.output.bias"), net.params().stream().map(p -> p.name).toList());
        assertEquals(5, Mlp.first(net).inputSize());
        assertEquals(2, Mlp.output(net).outputSize());
        FMatrixRMaj x = TestMatrices.gaussian(3, 5, new Rng(9));
        GradCheck.Report r = GradCheck.check(GradCheck.probe(net, x, new Rng(10)), net.params(), x);
        assertTrue(r.maxRelError() < TOL, r.toString());
    }
}
