package org.genscope.flow;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Param;

/**
 * One invertible layer of a normalizing flow, as in karpathy/pytorch-normalizing-flows ({@code nflib/flows.py}):
 * a bijection f with the log-determinant of its Jacobian, in both directions. Rows are examples.
 *
 * <pre>  forward:  z = f(x),      log|det ∂z/∂x|      (data → base: the density direction)
 *  inverse:  x = f⁻¹(z),    log|det ∂x/∂z| = −log|det ∂z/∂x| at x = f⁻¹(z)   (base → data: sampling)</pre>
 *
 * so that log p(x) = log p_Z(f(x)) + log|det ∂f/∂x| (change of variables). A {@link FlowSequence} of layers is a
 * layer. {@link #backward} back-propagates through the most recent {@link #forward} only (maximum-likelihood
 * training differentiates the density direction): it accumulates the parameters' gradients and returns ∂L/∂x.
 * Results are fresh matrices the caller may keep but must not modify while a backward pass is pending. Layers are
 * pure math with per-call state: not thread-safe.
 */
public interface FlowLayer {
    /** D, the number of variables. */
    int dimension();

    /** z = f(x) and log|det ∂z/∂x| per row; remembers what {@link #backward} needs. */
    Mapped forward(FMatrixRMaj x);

    /** x = f⁻¹(z) and log|det ∂x/∂z| per row. */
    Mapped inverse(FMatrixRMaj z);

    /**
     * Back-propagates through the last {@link #forward}: given ∂L/∂z and ∂L/∂(log|det|) per row, accumulates
     * ∂L/∂θ into {@link #params()}' gradients and returns ∂L/∂x.
     */
    FMatrixRMaj backward(FMatrixRMaj gradZ, double[] gradLogDet);

    /** Trainable parameters, unique names, stable order. */
    List<Param> params();

    /** Non-trained state saved with the model (ActNorm's initialised flag, the LU layer's and the random permutations). */
    default List<Param> buffers() {
        return List.of();
    }

    /**
     * Data-dependent initialisation (ActNorm, Kingma &amp; Dhariwal 2018, §3.1) from a batch of this layer's
     * inputs; a no-op for layers without one or already initialised.
     */
    default void initialize(FMatrixRMaj x) {}

    /** Short human-readable name, e.g. "affine coupling (RealNVP), transforms x1 given x0". */
    String describe();
}
