package org.genscope.made;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.LogSumExp;
import org.genscope.nn.Rng;

/**
 * Conditionals that are mixtures of K Gaussians per dimension (RNADE, Uria, Murray &amp; Larochelle 2013), or a
 * single Gaussian (K = 1 without weights: the conditionals of MAF, Papamakarios et al. 2017, eq. 2).
 * Parameter groups (see {@link MadeNet}): with weights, groups 0..K−1 are the logits a_k, K..2K−1 the means μ_k,
 * 2K..3K−1 the log-deviations s_k = log σ_k; without, group 0 is μ and group 1 is log σ.
 *
 * <pre>  log p(x | θ) = log Σ_k π_k N(x; μ_k, σ_k²),   π = softmax(a),   z_k = (x − μ_k)/σ_k
 *  log N(x; μ, σ²) = −½ log 2π − s − ½ z²
 *  with responsibilities r_k = π_k N_k / p:   ∂(−log p)/∂a_k = π_k − r_k,
 *  ∂(−log p)/∂μ_k = −r_k z_k / σ_k,   ∂(−log p)/∂s_k = r_k (1 − z_k²)</pre>
 */
public final class GaussianMixtureFamily implements ConditionalFamily {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final int k;
    private final boolean weights;

    /** K components; {@code weights} false is allowed for K = 1 only (a plain Gaussian, P = 2). */
    public GaussianMixtureFamily(int k, boolean weights) {
        if (k < 1 || (!weights && k != 1)) throw new IllegalArgumentException("need K ≥ 1, and weights unless K = 1: K=" + k);
        this.k = k;
        this.weights = weights;
    }

    public int components() {
        return k;
    }

    @Override
    public int paramsPerDimension() {
        return weights ? 3 * k : 2;
    }

    private int meanGroup() {
        return weights ? k : 0;
    }

    private int logSigmaGroup() {
        return weights ? 2 * k : 1;
    }

    @Override
    public double negLogLikelihood(FMatrixRMaj theta, FMatrixRMaj x, double[] perExample, FMatrixRMaj grad) {
        int b = x.numRows;
        int d = x.numCols;
        int p = paramsPerDimension();
        BernoulliFamily.checkShapes(theta, x, p);
        double[] logPi = new double[k];
        double[] logJoint = new double[k];
        double[] z = new double[k];
        double total = 0;
        for (int n = 0; n < b; n++) {
            int row = n * p * d;
            double sum = 0;
            for (int dim = 0; dim < d; dim++) {
                double xv = x.data[n * d + dim];
                logWeights(theta.data, row, d, dim, logPi);
                // log π_k + log N(x; μ_k, σ_k²)
                for (int c = 0; c < k; c++) {
                    double mu = theta.data[row + (meanGroup() + c) * d + dim];
                    double s = theta.data[row + (logSigmaGroup() + c) * d + dim];
                    z[c] = (xv - mu) * Math.exp(-s);
                    logJoint[c] = logPi[c] - HALF_LOG_2PI - s - 0.5 * z[c] * z[c];
                }
                double logP = LogSumExp.of(logJoint);
                sum -= logP;
                if (grad != null) {
                    for (int c = 0; c < k; c++) {
                        double r = Math.exp(logJoint[c] - logP);                 // responsibility r_k
                        double sigma = Math.exp(theta.data[row + (logSigmaGroup() + c) * d + dim]);
                        if (weights) grad.data[row + c * d + dim] = (float) ((Math.exp(logPi[c]) - r) / b);
                        grad.data[row + (meanGroup() + c) * d + dim] = (float) (-r * z[c] / sigma / b);
                        grad.data[row + (logSigmaGroup() + c) * d + dim] = (float) (r * (1 - z[c] * z[c]) / b);
                    }
                }
            }
            perExample[n] = sum;
            total += sum;
        }
        return total / b;
    }

    /** log π_k = a_k − log Σ exp(a) for dimension dim of the row starting at {@code row}; 0 without weights. */
    private void logWeights(float[] theta, int row, int d, int dim, double[] logPi) {
        if (!weights) {
            logPi[0] = 0;
            return;
        }
        for (int c = 0; c < k; c++) logPi[c] = theta[row + c * d + dim];
        double lse = LogSumExp.of(logPi);
        for (int c = 0; c < k; c++) logPi[c] -= lse;
    }

    @Override
    public void sample(FMatrixRMaj theta, int dim, FMatrixRMaj x, Rng rng) {
        int d = x.numCols;
        int p = paramsPerDimension();
        double[] logPi = new double[k];
        for (int n = 0; n < x.numRows; n++) {
            int row = n * p * d;
            logWeights(theta.data, row, d, dim, logPi);
            // component c ~ π, then x = μ_c + σ_c ε
            double u = rng.nextDouble();
            int c = 0;
            double cumulative = Math.exp(logPi[0]);
            while (cumulative <= u && c < k - 1) cumulative += Math.exp(logPi[++c]);
            double mu = theta.data[row + (meanGroup() + c) * d + dim];
            double sigma = Math.exp(theta.data[row + (logSigmaGroup() + c) * d + dim]);
            x.data[n * d + dim] = (float) (mu + sigma * rng.nextGaussian());
        }
    }

    @Override
    public void mean(FMatrixRMaj theta, FMatrixRMaj out) {
        int d = out.numCols;
        int p = paramsPerDimension();
        double[] logPi = new double[k];
        for (int n = 0; n < out.numRows; n++) {
            int row = n * p * d;
            for (int dim = 0; dim < d; dim++) {
                logWeights(theta.data, row, d, dim, logPi);
                // E[x] = Σ_k π_k μ_k
                double m = 0;
                for (int c = 0; c < k; c++) m += Math.exp(logPi[c]) * theta.data[row + (meanGroup() + c) * d + dim];
                out.data[n * d + dim] = (float) m;
            }
        }
    }

    @Override
    public boolean binary() {
        return false;
    }
}
