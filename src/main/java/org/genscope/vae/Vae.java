package org.genscope.vae;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Grid2D;
import org.genscope.nn.GaussianKl;
import org.genscope.nn.LogSumExp;
import org.genscope.nn.Mat;
import org.genscope.nn.Param;
import org.genscope.nn.Reparameterize;
import org.genscope.nn.Rng;

/**
 * A variational autoencoder (Kingma &amp; Welling 2014): an {@link Encoder} q_φ(z|x), a standard normal prior p(z)
 * and a {@link Decoder} p_θ(x|z), trained by minimising the negative of the evidence lower bound with estimator B
 * (eq. 7, written out for Gaussians in eq. 10):
 *
 * <pre>  loss(x) = −(1/S) Σ_s log p_θ(x | z_s) + β · KL(q_φ(z|x) ‖ N(0, I)),   z_s = μ(x) + σ(x) ⊙ ε_s,   ε_s ~ N(0, I)</pre>
 *
 * which is −ELBO for β = 1 (eq. 3: log p(x) ≥ ELBO). The gradient flows through z to φ by the reparameterization
 * ({@code nn.Reparameterize}); the KL is in closed form ({@code nn.GaussianKl}, appendix B). Evaluation: the bound's
 * terms and the importance-sampled log-likelihood (Burda et al. 2016, eq. 8) in {@link #evaluate}; KL per latent
 * unit and active units in {@link #latentStatistics}. Pure math: no threads; not thread-safe (give each thread its
 * own {@link #copy()}).
 */
public final class Vae {
    /** Inference processes at most this many rows at a time. */
    static final int CHUNK = 1000;

    private final VaeConfig config;
    private final Encoder encoder;
    private final Decoder decoder;
    private final List<Param> params;
    private final Reparameterize reparameterize = new Reparameterize();
    private final GaussianKl kl = new GaussianKl();
    private FMatrixRMaj gradMean;
    private FMatrixRMaj gradLogVar;
    private FMatrixRMaj target;
    private double[] perRow = new double[0];
    private FMatrixRMaj oneCode;
    private FMatrixRMaj oneMean;
    private double lastReconstruction = Double.NaN;
    private double lastKl = Double.NaN;

    /** A new model with weights seeded by {@code config.seed()}. */
    public Vae(VaeConfig config) {
        this(config, new Rng(config.seed()));
    }

    /** A new model: the encoder's weights from one split of {@code rng}, the decoder's from another. */
    public Vae(VaeConfig config, Rng rng) {
        this.config = config;
        this.encoder = new Encoder(config, rng.split());
        this.decoder = new Decoder(config, rng.split());
        List<Param> all = new ArrayList<>(encoder.params());
        all.addAll(decoder.params());
        this.params = Collections.unmodifiableList(all);
    }

    /** An independent model with the same configuration and parameter values (for another thread, or a snapshot). */
    public Vae copy() {
        Vae c = new Vae(config, new Rng(0));
        for (int i = 0; i < params.size(); i++) {
            float[] from = params.get(i).value.data;
            System.arraycopy(from, 0, c.params.get(i).value.data, 0, params.get(i).size());
        }
        return c;
    }

    public VaeConfig config() {
        return config;
    }

    /** D. */
    public int inputs() {
        return config.inputs();
    }

    /** L. */
    public int latent() {
        return config.latent();
    }

    /** The encoder's parameters, then the decoder's. */
    public List<Param> params() {
        return params;
    }

    Decoder decoder() {
        return decoder;
    }

    // ---- training ----

    /**
     * The batch mean of −(1/S) Σ_s log p(x|z_s) + β·KL for x (B×D), drawing ε ((S·B)×L, S = {@code config.samples()})
     * from {@code rng} — the training batch's generator, so a resumed job repeats it; accumulates the gradients.
     */
    public double lossAndGradients(FMatrixRMaj x, double beta, Rng rng) {
        checkColumns(x);
        encoder.forward(x);
        FMatrixRMaj z = reparameterize.forward(encoder.mean(), encoder.logVar(), config.samples(), rng);
        return finish(x, beta, z);
    }

