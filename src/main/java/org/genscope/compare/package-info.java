/**
 * One leaderboard: the figures that compare models of different families, computed in one place for the Compare
 * view and for {@code genscope eval}, so the table can be rebuilt from model files.
 *
 * <ul>
 *   <li>{@link org.genscope.compare.Candidate}: a model of any family (MADE, flow, VAE, WTA), as an independent copy.</li>
 *   <li>{@link org.genscope.compare.TestSet}: the data every model of a group is measured on, and its identity: the
 *       shipped binarized MNIST test set, a 2-D toy's fixed test sample (drawn with its own seed, so no training run
 *       saw these points), or a run's own test split.</li>
 *   <li>{@link org.genscope.compare.Evaluator}: the figures. Test NLL in nats, −(1/N) Σ_n log p(x_n), measured
 *       <pre>
 *   MADE  exact:   log p(x) = Σ_d log p(x_d | x_&lt;d) under mask 0, and for K &gt; 1 masks the ensemble
 *                  log (1/K Σ_k p_k(x))                                         (Germain et al. 2015, §3.3)
 *   flow  exact:   log p(x) = log p_Z(f(x)) + log |det ∂f/∂x|                   (Dinh et al. 2017, eq. 3)
 *   VAE   bound:   log p(x) ≈ L_k = log (1/k) Σ_i p(x, z_i) / q(z_i|x), z_i ~ q(z|x)   (Burda et al. 2016, eq. 8)
 *   WTA   no density: mean squared reconstruction error per pixel, and a linear classifier's test error
 *                  on its features                                              (Makhzani &amp; Frey 2015)</pre></li>
 *   <li>{@link org.genscope.compare.ProbeSelection}: that classifier, its weight decay chosen on held-out labels.</li>
 *   <li>{@link org.genscope.compare.References}: the papers' figures and the true entropy, as reference rows.</li>
 * </ul>
 */
package org.genscope.compare;
