package org.genscope.made;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.BernoulliLogitsLoss;
import org.genscope.nn.Rng;

/**
 * Bernoulli conditionals from logits l_d (Germain et al. 2015, eq. 3), in the softplus form that never overflows:
 *
 * <pre>  −log p(x_d | l_d) = softplus(l_d) − x_d·l_d,   ∂/∂l_d = σ(l_d) − x_d</pre>
 *
 * The likelihood is nn's {@link BernoulliLogitsLoss}; this family adds MADE's shape check, sampling and means.
 */
public final class BernoulliFamily implements ConditionalFamily {
    private final BernoulliLogitsLoss loss = new BernoulliLogitsLoss();

    @Override
    public int paramsPerDimension() {
        return 1;
    }

    @Override
    public double negLogLikelihood(FMatrixRMaj theta, FMatrixRMaj x, double[] perExample, FMatrixRMaj grad) {
        checkShapes(theta, x, 1);
        return loss.forward(theta, x, perExample, grad);
    }

    @Override
    public void sample(FMatrixRMaj theta, int d, FMatrixRMaj x, Rng rng) {
        int cols = x.numCols;
        for (int n = 0; n < x.numRows; n++) {
            double p = sigmoid(theta.data[n * theta.numCols + d]);
            x.data[n * cols + d] = rng.nextDouble() < p ? 1f : 0f;
        }
    }

    @Override
    public void mean(FMatrixRMaj theta, FMatrixRMaj out) {
        for (int i = 0; i < out.getNumElements(); i++) out.data[i] = (float) sigmoid(theta.data[i]);
    }

    @Override
    public boolean binary() {
        return true;
    }

    /** σ(l) = 1/(1 + e^−l) without overflow for either sign. */
    static double sigmoid(double l) {
        double e = Math.exp(-Math.abs(l));
        return l >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    static void checkShapes(FMatrixRMaj theta, FMatrixRMaj x, int groups) {
        if (theta.numRows != x.numRows || theta.numCols != groups * x.numCols) {
            throw new IllegalArgumentException("θ is " + theta.numRows + "×" + theta.numCols + " but x is " + x.numRows + "×"
                    + x.numCols + " with " + groups + " parameters per dimension");
        }
    }
}
