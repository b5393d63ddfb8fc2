package org.genscope.vae;

import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Dataset;
import org.genscope.nn.Adam;
import org.genscope.nn.Rng;

/** Small VAEs and data for the vae tests. */
final class TinyVaes {
    private TinyVaes() {}

    /** D-dimensional, encoder and decoder one hidden layer of h tanh units. */
    static VaeConfig config(int d, int h, int latent, DecoderKind kind, long seed) {
        return new VaeConfig(d, new int[] {h}, "tanh", latent, new int[] {h}, "tanh", kind, 1, 1, 0, seed);
    }

    /** n binary rows of d bits from two noisy prototypes (something with structure to learn). */
    static FMatrixRMaj bits(int n, int d, long seed) {
        Rng rng = new Rng(seed);
        FMatrixRMaj x = new FMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            int proto = rng.nextInt(2);
            for (int j = 0; j < d; j++) {
                boolean on = (j % 2 == proto) ^ (rng.nextDouble() < 0.1);
                x.data[i * d + j] = on ? 1f : 0f;
            }
        }
        return x;
    }

    /** n 2-D points on a noisy ring of radius 2. */
    static FMatrixRMaj ring(int n, long seed) {
        Rng rng = new Rng(seed);
        FMatrixRMaj x = new FMatrixRMaj(n, 2);
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * rng.nextDouble();
            double r = 2 + 0.2 * rng.nextGaussian();
            x.data[2 * i] = (float) (r * Math.cos(a));
            x.data[2 * i + 1] = (float) (r * Math.sin(a));
        }
        return x;
    }

    static Dataset dataset(FMatrixRMaj x, String name) {
        return new Dataset(name, "test", x, null, 0, 0);
    }

    /** A few Adam steps on full batches, so the model is not at its initial values. */
    static Vae trained(VaeConfig c, FMatrixRMaj x, int steps, long seed) {
        Vae vae = new Vae(c);
        Adam adam = new Adam(vae.params(), 0.01);
        Rng rng = new Rng(seed);
        for (int t = 0; t < steps; t++) {
            vae.lossAndGradients(x, c.betaAt(t), rng);
            adam.step();
        }
        return vae;
    }
}
