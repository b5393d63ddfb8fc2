package org.genscope.nn;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;

/**
 * The spatial-sparsity rule of convolutional winner-take-all autoencoders (Makhzani &amp; Frey 2015, §3): within
 * each feature map of each example, keep the single largest activation and set every other one to zero,
 *
 * <pre>  y[b, c, p] = x[b, c, p] if p = argmax_q x[b, c, q], else 0</pre>
 *
 * on a batch B × (C·H·W) in NCHW. <b>Ties</b> go to the first pixel in row-major order (smallest index), so
 * exactly one value per map survives and the mask is deterministic. Backward passes the gradient to the winner
 * only. No allocation after the first batch of a given size.
 */
public final class SpatialSparsity implements Module {
    private final ImageShape shape;
    private boolean enabled = true;
    private FMatrixRMaj y;
    private FMatrixRMaj dx;
    private int[] winners = new int[0];            // [b·C + c]: pixel index of the winner
    private int batch;

    public SpatialSparsity(ImageShape shape) {
        this.shape = shape;
    }

    /** Off: the identity (test time). */
    public void setEnabled(boolean on) {
        this.enabled = on;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The winning pixel (y·W + x) of map c in example b of the last forward pass (enabled only). */
    public int winner(int b, int c) {
        return winners[b * shape.channels() + c];
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x) {
        if (x.numCols != shape.size()) {
            throw new IllegalArgumentException("spatial sparsity: input has " + x.numCols + " columns, expected "
                    + shape.size() + " (" + shape + ")");
        }
        int n = x.numRows;
        batch = n;
        y = Mat.reuse(y, n, x.numCols);
        if (!enabled) {
            System.arraycopy(x.data, 0, y.data, 0, x.getNumElements());
            return y;
        }
        int maps = shape.channels();
        int p = shape.pixels();
        if (winners.length < n * maps) winners = new int[n * maps];
        Arrays.fill(y.data, 0, x.getNumElements(), 0f);
        for (int m = 0; m < n * maps; m++) {
            int o = m * p;
            int best = 0;
            float v = x.data[o];
            for (int q = 1; q < p; q++) {
                float w = x.data[o + q];
                if (w > v || (Float.isNaN(v) && !Float.isNaN(w))) {
                    v = w;
                    best = q;
                }
            }
            winners[m] = best;
            y.data[o + best] = v;
        }
        return y;
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj gradOut) {
        if (y == null) throw new IllegalStateException("spatial sparsity: backward before forward");
        Mat.checkSameShape("spatial sparsity gradient", y, gradOut);
        dx = Mat.reuse(dx, gradOut.numRows, gradOut.numCols);
        if (!enabled) {
            System.arraycopy(gradOut.data, 0, dx.data, 0, gradOut.getNumElements());
            return dx;
        }
        int p = shape.pixels();
        Arrays.fill(dx.data, 0, gradOut.getNumElements(), 0f);
        for (int m = 0; m < batch * shape.channels(); m++) {
            int i = m * p + winners[m];
            dx.data[i] = gradOut.data[i];
        }
        return dx;
    }
}