    /** The same with a given ε of (S·B)×L (fixed noise, e.g. for a gradient check). */
    public double lossAndGradients(FMatrixRMaj x, double beta, FMatrixRMaj epsilon) {
        checkColumns(x);
        encoder.forward(x);
        FMatrixRMaj z = reparameterize.forward(encoder.mean(), encoder.logVar(), epsilon);
        return finish(x, beta, z);
    }

    private double finish(FMatrixRMaj x, double beta, FMatrixRMaj z) {
        if (!(beta >= 0 && Double.isFinite(beta))) throw new IllegalArgumentException("β must be finite and ≥ 0, got " + beta);
        int b = x.numRows;
        int s = z.numRows / b;
        FMatrixRMaj targets = s == 1 ? x : repeated(x, s);
        if (perRow.length < z.numRows) perRow = new double[z.numRows];
        // −(1/S) Σ_s log p(x | z_s), averaged over the batch: the mean over all S·B rows
        FMatrixRMaj theta = decoder.forward(z);
        double reconstruction = decoder.negLogLikelihood(theta, targets, perRow);
        // KL(q(z|x) ‖ N(0, I)) in closed form, batch mean
        double divergence = kl.forward(encoder.mean(), encoder.logVar());
        FMatrixRMaj dz = decoder.backward(decoder.gradient());
        gradMean = Mat.reuse(gradMean, b, config.latent());
        gradLogVar = Mat.reuse(gradLogVar, b, config.latent());
        gradMean.zero();
        gradLogVar.zero();
        // ∂/∂(μ, v) through z = μ + σ ⊙ ε, plus β/B · ∂KL/∂(μ, v)
        reparameterize.backward(dz, gradMean, gradLogVar);
        kl.backward(beta / b, gradMean, gradLogVar);
        encoder.backward(gradMean, gradLogVar);
        lastReconstruction = reconstruction;
        lastKl = divergence;
        return reconstruction + beta * divergence;
    }

    /** x stacked S times ((S·B)×D), in the row order of the reparameterization's samples. */
    private FMatrixRMaj repeated(FMatrixRMaj x, int s) {
        target = Mat.reuse(target, s * x.numRows, x.numCols);
        int n = x.getNumElements();
        for (int k = 0; k < s; k++) System.arraycopy(x.data, 0, target.data, k * n, n);
        return target;
    }

    /** −(1/S) Σ_s log p(x|z_s) of the last training batch, batch mean (nats): the reconstruction term. */
    public double lastReconstruction() {
        return lastReconstruction;
    }

    /** KL(q(z|x) ‖ p(z)) of the last training batch, batch mean (nats). */
    public double lastKl() {
        return lastKl;
    }

    // ---- inference ----

    /** The approximate posterior of every row of x: μ(x) and σ(x) (new N×L matrices). */
    public Posterior encode(FMatrixRMaj x) {
        checkColumns(x);
        int l = config.latent();
        FMatrixRMaj mean = new FMatrixRMaj(x.numRows, l);
        FMatrixRMaj sigma = new FMatrixRMaj(x.numRows, l);
        encodeInChunks(x, (from, to, mu, logVar) -> {
            System.arraycopy(mu.data, 0, mean.data, from * l, (to - from) * l);
            for (int i = 0; i < (to - from) * l; i++) sigma.data[from * l + i] = (float) Math.exp(0.5 * logVar.data[i]);
        });
        return new Posterior(mean, sigma);
    }

    /** What {@link #encodeInChunks} hands over: rows [from, to) of the data and q's parameters for them (reused buffers). */
    interface EncodedChunk {
        void accept(int from, int to, FMatrixRMaj mean, FMatrixRMaj logVar);
    }

    /** Runs the encoder over x, {@value #CHUNK} rows at a time, handing each chunk's μ and log σ² to {@code chunk}. */
    void encodeInChunks(FMatrixRMaj x, EncodedChunk chunk) {
        for (int from = 0; from < x.numRows; from += CHUNK) {
            int to = Math.min(x.numRows, from + CHUNK);
            encoder.forward(Mat.rows(x, from, to));
            chunk.accept(from, to, encoder.mean(), encoder.logVar());
        }
    }

