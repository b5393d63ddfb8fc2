package org.genscope.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Grid2D;
import org.genscope.nn.LogSumExp;
import org.genscope.nn.Mat;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;

/**
 * The importance-sampled log-likelihood against the exact one: with one latent variable, p(x) = ∫ p(x|z) N(z; 0, 1) dz
 * is a one-dimensional integral that a fine grid computes to ~1e-9, so the estimator, the bound and their order
 * (ELBO ≤ L_k ≤ log p(x), L_k growing with k) can be checked as mathematics.
 */
class ImportanceSamplingTest {
    /** log ∫ p(x|z) φ(z) dz by a Riemann sum over z ∈ [−12, 12] with step 10⁻³ (the integrand is smooth and its tails vanish). */
    private static double exactLogLikelihood(Vae vae, FMatrixRMaj x, int row) {
        int m = 24_001;
        double dz = 24.0 / (m - 1);
        FMatrixRMaj z = new FMatrixRMaj(m, 1);
        FMatrixRMaj xs = new FMatrixRMaj(m, x.numCols);
        for (int i = 0; i < m; i++) {
            z.data[i] = (float) (-12 + i * dz);
            System.arraycopy(x.data, row * x.numCols, xs.data, i * x.numCols, x.numCols);
        }
        double[] terms = vae.logLikelihoodGiven(xs, z);
        for (int i = 0; i < m; i++) {
            double zi = z.data[i];
            terms[i] += -0.5 * Math.log(2 * Math.PI) - 0.5 * zi * zi + Math.log(dz);
        }
        return LogSumExp.of(terms);
    }

    private static Vae oneLatentModel() {
        VaeConfig c = TinyVaes.config(6, 8, 1, DecoderKind.BERNOULLI, 4);
        return TinyVaes.trained(c, TinyVaes.bits(64, 6, 1), 300, 2);
    }

    @Test
    void estimateAgreesWithNumericalIntegrationAndIsBracketedByTheBound() {
        Vae vae = oneLatentModel();
        FMatrixRMaj x = Mat.rows(TinyVaes.bits(64, 6, 1), 0, 4);
        int repeats = 8;
        double[][] ll = new double[repeats][];
        double[] elbo = new double[x.numRows];
        for (int r = 0; r < repeats; r++) {
            Evaluation e = vae.evaluate(x, 5000, new Rng(r), Progress.NONE);
            ll[r] = e.logLikelihood();
            double[] b = e.elbo();
            for (int n = 0; n < b.length; n++) elbo[n] += b[n] / repeats;
        }
        for (int n = 0; n < x.numRows; n++) {
            double exact = exactLogLikelihood(vae, x, n);
            double mean = 0;
            double sq = 0;
            for (double[] run : ll) mean += run[n] / repeats;
            for (double[] run : ll) sq += (run[n] - mean) * (run[n] - mean);
            double se = Math.sqrt(sq / (repeats - 1) / repeats);          // of the mean of the repeats
            String what = String.format("example %d: ELBO %.5f, L_5000 %.5f ± %.5f, log p(x) %.5f", n, elbo[n], mean, se, exact);
            assertEquals(exact, mean, 4 * se + 1e-3, what);
            assertTrue(elbo[n] < mean, "ELBO ≤ L_k: " + what);
            assertTrue(mean < exact + 4 * se, "L_k ≤ log p(x) within its error: " + what);
            assertTrue(elbo[n] < exact, "the ELBO is a lower bound: " + what);
        }
    }

    @Test
    void boundGrowsWithTheNumberOfSamplesOnAverage() {
        Vae vae = oneLatentModel();
        FMatrixRMaj x = TinyVaes.bits(2000, 6, 7);
        double previous = Double.NEGATIVE_INFINITY;
        for (int k : new int[] {1, 3, 10, 100}) {
            double mean = vae.evaluate(x, k, new Rng(k), Progress.NONE).meanLogLikelihood();
            assertTrue(mean > previous, "L_" + k + " = " + mean + " should exceed the bound with fewer samples, " + previous);
            previous = mean;
        }
    }

