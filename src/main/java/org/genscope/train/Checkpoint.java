package org.genscope.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genscope.io.Metadata;
import org.genscope.io.ModelFile;
import org.genscope.io.ModelFileException;
import org.genscope.io.ParamTensors;
import org.genscope.io.Tensor;
import org.genscope.io.TensorSource;
import org.genscope.nn.Param;

/**
 * A training checkpoint is a safetensors model file with the training state beside the parameters: parameters
 * and buffers under their own names (so a checkpoint also loads as a model), the optimizer's state under
 * {@code optimizer.<key>} (F32), and under {@code trainer.} the data order (I32 permutation), both generators'
 * states (I64[4]) and the loss curves (F64); counters, the cursor and the learning rate are metadata. Doubles
 * are written with {@link Double#toString}, which reads back exactly, so a resumed job continues bit for bit.
 */
final class Checkpoint {
    static final String STEP = "trainer.step";
    static final String CURSOR = "trainer.cursor";
    static final String BATCH_SIZE = "trainer.batch_size";
    static final String TRAINING_SIZE = "trainer.training_size";
    static final String ELAPSED = "trainer.elapsed_nanos";
    static final String LEARNING_RATE = "trainer.learning_rate";
    static final String LAST_LOSS = "trainer.last_loss";
    static final String LAST_VALIDATION = "trainer.last_validation";

    private Checkpoint() {}

    private static List<Param> saved(TrainingLoop<?> loop) {
        List<Param> all = new ArrayList<>(loop.task.params());
        all.addAll(loop.task.buffers());
        return all;
    }

    /** Writes the loop's complete state (atomically); call between steps on the training thread. */
    static void write(Path file, TrainingLoop<?> loop) throws IOException {
        Map<String, TensorSource> t = new LinkedHashMap<>(ParamTensors.sources(saved(loop)));
        loop.optimizer.state().forEach((k, v) -> put(t, "optimizer." + k, Tensor.of(new long[] {v.length}, v)));
        int[] order = loop.order.order();
        put(t, "trainer.order", Tensor.of(new long[] {order.length}, order));
        put(t, "trainer.order_rng", Tensor.of(new long[] {4}, loop.order.rng().state()));
        put(t, "trainer.model_rng", Tensor.of(new long[] {4}, loop.modelRng.state()));
        double[] th = loop.trainHistory.state();
        double[] vh = loop.validationHistory.state();
        put(t, "trainer.train_history", Tensor.of(new long[] {th.length}, th));
        put(t, "trainer.validation_history", Tensor.of(new long[] {vh.length}, vh));
        Map<String, String> meta = Metadata.builder().putAll(loop.task.metadata())
                .put(Metadata.FILE_KIND, Metadata.CHECKPOINT_FILE)
                .seed(loop.config.seed())
                .hyperparameter("batch_size", Integer.toString(loop.config.batchSize()))
                .put(STEP, Long.toString(loop.step))
                .put(CURSOR, Integer.toString(loop.order.cursor()))
                .put(BATCH_SIZE, Integer.toString(loop.config.batchSize()))
                .put(TRAINING_SIZE, Integer.toString(loop.task.trainingSize()))
                .put(ELAPSED, Long.toString(loop.elapsedNanos))
                .put(LEARNING_RATE, Double.toString(loop.optimizer.learningRate()))
                .put(LAST_LOSS, Double.toString(loop.lastLoss))
                .put(LAST_VALIDATION, Double.toString(loop.lastValidation))
                .build();
        ModelFile.write(file, t, meta);
    }

    /**
     * Writes a model file: parameters and buffers, the task's metadata, {@code genscope.file = model}, the seed,
     * the latest losses as metrics, then {@code extra} (which wins on equal keys).
     */
    static void writeModel(Path file, TrainingLoop<?> loop, Map<String, String> extra) throws IOException {
        ModelFile.write(file, ParamTensors.sources(saved(loop)), modelMetadata(loop, extra));
    }

