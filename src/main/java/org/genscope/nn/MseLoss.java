package org.genscope.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * Mean squared error, averaged over every element like PyTorch's {@code MSELoss}: the per-example value is
 * the mean over dimensions of (y − t)², the loss the batch mean of those, so ∂loss/∂y = 2 (y − t) / (B·D).
 */
public final class MseLoss {
    private FMatrixRMaj grad;
    private double[] perExample = new double[0];

    /** Returns mean((y − t)²); fills {@link #grad()} and {@link #perExample()}. */
    public double forward(FMatrixRMaj y, FMatrixRMaj target) {
        Mat.checkSameShape("MSE loss: output vs target", y, target);
        int b = y.numRows;
        int d = y.numCols;
        grad = Mat.reuse(grad, b, d);
        if (perExample.length != b) perExample = new double[b];
        float g = 2f / ((float) b * d);
        double total = 0;
        for (int n = 0; n < b; n++) {
            double sum = 0;
            for (int i = n * d; i < (n + 1) * d; i++) {
                float diff = y.data[i] - target.data[i];
                sum += (double) diff * diff;
                grad.data[i] = g * diff;
            }
            perExample[n] = sum / d;
            total += sum / d;
        }
        return total / b;
    }

    /** ∂loss/∂y (B×D). */
    public FMatrixRMaj grad() {
        return grad;
    }

    /** Mean squared error of each example of the last batch (reused array: copy to keep). */
    public double[] perExample() {
        return perExample;
    }
}
