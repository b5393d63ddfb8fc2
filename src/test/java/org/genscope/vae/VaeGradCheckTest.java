package org.genscope.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.GradCheck;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;

/**
 * The whole model's gradient — decoder, reparameterization, closed-form KL and encoder together — against centred
 * finite differences of the loss with the noise ε held fixed, for both decoders, several samples per data point,
 * β ≠ 1 and a β in the middle of its warm-up.
 */
class VaeGradCheckTest {
    private static final double TOL = 1e-2;

    private static GradCheck.Report check(VaeConfig c, FMatrixRMaj x, long step) {
        Vae vae = TinyVaes.trained(c, x, 5, 2);              // a few steps, so no parameter is at its initial value
        FMatrixRMaj eps = new FMatrixRMaj(c.samples() * x.numRows, c.latent());
        new Rng(9).nextGaussians(eps.data, 0, eps.getNumElements());
        double beta = c.betaAt(step);
        float[][] analytic = new float[vae.params().size()][];
        GradCheck.Problem p = new GradCheck.Problem() {
            @Override
            public double loss() {
                // the model computes loss and gradients together: keep the gradients of the first call (the analytic
                // ones GradCheck compares), put them back after every later call (the finite differences)
                double loss = vae.lossAndGradients(x, beta, eps);
                for (int i = 0; i < analytic.length; i++) {
                    float[] g = vae.params().get(i).grad.data;
                    if (analytic[i] == null) analytic[i] = g.clone();
                    else System.arraycopy(analytic[i], 0, g, 0, analytic[i].length);
                }
                return loss;
            }

            @Override
            public FMatrixRMaj backward() {
                return null;
            }
        };
        return GradCheck.check(p, vae.params(), null, 1e-2, 40, 3);
    }

    @Test
    void bernoulliVaeGradientsMatchFiniteDifferences() {
        VaeConfig c = TinyVaes.config(7, 6, 3, DecoderKind.BERNOULLI, 1).withSamples(2).withBeta(2.5, 0);
        GradCheck.Report r = check(c, TinyVaes.bits(5, 7, 8), 0);
        assertEquals(8, r.groups().size(), "every parameter of both networks is checked");
        assertTrue(r.maxRelError() < TOL, r.toString());
    }

    @Test
    void gaussianVaeGradientsMatchFiniteDifferencesDuringWarmUp() {
        VaeConfig c = TinyVaes.config(2, 5, 2, DecoderKind.GAUSSIAN, 2).withSamples(3).withBeta(1.5, 10);
        assertEquals(0.45, c.betaAt(3), 1e-12, "β·t/N three steps into a ten-step warm-up");
        GradCheck.Report r = check(c, TinyVaes.ring(6, 5), 3);
        assertTrue(r.maxRelError() < TOL, r.toString());
    }

    @Test
    void withoutKlTheLossIsTheReconstructionAndWithItTheirSum() {
        VaeConfig c = TinyVaes.config(7, 6, 3, DecoderKind.BERNOULLI, 3);
        Vae vae = new Vae(c);
        FMatrixRMaj x = TinyVaes.bits(4, 7, 6);
        FMatrixRMaj eps = new FMatrixRMaj(4, 3);
        new Rng(1).nextGaussians(eps.data, 0, 12);
        assertEquals(vae.lastReconstruction(), Double.NaN);
        double noKl = vae.lossAndGradients(x, 0, eps);
        assertEquals(vae.lastReconstruction(), noKl, 1e-12);
        double full = vae.lossAndGradients(x, 1, eps);
        assertEquals(vae.lastReconstruction() + vae.lastKl(), full, 1e-9);
        assertTrue(vae.lastKl() > 0);
    }
}
