package org.genscope.nn;

import java.util.List;
import org.ejml.data.FMatrixRMaj;

/**
 * A differentiable function of a batch (rows = examples, columns = features) with its backward pass next to
 * its forward, as in micrograd. {@code backward} must follow the {@code forward} of the same batch; it
 * <em>accumulates</em> parameter gradients and returns ∂L/∂x. Outputs are buffers owned by the module and
 * reused across calls of the same batch size (no per-step allocation): copy them to keep them.
 */
public interface Module {
    FMatrixRMaj forward(FMatrixRMaj x);

    FMatrixRMaj backward(FMatrixRMaj gradOut);

    /** Trainable parameters, in a stable order (used by optimizers and model files). */
    default List<Param> params() {
        return List.of();
    }
}
