package org.genscope.vae;

import org.ejml.data.FMatrixRMaj;

/**
 * The approximate posterior q(z|x) = N(μ, diag σ²) of a batch, as {@link Vae#encode} returns it: row n of each
 * matrix belongs to example n (N×L). The matrices are the caller's.
 *
 * @param mean  μ(x), the codes a latent-space scatter shows
 * @param sigma σ(x) = e^{½ log σ²}, the posterior's standard deviations (the ellipses around the codes)
 */
public record Posterior(FMatrixRMaj mean, FMatrixRMaj sigma) {}
