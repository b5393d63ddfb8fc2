package org.genscope.nn;

import java.util.List;
import org.ejml.data.FMatrixRMaj;

/**
 * Affine layer y = x·W + b on a batch x (B×in). Layout: W is in×out and b is 1×out, so the forward pass is one
 * GEMM without transposes; the bias is written into y first and the GEMM accumulates onto it (beta = 1), so it
 * costs no extra pass. Gradients (accumulated):
 *
 * <pre>  ∂L/∂W += xᵀ·δ,   ∂L/∂b += Σ_rows δ,   ∂L/∂x = δ·Wᵀ,   δ = ∂L/∂y</pre>
 *
 * The input of the last forward is kept by reference (not copied) for backward. A first layer can skip the
 * input gradient ({@link #setInputGradient(boolean)}), which saves one of its three GEMMs.
 */
public class Linear implements Module {
    public final Param weight;
    public final Param bias;
    private final int in;
    private final int out;
    private boolean inputGradient = true;
    private FMatrixRMaj x;
    private FMatrixRMaj y;
    private FMatrixRMaj dx;

    /** A layer with W and b from {@link Init#uniformFanIn} (U(−1/√in, 1/√in), PyTorch's default for Linear). */
    public Linear(String name, int in, int out, Rng rng) {
        if (in < 1 || out < 1) throw new IllegalArgumentException(name + ": sizes must be positive: " + in + "×" + out);
        this.in = in;
        this.out = out;
        this.weight = new Param(name + ".weight", in, out);
        this.bias = new Param(name + ".bias", 1, out);
        Init.uniformFanIn(weight.value, in, rng);
        Init.uniformFanIn(bias.value, in, rng);
    }

    public int inputSize() {
        return in;
    }

    public int outputSize() {
        return out;
    }

    /** With false, {@link #backward} still accumulates W and b gradients but returns null instead of ∂L/∂x. */
    public void setInputGradient(boolean needed) {
        this.inputGradient = needed;
    }

    /** The weights the forward pass multiplies by: W here, W∘M in {@link MaskedLinear}. */
    protected FMatrixRMaj effectiveWeight() {
        return weight.value;
    }

    /** Called after xᵀ·δ was added to the weight gradient (MaskedLinear masks it). */
    protected void afterWeightGradient() {}

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x) {
        if (x.numCols != in) {
            throw new IllegalArgumentException(weight.name + ": input has " + x.numCols + " columns, expected " + in);
        }
        this.x = x;
        y = Mat.reuse(y, x.numRows, out);
        // y = 1·b + x·W
        Mat.setRows(y, bias.value);
        Mat.gemm(false, x, false, effectiveWeight(), 1f, 1f, y);
        return y;
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj gradOut) {
        if (x == null) throw new IllegalStateException(weight.name + ": backward before forward");
        if (gradOut.numRows != x.numRows || gradOut.numCols != out) {
            throw new IllegalArgumentException(weight.name + ": gradient is " + gradOut.numRows + "×"
                    + gradOut.numCols + ", expected " + x.numRows + "×" + out);
        }
        // ∂L/∂W += xᵀ·δ ;  ∂L/∂b += Σ_rows δ
        Mat.multTransA(x, gradOut, 1f, weight.grad);
        afterWeightGradient();
        Mat.sumColumns(gradOut, 1f, bias.grad);
        if (!inputGradient) return null;
        // ∂L/∂x = δ·Wᵀ
        dx = Mat.reuse(dx, x.numRows, in);
        Mat.multTransB(gradOut, effectiveWeight(), 0f, dx);
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }
}
