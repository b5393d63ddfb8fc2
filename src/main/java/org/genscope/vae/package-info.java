/**
 * Variational autoencoders: Kingma &amp; Welling, "Auto-Encoding Variational Bayes", ICLR 2014, evaluated as in Burda,
 * Grosse &amp; Salakhutdinov, "Importance Weighted Autoencoders", ICLR 2016.
 *
 * <p>The model: a prior p(z) = N(0, I) over L latent variables, a decoder p_θ(x|z) (Bernoulli logits for binary
 * data, a diagonal Gaussian for continuous data) and an encoder q_φ(z|x) = N(μ(x), diag σ²(x)) that approximates
 * the posterior. For every x (Kingma &amp; Welling, eq. 2-3)
 *
 * <pre>  log p_θ(x) = KL(q_φ(z|x) ‖ p_θ(z|x)) + ELBO(x)  ≥  ELBO(x)
 *  ELBO(x) = E_q[log p_θ(x, z) − log q_φ(z|x)] = E_q[log p_θ(x|z)] − KL(q_φ(z|x) ‖ p(z))        (eq. 3)</pre>
 *
 * so the ELBO is a lower bound, tight exactly when q equals the true posterior. Training maximises it with the
 * reparameterization z = μ + σ ⊙ ε, ε ~ N(0, I) (§2.4), the KL in closed form (appendix B) and S samples of z
 * (estimator B, eq. 7; for Gaussians eq. 10):
 *
 * <pre>  ELBO(x) ≈ −½ Σ_j (μ_j² + σ_j² − 1 − log σ_j²) + (1/S) Σ_s log p_θ(x | μ + σ ⊙ ε_s)          (eq. 10)</pre>
 *
 * and the loss is its negative with the KL weighted by β (β = 1: the ELBO; β &gt; 1 trades reconstruction for a
 * latent code closer to the prior, and large β collapses it; a KL warm-up raises β from 0 over the first steps).
 * The log-likelihood itself is estimated by importance sampling with q as the proposal (Burda et al., eq. 8):
 *
 * <pre>  log p(x) ≈ L_k = log (1/k) Σ_{i=1..k} p(x, z_i) / q(z_i|x),   z_i ~ q(z|x),   ELBO = L_1 ≤ L_k ≤ L_{k+1} ≤ log p(x)</pre>
 *
 * (in expectation, Theorem 1), with k = 5000 for the figures papers report.
 *
 * <ul>
 *   <li>{@link org.genscope.vae.VaeConfig}: sizes, activations, latent size, decoder, samples, β and warm-up, seed;
 *       {@link org.genscope.vae.DecoderKind}: Bernoulli or Gaussian p(x|z).</li>
 *   <li>{@link org.genscope.vae.Vae}: the loss and its gradients, encode, decode (also one code at a time), sample,
 *       {@link org.genscope.vae.Vae#evaluate} ({@link org.genscope.vae.Evaluation}: reconstruction, KL, ELBO and
 *       L_k per example, from {@link org.genscope.vae.ImportanceSampling}), KL per latent unit and active units
 *       ({@link org.genscope.vae.LatentStatistics}), the density of a 2-D model on a grid;
 *       {@link org.genscope.vae.LatentGrid}: the codes of a decoded manifold grid (Kingma &amp; Welling, figure 4).</li>
 *   <li>{@link org.genscope.vae.VaeTrainable}: a VAE on a dataset for the training service, publishing
 *       {@link org.genscope.vae.VaePayload}s; {@link org.genscope.vae.VaeFile}: model files of kind {@code vae}.</li>
 * </ul>
 *
 * <pre>{@code
 * Vae vae = new Vae(VaeConfig.defaults(784));                   // 784-200-200-(50)-200-200-784, tanh, Bernoulli
 * VaeTrainable task = new VaeTrainable(vae, splits.train(), splits.validation());
 * TrainingJob<VaePayload> job = new TrainingJob<>(task, new Adam(vae.params(), 1e-3),
 *         TrainConfig.builder().epochs(100).build(), TaskExecutor.currentThread());
 * job.start();
 * Evaluation e = vae.evaluate(splits.test().x(), 5000, new Rng(1), Progress.NONE);
 * double logLikelihood = e.meanLogLikelihood();                 // nats per example
 * }</pre>
 */
package org.genscope.vae;
