package org.genscope.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * An element-wise nonlinearity y = f(x) with no parameters; ∂L/∂x = ∂L/∂y ∘ f'(x), where each subclass writes
 * f' from whichever of x and y is cheaper. Output and input-gradient buffers are reused; the input of the last
 * forward pass is kept by reference.
 */
public abstract class Activation implements Module {
    private FMatrixRMaj x;
    private FMatrixRMaj y;
    private FMatrixRMaj dx;

    /** y[i] = f(x[i]) for i &lt; n. */
    protected abstract void apply(float[] x, float[] y, int n);

    /** dx[i] = dy[i] · f'(x[i]) for i &lt; n, given x and y = f(x). */
    protected abstract void derivative(float[] x, float[] y, float[] dy, float[] dx, int n);

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x) {
        this.x = x;
        y = Mat.reuse(y, x.numRows, x.numCols);
        apply(x.data, y.data, x.getNumElements());
        return y;
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj gradOut) {
        if (x == null) throw new IllegalStateException(getClass().getSimpleName() + ": backward before forward");
        if (gradOut.numRows != y.numRows || gradOut.numCols != y.numCols) {
            Mat.checkSameShape(getClass().getSimpleName() + " gradient", y, gradOut);   // throws, naming both shapes
        }
        dx = Mat.reuse(dx, x.numRows, x.numCols);
        derivative(x.data, y.data, gradOut.data, dx.data, x.getNumElements());
        return dx;
    }
}