    /** E[x | z] for every row of z (N×L): Bernoulli probabilities or Gaussian means (a new N×D matrix). */
    public FMatrixRMaj decode(FMatrixRMaj z) {
        checkCodes(z);
        FMatrixRMaj out = new FMatrixRMaj(z.numRows, inputs());
        FMatrixRMaj part = new FMatrixRMaj(1, inputs());
        for (int from = 0; from < z.numRows; from += CHUNK) {
            int to = Math.min(z.numRows, from + CHUNK);
            part.reshape(to - from, inputs());
            decoder.mean(decoder.forward(Mat.rows(z, from, to)), part);
            System.arraycopy(part.data, 0, out.data, from * inputs(), part.getNumElements());
        }
        return out;
    }

    /** E[x | z] of one code (length L) into {@code out} (length D), without allocating: for live decoding. */
    public void decode(float[] z, float[] out) {
        if (z.length != latent() || out.length != inputs()) {
            throw new IllegalArgumentException("decode needs a code of " + latent() + " values and room for " + inputs()
                    + ", got " + z.length + " and " + out.length);
        }
        if (oneCode == null) {
            oneCode = new FMatrixRMaj(1, latent());
            oneMean = new FMatrixRMaj(1, inputs());
        }
        System.arraycopy(z, 0, oneCode.data, 0, z.length);
        decoder.mean(decoder.forward(oneCode), oneMean);
        System.arraycopy(oneMean.data, 0, out, 0, out.length);
    }

    /** E[x | z = μ(x)] for every row of x: the reconstruction at the posterior mean (a new N×D matrix). */
    public FMatrixRMaj reconstruct(FMatrixRMaj x) {
        return decode(encode(x).mean());
    }

    /** n codes from the prior, z ~ N(0, I) (n×L). */
    public FMatrixRMaj samplePrior(int n, Rng rng) {
        if (n < 1) throw new IllegalArgumentException("need at least 1 sample, got " + n);
        FMatrixRMaj z = new FMatrixRMaj(n, latent());
        rng.nextGaussians(z.data, 0, z.getNumElements());
        return z;
    }