    @Test
    void oneSampleGivesTheElboAndTheKlMatchesItsMonteCarloEstimate() {
        // with k = 1, log w − log p(x|z) = log p(z) − log q(z|x), whose mean over q is −KL
        Vae vae = oneLatentModel();
        int n = 100_000;
        FMatrixRMaj x = new FMatrixRMaj(n, 6);
        FMatrixRMaj one = Mat.rows(TinyVaes.bits(64, 6, 1), 5, 6);
        for (int i = 0; i < n; i++) System.arraycopy(one.data, 0, x.data, i * 6, 6);
        Evaluation e = vae.evaluate(x, 1, new Rng(8), Progress.NONE);
        double[] ll = e.logLikelihood();
        double[] rec = e.reconstruction();
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < n; i++) {
            double d = rec[i] - ll[i];
            sum += d;
            sum2 += d * d;
        }
        double mean = sum / n;
        double se = Math.sqrt((sum2 / n - mean * mean) / n);
        assertEquals(e.kl()[0], mean, 4 * se + 1e-6, "closed-form KL vs E_q[log q − log p]");
        assertEquals(e.meanElbo(), e.meanLogLikelihood(), 4 * se + 1e-3, "L_1 is an unbiased estimate of the ELBO");
    }

    @Test
    void progressIsReportedAndCanCancel() {
        Vae vae = oneLatentModel();
        FMatrixRMaj x = TinyVaes.bits(30, 6, 2);
        AtomicLong last = new AtomicLong();
        vae.evaluate(x, 100, new Rng(1), (done, total) -> {
            assertEquals(3000, total);
            assertTrue(done > last.get());
            last.set(done);
            return true;
        });
        assertEquals(3000, last.get());
        assertThrows(CancellationException.class, () -> vae.evaluate(x, 100, new Rng(1), (done, total) -> done < 1000));
        assertThrows(IllegalArgumentException.class, () -> vae.evaluate(x, 0, new Rng(1), Progress.NONE));
    }

    @Test
    void theQuadratureDensityOfALowDimensionalLatentAgreesWithImportanceSamplingAndIsDeterministic() {
        for (int latent : new int[] {1, 2}) {
            Vae vae = TinyVaes.trained(TinyVaes.config(2, 16, latent, DecoderKind.GAUSSIAN, 6), TinyVaes.ring(256, 3), 200, 4);
            Grid2D grid = new Grid2D(-3, 3, -3, 3, 8, 8);
            long t0 = System.nanoTime();
            float[] q = vae.densityGrid(grid, 1, new Rng(1));
            double ms = (System.nanoTime() - t0) / 1e6;
            assertArrayEquals(q, vae.densityGrid(grid, 1, new Rng(2)), "no random numbers in the quadrature");
            double[] is = vae.evaluate(grid.centres(), 4000, new Rng(9), Progress.NONE).logLikelihood();
            for (int i = 0; i < q.length; i++) {
                if (Math.exp(is[i]) < 1e-3) continue;                         // far tails: both tiny
                assertEquals(is[i], Math.log(q[i]), 0.05, "L = " + latent + ", cell " + i + ": log p by quadrature vs IS (k = 4000)");
            }
            System.out.printf(java.util.Locale.ROOT, "quadrature density, L = %d: %d cells in %.1f ms%n", latent, q.length, ms);
        }
    }

    @Test
    void densityOfATwoDimensionalModelIntegratesToOne() {
        Vae vae = TinyVaes.trained(TinyVaes.config(2, 16, 2, DecoderKind.GAUSSIAN, 6), TinyVaes.ring(256, 3), 200, 4);
        Grid2D grid = new Grid2D(-8, 8, -8, 8, 100, 100);
        float[] p = vae.densityGrid(grid, 64, new Rng(5));
        double mass = 0;
        for (float v : p) mass += v * grid.cellArea();
        assertEquals(1.0, mass, 0.05, "∫ p(x) dx over the grid");
        assertThrows(IllegalStateException.class, () -> new Vae(TinyVaes.config(6, 4, 1, DecoderKind.BERNOULLI, 1)).densityGrid(grid, 4, new Rng(1)));
    }
}
