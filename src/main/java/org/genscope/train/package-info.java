/**
 * The background training service: a trainer that knows nothing about the model (minGPT's {@code trainer.py}).
 *
 * <p>A model plugs in by implementing {@link org.genscope.train.Trainable}: its parameters and
 * {@code lossAndGradients(batch)}; optionally a validation loss, buffers, an immutable UI payload and metadata.
 * The same job runs in the app and headless:
 *
 * <pre>{@code
 * Trainable<MadeSamples> task = ...;                       // the model and its data
 * Optimizer adam = new Adam(task.params(), 1e-3);
 * TrainConfig config = TrainConfig.builder().epochs(20).batchSize(100).seed(42).build();
 *
 * // app: a daemon thread; the view-model drains snapshots once per frame
 * TrainingJob<MadeSamples> job = new TrainingJob<>(task, adam, config, TaskExecutor.daemonThreads("train"));
 * job.start();   ...   Snapshot<MadeSamples> s = job.drain();   // null if nothing new
 *
 * // CLI: the calling thread; start() returns when the job ends (or a listener pauses or stops it)
 * TrainingJob<MadeSamples> cli = new TrainingJob<>(task, adam, config, TaskExecutor.currentThread());
 * cli.addListener(new TrainingListener() {
 *     public void onStep(long step, int epoch, double loss) { if (step % 100 == 0) out.println(step + " " + loss); }
 * });
 * cli.start();
 * cli.saveModel(Path.of("made.safetensors"), Map.of()).join();
 * }</pre>
 *
 * <p>Listeners that come with it: {@link org.genscope.train.CosineDecay} (a learning-rate schedule) and
 * {@link org.genscope.train.EarlyStopping} (best-validation parameters, patience, a time budget).
 *
 * <p>Checkpoints ({@link org.genscope.train.TrainingJob#saveCheckpoint},
 * {@link org.genscope.train.TrainingJob#restore}) are safetensors files holding everything a bit-identical resume
 * needs; see {@code docs/model-files.md}.
 */
package org.genscope.train;
