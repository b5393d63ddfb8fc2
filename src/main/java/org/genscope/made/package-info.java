/**
 * MADE: Masked Autoencoder for Distribution Estimation (Germain, Gregor, Murray &amp; Larochelle, ICML 2015).
 *
 * <ul>
 *   <li>{@link org.genscope.made.Connectivity}: one mask as its connectivity integers (ordering m⁰ and hidden
 *       degrees), the masks of eq. 12/13 and the strict direct mask, dead-unit flags, paths for hover views.</li>
 *   <li>{@link org.genscope.made.MadeNet}: the masked network with P outputs per dimension, the reusable
 *       autoregressive block (MADE's conditionals here, MAF/IAF's shift and log-scale later).</li>
 *   <li>{@link org.genscope.made.ConditionalFamily}: Bernoulli ({@link org.genscope.made.BernoulliFamily}) and
 *       Gaussian / mixture of Gaussians ({@link org.genscope.made.GaussianMixtureFamily}) conditionals.</li>
 *   <li>{@link org.genscope.made.Made}: the model (exact NLL, ensembles over masks, ancestral sampling, the
 *       dependency pattern measured from the network); {@link org.genscope.made.MadeConfig} describes one.</li>
 *   <li>{@link org.genscope.made.MadeTrainable}: a MADE on a dataset for the training service;
 *       {@link org.genscope.made.MadeFile}: model files.</li>
 * </ul>
 *
 * <pre>{@code
 * Made made = new Made(MadeConfig.defaults(784).withMasks(32, false));
 * MadeTrainable task = new MadeTrainable(made, splits.train(), splits.validation(), 8);
 * TrainingJob<MadePayload> job = new TrainingJob<>(task, new Adam(made.params(), 5e-4),
 *         TrainConfig.builder().epochs(100).build(), TaskExecutor.currentThread());
 * job.start();
 * double nll = made.ensembleNll(splits.test().x(), 32);      // nats per example
 * }</pre>
 */
package org.genscope.made;
