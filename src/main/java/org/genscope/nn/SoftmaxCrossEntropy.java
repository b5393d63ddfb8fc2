package org.genscope.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * Multinomial logistic loss of logits z (B × K) against integer classes, averaged over the batch like PyTorch's
 * {@code CrossEntropyLoss}:
 *
 * <pre>  L = −(1/B) Σ_b log softmax(z_b)[y_b],   softmax(z)_k = e^(z_k − max z) / Σ_j e^(z_j − max z)
 *  ∂L/∂z_b = (softmax(z_b) − onehot(y_b)) / B</pre>
 */
public final class SoftmaxCrossEntropy {
    private FMatrixRMaj grad;

    /** Returns the mean loss in nats; fills {@link #grad()}. Classes must be in [0, K). */
    public double forward(FMatrixRMaj logits, int[] classes, int from) {
        int b = logits.numRows;
        int k = logits.numCols;
        grad = Mat.reuse(grad, b, k);
        double total = 0;
        float inv = 1f / b;
        for (int i = 0; i < b; i++) {
            int y = classes[from + i];
            if (y < 0 || y >= k) throw new IllegalArgumentException("class " + y + " outside 0.." + (k - 1));
            int o = i * k;
            float max = logits.data[o];
            for (int j = 1; j < k; j++) max = Math.max(max, logits.data[o + j]);
            double sum = 0;
            for (int j = 0; j < k; j++) sum += Math.exp(logits.data[o + j] - max);
            double logZ = max + Math.log(sum);
            total += logZ - logits.data[o + y];
            for (int j = 0; j < k; j++) {
                grad.data[o + j] = (float) (Math.exp(logits.data[o + j] - logZ) * inv);
            }
            grad.data[o + y] -= inv;
        }
        return total / b;
    }

    /** ∂L/∂z of the last batch (B × K, reused). */
    public FMatrixRMaj grad() {
        return grad;
    }
}
