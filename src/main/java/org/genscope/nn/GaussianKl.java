package org.genscope.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * The Kullback-Leibler divergence of a diagonal Gaussian q = N(μ, diag σ²) from the standard normal prior
 * p = N(0, I), in closed form (Kingma &amp; Welling 2014, appendix B), per row of a batch, with v = log σ²:
 *
 * <pre>  KL(q ‖ p) = ½ Σ_j (μ_j² + σ_j² − 1 − log σ_j²)
 *  ∂KL/∂μ_j = μ_j,   ∂KL/∂v_j = ½ (e^{v_j} − 1)</pre>
 *
 * {@link #forward} returns the batch mean and keeps each row's value and each dimension's batch mean (the "KL per
 * latent unit" that shows which units are active); {@link #backward} adds w·∂KL/∂(μ, v) for every row, so w = β/B
 * gives the gradient of β times the batch mean. Values are summed in double; σ² = e^v is kept from the forward pass.
 */
public final class GaussianKl {
    private FMatrixRMaj mu;
    private FMatrixRMaj variance;
    private double[] perExample = new double[0];
    private double[] perDimension = new double[0];

    /** The batch mean of KL(N(μ_n, diag e^{v_n}) ‖ N(0, I)) in nats; fills {@link #perExample()} and {@link #perDimension()}. */
    public double forward(FMatrixRMaj mu, FMatrixRMaj logVar) {
        Mat.checkSameShape("Gaussian KL: μ vs log σ²", mu, logVar);
        int b = mu.numRows;
        int l = mu.numCols;
        this.mu = mu;
        variance = Mat.reuse(variance, b, l);
        if (perExample.length != b) perExample = new double[b];
        if (perDimension.length != l) perDimension = new double[l];
        java.util.Arrays.fill(perDimension, 0);
        double total = 0;
        for (int n = 0; n < b; n++) {
            double sum = 0;
            for (int j = 0; j < l; j++) {
                double m = mu.data[n * l + j];
                double v = logVar.data[n * l + j];
                double s2 = Math.exp(v);
                variance.data[n * l + j] = (float) s2;
                // ½ (μ² + e^v − 1 − v)
                double kl = 0.5 * (m * m + s2 - 1 - v);
                sum += kl;
                perDimension[j] += kl;
            }
            perExample[n] = sum;
            total += sum;
        }
        for (int j = 0; j < l; j++) perDimension[j] /= b;
        return total / b;
    }

    /** Adds weight · ∂KL_n/∂μ_n and weight · ∂KL_n/∂v_n for every row n of the last forward pass. */
    public void backward(double weight, FMatrixRMaj gradMu, FMatrixRMaj gradLogVar) {
        if (mu == null) throw new IllegalStateException("Gaussian KL: backward before forward");
        Mat.checkSameShape("Gaussian KL: ∂/∂μ vs μ", mu, gradMu);
        Mat.checkSameShape("Gaussian KL: ∂/∂v vs μ", mu, gradLogVar);
        float w = (float) weight;
        float half = (float) (0.5 * weight);
        for (int i = 0; i < mu.getNumElements(); i++) {
            gradMu.data[i] += w * mu.data[i];
            gradLogVar.data[i] += half * (variance.data[i] - 1f);
        }
    }

    /** KL of each row of the last batch, nats (reused array: copy to keep). */
    public double[] perExample() {
        return perExample;
    }

    /** The batch mean of each dimension's term ½(μ_j² + σ_j² − 1 − log σ_j²), nats (reused array: copy to keep). */
    public double[] perDimension() {
        return perDimension;
    }
}