    /** n samples of the model, z ~ N(0, I) then x ~ p(x|z) (binary draws or Gaussian draws; n×D). */
    public FMatrixRMaj sample(int n, Rng rng) {
        FMatrixRMaj z = samplePrior(n, rng);
        FMatrixRMaj x = new FMatrixRMaj(n, inputs());
        FMatrixRMaj part = new FMatrixRMaj(1, inputs());
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            part.reshape(to - from, inputs());
            decoder.sample(decoder.forward(Mat.rows(z, from, to)), rng, part);
            System.arraycopy(part.data, 0, x.data, from * inputs(), part.getNumElements());
        }
        return x;
    }

    /** log p(x_n | z_n) in nats for paired rows of x (N×D) and z (N×L). */
    public double[] logLikelihoodGiven(FMatrixRMaj x, FMatrixRMaj z) {
        checkColumns(x);
        checkCodes(z);
        if (x.numRows != z.numRows) throw new IllegalArgumentException(x.numRows + " data rows but " + z.numRows + " codes");
        double[] ll = new double[x.numRows];
        double[] rows = new double[Math.min(CHUNK, x.numRows)];
        for (int from = 0; from < x.numRows; from += CHUNK) {
            int to = Math.min(x.numRows, from + CHUNK);
            decoder.negLogLikelihood(decoder.forward(Mat.rows(z, from, to)), Mat.rows(x, from, to), rows);
            for (int i = from; i < to; i++) ll[i] = -rows[i - from];
        }
        return ll;
    }

    /**
     * The bound's terms and the importance-sampled log-likelihood of every row of x with k samples each (see
     * {@link ImportanceSampling}); {@code progress} may cancel.
     */
    public Evaluation evaluate(FMatrixRMaj x, int k, Rng rng, Progress progress) {
        checkColumns(x);
        return ImportanceSampling.evaluate(this, x, k, rng, progress);
    }

    /** KL per latent unit and the active units of the posterior means over the rows of x (Burda et al. 2016, §5.2). */
    public LatentStatistics latentStatistics(FMatrixRMaj x) {
        checkColumns(x);
        return LatentStatistics.of(this, x);
    }

    /** Points per latent axis of {@link #densityGrid}'s quadrature (L ≤ 2), and the half-width of its box in z. */
    static final int QUADRATURE = 48;
    static final double QUADRATURE_BOX = 4.5;

    /**
     * The model's density p(x) for 2-D continuous data at the centres of a grid ({@link Grid2D} order). For a latent
     * space of 1 or 2 dimensions by quadrature, p(x) = Σ_j w_j N(x; μ(z_j), diag σ²(z_j)) over a regular grid of
     * z_j in [−4.5, 4.5]^L with weights w_j ∝ N(z_j; 0, I) summing to 1: deterministic and smooth, where an
     * importance-sampled estimate with few samples per cell is speckled. Otherwise importance sampling with k samples.
     */
    public float[] densityGrid(Grid2D grid, int k, Rng rng) {
        if (inputs() != 2 || config.decoder() != DecoderKind.GAUSSIAN) {
            throw new IllegalStateException("a density grid needs a VAE of 2-D points with a Gaussian decoder");
        }
        if (latent() <= 2) return quadrature(grid.centres());
        double[] ll = evaluate(grid.centres(), k, rng, Progress.NONE).logLikelihood();
        float[] p = new float[ll.length];
        for (int i = 0; i < p.length; i++) p[i] = (float) Math.exp(ll[i]);
        return p;
    }

    /** p(x) of each row of x (N×2) by the quadrature of {@link #densityGrid}. */
    private float[] quadrature(FMatrixRMaj x) {
        int l = latent();
        int q = l == 1 ? QUADRATURE * QUADRATURE : QUADRATURE;
        int m = l == 1 ? q : q * q;
        FMatrixRMaj z = new FMatrixRMaj(m, l);
        double step = 2 * QUADRATURE_BOX / q;
        double[] logW = new double[m];
        for (int j = 0; j < m; j++) {
            double sq = 0;
            for (int a = 0; a < l; a++) {
                int idx = a == 0 ? j % q : j / q;
                double v = -QUADRATURE_BOX + (idx + 0.5) * step;
                z.data[j * l + a] = (float) v;
                sq += v * v;
            }
            logW[j] = -0.5 * sq;
        }
        double norm = LogSumExp.of(logW, 0, m);
        // per component: log w_j − ½ Σ_d (log 2π + v_jd), the means μ_jd and precisions e^{−v_jd}
        double[] a0 = new double[m];
        double[] mu = new double[2 * m];
        double[] prec = new double[2 * m];
        for (int from = 0; from < m; from += CHUNK) {
            int to = Math.min(m, from + CHUNK);
            FMatrixRMaj theta = decoder.forward(Mat.rows(z, from, to));       // [μ1 μ2 | v1 v2] per row
            for (int j = from; j < to; j++) {
                int r = (j - from) * theta.numCols;
                double v1 = theta.data[r + 2];
                double v2 = theta.data[r + 3];
                mu[2 * j] = theta.data[r];
                mu[2 * j + 1] = theta.data[r + 1];
                prec[2 * j] = Math.exp(-v1);
                prec[2 * j + 1] = Math.exp(-v2);
                a0[j] = logW[j] - norm - 0.5 * (2 * Math.log(2 * Math.PI) + v1 + v2);
            }
        }
        float[] p = new float[x.numRows];
        double[] terms = new double[m];
        for (int i = 0; i < x.numRows; i++) {
            double x1 = x.data[2 * i];
            double x2 = x.data[2 * i + 1];
            for (int j = 0; j < m; j++) {
                double d1 = x1 - mu[2 * j];
                double d2 = x2 - mu[2 * j + 1];
                terms[j] = a0[j] - 0.5 * (d1 * d1 * prec[2 * j] + d2 * d2 * prec[2 * j + 1]);
            }
            p[i] = (float) Math.exp(LogSumExp.of(terms, 0, m));
        }
        return p;
    }

    private void checkColumns(FMatrixRMaj x) {
        if (x.numCols != inputs()) throw new IllegalArgumentException("the data have " + x.numCols + " columns; this VAE models " + inputs());
    }

    private void checkCodes(FMatrixRMaj z) {
        if (z.numCols != latent()) throw new IllegalArgumentException("the codes have " + z.numCols + " values; this VAE's latent size is " + latent());
    }
}
