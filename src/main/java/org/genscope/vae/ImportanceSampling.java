package org.genscope.vae;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.GaussianKl;
import org.genscope.nn.LogSumExp;
import org.genscope.nn.Rng;

/**
 * The importance-sampled log-likelihood of a VAE (Burda et al. 2016, eq. 8, with the encoder as the proposal):
 *
 * <pre>  log p(x) ≈ L_k = log (1/k) Σ_{i=1..k} w_i,   w_i = p(x | z_i) p(z_i) / q(z_i | x),   z_i = μ + σ ⊙ ε_i
 *  log p(z) − log q(z|x) = −½ Σ_j (z_j² − ε_j² − log σ_j²)       (the 2π terms cancel)</pre>
 *
 * computed with log-sum-exp. The N·k (example, sample) pairs run through the decoder in blocks of
 * {@value Vae#CHUNK} rows, examples in order and each example's k samples together, so k may be anything from 1 to
 * {@value #MAX_SAMPLES} and memory stays bounded; q's parameters and the closed-form KL come from one encoder pass.
 * The same draws give the reconstruction term (1/k) Σ_i log p(x|z_i).
 */
final class ImportanceSampling {
    /** At most this many samples per example. */
    static final int MAX_SAMPLES = 100_000;

    private ImportanceSampling() {}

    static Evaluation evaluate(Vae vae, FMatrixRMaj x, int k, Rng rng, Progress progress) {
        if (k < 1 || k > MAX_SAMPLES) throw new IllegalArgumentException("the number of importance samples k must be 1 to " + MAX_SAMPLES + ", got " + k);
        int n = x.numRows;
        int l = vae.latent();
        int d = vae.inputs();
        if (n == 0) throw new IllegalArgumentException("no examples to evaluate");
        // q(z|x): μ, log σ², σ and the closed-form KL of every example
        float[] mu = new float[n * l];
        float[] logVar = new float[n * l];
        double[] kl = new double[n];
        GaussianKl klOp = new GaussianKl();
        vae.encodeInChunks(x, (from, to, mean, v) -> {
            klOp.forward(mean, v);
            System.arraycopy(mean.data, 0, mu, from * l, (to - from) * l);
            System.arraycopy(v.data, 0, logVar, from * l, (to - from) * l);
            System.arraycopy(klOp.perExample(), 0, kl, from, to - from);
        });
        float[] sigma = new float[n * l];
        for (int i = 0; i < sigma.length; i++) sigma[i] = (float) Math.exp(0.5 * logVar[i]);

        Decoder decoder = vae.decoder();
        long total = (long) n * k;
        int block = (int) Math.min(Vae.CHUNK, total);
        FMatrixRMaj eps = new FMatrixRMaj(block, l);
        FMatrixRMaj z = new FMatrixRMaj(block, l);
        FMatrixRMaj target = new FMatrixRMaj(block, d);
        int[] targetOf = new int[block];
        Arrays.fill(targetOf, -1);
        double[] nll = new double[block];
        double[] logW = new double[k];
        double[] reconstruction = new double[n];
        double[] ll = new double[n];
        for (long pair = 0; pair < total; pair += block) {
            int rows = (int) Math.min(block, total - pair);
            eps.reshape(rows, l);
            z.reshape(rows, l);
            target.reshape(rows, d);
            rng.nextGaussians(eps.data, 0, rows * l);
            for (int r = 0; r < rows; r++) {
                int e = (int) ((pair + r) / k);
                // z = μ + σ ⊙ ε
                for (int j = 0; j < l; j++) z.data[r * l + j] = mu[e * l + j] + sigma[e * l + j] * eps.data[r * l + j];
                if (targetOf[r] != e) {
                    System.arraycopy(x.data, e * d, target.data, r * d, d);
                    targetOf[r] = e;
                }
            }
            decoder.negLogLikelihood(decoder.forward(z), target, nll);
            for (int r = 0; r < rows; r++) {
                long p = pair + r;
                int e = (int) (p / k);
                int i = (int) (p % k);
                double logRatio = 0;
                for (int j = 0; j < l; j++) {
                    double zj = z.data[r * l + j];
                    double ej = eps.data[r * l + j];
                    logRatio -= 0.5 * (zj * zj - ej * ej - logVar[e * l + j]);
                }
                // log w = log p(x|z) + log p(z) − log q(z|x)
                logW[i] = -nll[r] + logRatio;
                reconstruction[e] -= nll[r];
                if (i == k - 1) {
                    ll[e] = LogSumExp.of(logW, 0, k) - Math.log(k);
                    reconstruction[e] /= k;
                }
            }
            if (!progress.report(pair + rows, total)) {
                throw new CancellationException("evaluation cancelled after " + (pair + rows) + " of " + total + " samples");
            }
        }
        return new Evaluation(reconstruction, kl, ll, k);
    }
}