    /** The bytes of the model file {@link #writeModel} writes, to keep inside another file (a session). */
    static byte[] modelBytes(TrainingLoop<?> loop, Map<String, String> extra) {
        return ModelFile.toBytes(ParamTensors.sources(saved(loop)), modelMetadata(loop, extra));
    }

    private static Map<String, String> modelMetadata(TrainingLoop<?> loop, Map<String, String> extra) {
        Metadata meta = Metadata.builder().putAll(loop.task.metadata())
                .put(Metadata.FILE_KIND, Metadata.MODEL_FILE)
                .seed(loop.config.seed())
                .put(Metadata.METRIC + "steps", Long.toString(loop.step))
                .metric("train_loss", loop.lastLoss);
        if (!Double.isNaN(loop.lastValidation)) meta.metric("validation_loss", loop.lastValidation);
        return meta.putAll(extra).build();
    }

    private static void put(Map<String, TensorSource> t, String name, TensorSource s) {
        if (t.put(name, s) != null) throw new IllegalArgumentException("checkpoint tensor name '" + name + "' is used twice");
    }

    /**
     * Restores a state written by {@link #write} into a loop built for the same task shape and batch size.
     * Everything is read and shape-checked first; if applying it still fails, the loop is left partly restored
     * and {@link TrainingJob} marks the job FAILED.
     */
    static void restore(Path file, TrainingLoop<?> loop) throws IOException {
        ModelFile f = ModelFile.read(file);
        String kind = f.meta(Metadata.FILE_KIND).orElse("none");
        if (!kind.equals(Metadata.CHECKPOINT_FILE)) {
            throw new ModelFileException(file, "is not a checkpoint (" + Metadata.FILE_KIND + " = " + org.genscope.Quoted.of(kind) + ")");
        }
        try {
            int batch = f.metaInt(BATCH_SIZE, 1, Integer.MAX_VALUE);
            int n = f.metaInt(TRAINING_SIZE, 1, Integer.MAX_VALUE);
            if (batch != loop.config.batchSize() || n != loop.task.trainingSize()) {
                throw new ModelFileException(file, "was made with batch size " + batch + " on " + n
                        + " examples; this job uses batch size " + loop.config.batchSize() + " on "
                        + loop.task.trainingSize() + " (an exact resume needs both equal)");
            }
            long step = f.metaLong(STEP, 0, Long.MAX_VALUE);
            int cursor = f.metaInt(CURSOR, 0, Integer.MAX_VALUE);
            long elapsed = f.metaLong(ELAPSED, 0, Long.MAX_VALUE);
            double lr = f.metaDouble(LEARNING_RATE);
            double lastLoss = f.metaDouble(LAST_LOSS);
            double lastValidation = f.metaDouble(LAST_VALIDATION);
            int[] order = f.requireShape("trainer.order", n).toInts();
            long[] orderRng = f.requireShape("trainer.order_rng", 4).toLongs();
            long[] modelRng = f.requireShape("trainer.model_rng", 4).toLongs();
            double[] th = f.tensor("trainer.train_history").toDoubles();
            double[] vh = f.tensor("trainer.validation_history").toDoubles();
            Map<String, float[]> optimizerState = new LinkedHashMap<>();
            for (String key : loop.optimizer.state().keySet()) {
                optimizerState.put(key, f.tensor("optimizer." + key).toFloats());
            }
            loop.order.restore(order, cursor);
            loop.order.rng().restore(orderRng);
            loop.modelRng.restore(modelRng);
            loop.trainHistory.restore(th);
            loop.validationHistory.restore(vh);
            loop.optimizer.loadState(optimizerState);
            loop.optimizer.setLearningRate(lr);
            ParamTensors.load(f, saved(loop));
            loop.step = step;
            loop.elapsedNanos = elapsed;
            loop.lastLoss = lastLoss;
            loop.lastValidation = lastValidation;
            loop.takeBackup();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ModelFileException(file, "does not fit this job: " + e.getMessage());
        }
    }
}
