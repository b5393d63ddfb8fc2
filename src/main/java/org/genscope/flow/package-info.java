/**
 * Normalizing flows: the change of variables log p(x) = log p_Z(f(x)) + log|det ∂f/∂x|, made visible. Modelled on
 * karpathy/pytorch-normalizing-flows ({@code nflib/flows.py}).
 *
 * <ul>
 *   <li>{@link org.genscope.flow.FlowLayer}: every layer has {@code forward(x) → (z, log|det J|)} (data → base) and
 *       {@code inverse(z) → (x, log|det J⁻¹|)}, and a backward pass through its forward. Layers: NICE's additive
 *       coupling and diagonal scaling, RealNVP's affine coupling (tanh-bounded log-scale), Glow's ActNorm, LU
 *       invertible linear map and step, MAF and IAF on {@link org.genscope.made.MadeNet}, a reverse permutation;
 *       {@link org.genscope.flow.FlowSequence}: a sequence of layers is a layer.</li>
 *   <li>{@link org.genscope.flow.FlowModel}: (base, flow), exact log-likelihood, maximum-likelihood gradients,
 *       sampling, both directions, density grids. Built from a {@link org.genscope.flow.FlowSpec} (an editable
 *       layer stack; {@link org.genscope.flow.LayerSpec}, {@link org.genscope.flow.LayerKind}).</li>
 *   <li>{@link org.genscope.flow.FlowPreset}: one-click demos (RealNVP on two moons, MAF on the checkerboard, Glow
 *       on 8 Gaussians, …), shared by the app and {@code genscope train flow --preset}.</li>
 *   <li>{@link org.genscope.flow.FlowDiagnostics}: points and grid lines carried layer by layer
 *       ({@link org.genscope.flow.Stages}, both directions), the density of every intermediate variable, per-layer
 *       log|det| maps, the inversion error; {@link org.genscope.flow.DirectionTiming}: MAF/IAF's two directions,
 *       timed.</li>
 *   <li>{@link org.genscope.flow.FlowTrainable} / {@link org.genscope.flow.FlowPayload}: training with the
 *       {@code train} service; {@link org.genscope.flow.FlowTraining}: the one training recipe (Adam,
 *       {@link org.genscope.train.CosineDecay}) of the app and the CLI;
 *       {@link org.genscope.flow.FlowFile}: model files ({@code docs/model-files.md}, "Flows").</li>
 * </ul>
 *
 * <pre>{@code
 * FlowPreset p = FlowPreset.byId("realnvp-moons");
 * DataSplits data = p.data(42);
 * FlowModel model = p.model();
 * TrainingJob<FlowPayload> job = FlowTraining.job(new FlowTrainable(model, data.train(), data.validation()),
 *         TrainConfig.builder().maxSteps(p.steps()).batchSize(p.batchSize()).seed(42).build(), p.learningRate(), true,
 *         executor);
 * job.start();
 * // UI, once per frame: Snapshot<FlowPayload> s = job.drain(); s.payload().density(), .samples(), .model()
 * Stages st = FlowDiagnostics.stages(payload.model(), gridLinesAndPoints, Stages.Direction.TO_DATA);
 * }</pre>
 */
package org.genscope.flow;
