package org.genscope.nn;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;

/**
 * The lifetime-sparsity rule of winner-take-all autoencoders (Makhzani &amp; Frey 2015, §2): for each hidden unit
 * (or each feature map), across the B examples of the mini-batch, keep the k% largest activations and set the
 * rest to zero. Exactly
 *
 * <pre>  n_keep = ⌈k/100 · B⌉</pre>
 *
 * examples win per unit. The input is B × (U·S): U units of S contiguous values each (S = 1 for a fully connected
 * layer; S = H·W for a feature map of a convolutional layer in NCHW). An example's value for a unit is the largest
 * of its S values, which after {@link SpatialSparsity} is its one surviving activation; a losing example's S values
 * are all zeroed, a winning example keeps them all. <b>Ties</b> at the threshold go to the example that comes
 * first in the batch, so the count is exact and the mask deterministic.
 *
 * <p>Backward passes the gradient through the winners only: ∂L/∂x = ∂L/∂y ∘ mask. No allocation after the first
 * batch of a given size.
 */
public final class LifetimeSparsity implements Module {
    private final int units;
    private final int spatial;
    private double percent;
    private boolean enabled = true;
    private FMatrixRMaj y;
    private FMatrixRMaj dx;
    private boolean[] winner = new boolean[0];     // [b·U + u]
    private float[] scores = new float[0];
    private float[] scratch = new float[0];
    private int batch;

    /**
     * @param units   U, hidden units or feature maps
     * @param spatial S, values per unit per example (1 for fully connected)
     * @param percent k in (0, 100]
     */
    public LifetimeSparsity(int units, int spatial, double percent) {
        if (units < 1 || spatial < 1) throw new IllegalArgumentException("lifetime sparsity needs ≥ 1 unit of ≥ 1 value");
        this.units = units;
        this.spatial = spatial;
        setPercent(percent);
    }

    /** k, the percentage of the mini-batch each unit keeps; must be in (0, 100]. */
    public void setPercent(double k) {
        if (!(k > 0 && k <= 100)) {
            throw new IllegalArgumentException("lifetime sparsity k must be a percentage in (0, 100], got " + k);
        }
        this.percent = k;
    }

    public double percent() {
        return percent;
    }

    /** Off: the identity (test time, when the representation is the dense ReLU code). */
    public void setEnabled(boolean on) {
        this.enabled = on;
    }

    public boolean enabled() {
        return enabled;
    }

    /** ⌈k/100 · B⌉ (at least 1, at most B), computed so that e.g. 5% of 100 is exactly 5. */
    public static int keep(double percent, int batch) {
        long n = (long) Math.ceil(percent * batch / 100.0 - 1e-9);
        return (int) Math.max(1, Math.min(batch, n));
    }

    /** Whether example b won unit u in the last forward pass (always true when disabled). */
    public boolean won(int b, int u) {
        return !enabled || winner[b * units + u];
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x) {
        if (x.numCols != units * spatial) {
            throw new IllegalArgumentException("lifetime sparsity: input has " + x.numCols + " columns, expected "
                    + units + "×" + spatial);
        }
        int n = x.numRows;
        batch = n;
        y = Mat.reuse(y, n, x.numCols);
        if (!enabled) {
            System.arraycopy(x.data, 0, y.data, 0, x.getNumElements());
            return y;
        }
        if (winner.length < n * units) winner = new boolean[n * units];
        if (scores.length < n) {
            scores = new float[n];
            scratch = new float[n];
        }
        int keep = keep(percent, n);
        int row = units * spatial;
        for (int u = 0; u < units; u++) {
            for (int b = 0; b < n; b++) {
                int o = b * row + u * spatial;
                float m = x.data[o];
                for (int s = 1; s < spatial; s++) m = Math.max(m, x.data[o + s]);
                scores[b] = m;
            }
            System.arraycopy(scores, 0, scratch, 0, n);
            float t = kthLargest(scratch, n, keep);
            int above = 0;
            for (int b = 0; b < n; b++) if (scores[b] > t) above++;
            int ties = keep - above;                  // examples at the threshold that still win, first come first
            for (int b = 0; b < n; b++) {
                boolean w = scores[b] > t || (scores[b] == t && ties-- > 0);
                winner[b * units + u] = w;
                int o = b * row + u * spatial;
                if (w) System.arraycopy(x.data, o, y.data, o, spatial);
                else Arrays.fill(y.data, o, o + spatial, 0f);
            }
        }
        return y;
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj gradOut) {
        if (y == null) throw new IllegalStateException("lifetime sparsity: backward before forward");
        Mat.checkSameShape("lifetime sparsity gradient", y, gradOut);
        dx = Mat.reuse(dx, gradOut.numRows, gradOut.numCols);
        if (!enabled) {
            System.arraycopy(gradOut.data, 0, dx.data, 0, gradOut.getNumElements());
            return dx;
        }
        int row = units * spatial;
        for (int b = 0; b < batch; b++) {
            for (int u = 0; u < units; u++) {
                int o = b * row + u * spatial;
                if (winner[b * units + u]) System.arraycopy(gradOut.data, o, dx.data, o, spatial);
                else Arrays.fill(dx.data, o, o + spatial, 0f);
            }
        }
        return dx;
    }

    /** The k-th largest of a[0..n) (1 ≤ k ≤ n) by quickselect; reorders a. NaN never wins (it sorts lowest). */
    static float kthLargest(float[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        int target = k - 1;                           // index in descending order
        while (lo < hi) {
            float pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (greater(a[i], pivot)) i++;
                while (greater(pivot, a[j])) j--;
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) hi = j;
            else if (target >= i) lo = i;
            else return a[target];
        }
        return a[target];
    }

    /** x &gt; y in an order where NaN is below every number. */
    private static boolean greater(float x, float y) {
        return x > y || (!Float.isNaN(x) && Float.isNaN(y));
    }
}
