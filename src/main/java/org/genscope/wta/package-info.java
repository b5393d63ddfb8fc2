/**
 * Winner-take-all autoencoders (Makhzani &amp; Frey, "Winner-Take-All Autoencoders", NIPS 2015).
 *
 * <ul>
 *   <li>{@link org.genscope.wta.WtaConfig}: one model before training (kind, sizes, k%, spatial on/off, seed),
 *       validated; {@link org.genscope.wta.WtaPreset}: the paper's models and its demonstrations.</li>
 *   <li>{@link org.genscope.wta.WtaAutoencoder}: the shared pipeline, ReLU encoder → winner-take-all rules (during
 *       training) → linear decoder → squared error; {@link org.genscope.wta.FcWtaAutoencoder} (§2, lifetime
 *       sparsity) and {@link org.genscope.wta.ConvWtaAutoencoder} (§3, spatial + lifetime sparsity). The rules
 *       themselves are {@code nn.LifetimeSparsity} and {@code nn.SpatialSparsity}.</li>
 *   <li>{@link org.genscope.wta.LinearProbe}: the paper's measure of a representation, a linear (softmax)
 *       classifier on the features, with {@link org.genscope.wta.ProbeResult} (test error, confusion matrix).</li>
 *   <li>{@link org.genscope.wta.WtaTrainable}: a model on a dataset for the training service, with
 *       {@link org.genscope.wta.WtaPayload} for the UI; {@link org.genscope.wta.WtaFile}: model files.</li>
 * </ul>
 *
 * <pre>{@code
 * WtaAutoencoder ae = WtaAutoencoder.create(WtaPreset.FC_5.config);          // 784-2000-784, k = 5%
 * WtaTrainable task = new WtaTrainable(ae, train, validation);               // images in [0, 1]
 * TrainingJob<WtaPayload> job = new TrainingJob<>(task, new Adam(ae.params(), 1e-3),
 *         TrainConfig.builder().epochs(50).batchSize(100).build(), TaskExecutor.currentThread());
 * job.start();
 * ProbeResult r = LinearProbe.fit(ae.features(labelled.x()), labelled.labels(), ae.features(test.x()),
 *         test.labels(), 10, LinearProbe.Settings.defaults(), LinearProbe.Progress.NONE);
 * }</pre>
 */
package org.genscope.wta;
