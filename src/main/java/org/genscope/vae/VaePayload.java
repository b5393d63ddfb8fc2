package org.genscope.vae;

import org.genscope.data.Grid2D;
import org.genscope.train.Curve;

/**
 * What the app shows of a training VAE, built on the training thread from copies (arrays are copied in and out).
 * The job's own loss curves are the objective −ELBO (β-weighted while β ≠ 1); these curves split it into its terms.
 *
 * @param step            optimizer steps completed when it was built
 * @param model           a private deep copy of the model at that step, for views that encode and decode (latent
 *                        scatter, live decoding, evaluation); the training thread never touches it again. Not
 *                        thread-safe: use it from one thread at a time, or {@link Vae#copy()} it per thread.
 * @param originals       {@code shown} fixed validation examples (shown×D, row-major), the same every payload
 * @param reconstructions E[x | z = μ(x)] of each original (shown×D)
 * @param shown           number of originals
 * @param samples         {@code sampleCount} rows (×D): for images the decoder means E[x|z] of fixed prior codes z
 *                        ~ N(0, I), the same codes every payload; for other data draws x ~ p(x) of the model
 * @param sampleCount     number of samples
 * @param dimension       D
 * @param imageRows       image height when the data are images (rows·cols = D), else 0
 * @param imageCols       image width, else 0
 * @param reconstructionTrain      −(1/S) Σ log p(x|z_s) of each training batch (nats), thinned as the job's curves
 * @param klTrain                  KL(q(z|x) ‖ p(z)) of each training batch (nats)
 * @param reconstructionValidation −E_q[log p(x|z)] on the validation head at each validation (one sample per example)
 * @param klValidation             KL on the validation head at each validation
 * @param latent          KL per latent unit and activity A_j on the validation head at the latest validation, or null
 *                        before the first
 * @param beta            the KL weight of the latest training step (β·min(1, t/warm-up))
 * @param density         for 2-D continuous data: p(x) by importance sampling at the centres of {@code grid}, else null
 * @param grid            that grid (by default 64×64 over the training data, 10% margin), else null
 */
public record VaePayload(long step, Vae model, float[] originals, float[] reconstructions, int shown, float[] samples,
                         int sampleCount, int dimension, int imageRows, int imageCols, Curve reconstructionTrain,
                         Curve klTrain, Curve reconstructionValidation, Curve klValidation, LatentStatistics latent,
                         double beta, float[] density, Grid2D grid) {
    public VaePayload {
        originals = originals.clone();
        reconstructions = reconstructions.clone();
        samples = samples.clone();
        density = density == null ? null : density.clone();
    }

    @Override
    public float[] originals() {
        return originals.clone();
    }

    @Override
    public float[] reconstructions() {
        return reconstructions.clone();
    }

    @Override
    public float[] samples() {
        return samples.clone();
    }

    @Override
    public float[] density() {
        return density == null ? null : density.clone();
    }

    /** Whether the data are images (then originals, reconstructions and samples are imageRows×imageCols each). */
    public boolean images() {
        return imageRows > 0;
    }
}
