package org.genscope.train;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.genscope.nn.Param;

/**
 * A model as the trainer sees it: parameters, and the loss and gradients of a batch. The trainer knows nothing
 * else about it (minGPT's {@code trainer.py}); it owns the data order, the random generator, the optimizer steps,
 * the NaN guard, snapshots and checkpoints. The same task runs in the app and headless from the CLI.
 * All methods are called on the training thread, one at a time.
 *
 * @param <P> the immutable, model-specific payload shown by the UI (samples, filters...), or {@code Void}
 */
public interface Trainable<P> {
    /** Trainable parameters, stable order and unique names; the optimizer must update exactly these. */
    List<Param> params();

    /**
     * Non-trained state the model needs at inference and that a checkpoint must restore (e.g. running statistics
     * of batch normalization); saved under their names beside the parameters. Default: none.
     */
    default List<Param> buffers() {
        return List.of();
    }

    /** Number of training examples; batch indices range over {@code [0, trainingSize())}. */
    int trainingSize();

    /**
     * The mean loss of the batch, accumulating ∂loss/∂θ into every parameter's {@code grad} (all zero on entry).
     * Randomness must come from {@code batch.rng()} only, so a resumed job repeats it exactly.
     */
    double lossAndGradients(Batch batch);

    /** Loss on held-out data, or empty if the task has none. Must not use the training generator. */
    default OptionalDouble validationLoss() {
        return OptionalDouble.empty();
    }

    /**
     * A new immutable view for the UI, built from the current parameters (copies, never live arrays); null if
     * none. Must not use the training generator (so watching a job never changes its numbers).
     */
    default P payload() {
        return null;
    }

    /** Model description for checkpoints and model files ({@code org.genscope.io.Metadata} keys). */
    default Map<String, String> metadata() {
        return Map.of();
    }
}
