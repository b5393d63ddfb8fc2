package org.genscope.made;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;

/**
 * The family of MADE's conditionals p(x_d | θ_d), θ_d = the P outputs of dimension d computed from x_&lt;d. θ is
 * B×(P·D) in parameter groups (column p·D + d, see {@link MadeNet}). Implementations hold no model state (at most
 * scratch buffers: one instance per model, not shared between threads) and compute in double.
 */
public interface ConditionalFamily {
    /** P, the parameters per dimension. */
    int paramsPerDimension();

    /**
     * Fills {@code perExample[n]} = −log p(x_n | θ_n) = −Σ_d log p(x_nd | θ_nd) in nats and returns their mean;
     * if {@code grad} (B×P·D) is not null, writes ∂(mean)/∂θ into it.
     */
    double negLogLikelihood(FMatrixRMaj theta, FMatrixRMaj x, double[] perExample, FMatrixRMaj grad);

    /** Draws x_nd ~ p(· | θ_nd) for every row n into column d of x. */
    void sample(FMatrixRMaj theta, int d, FMatrixRMaj x, Rng rng);

    /** E[x_d | θ_d] for every row and dimension into out (B×D); for Bernoulli p(x_d = 1 | x_&lt;d). */
    void mean(FMatrixRMaj theta, FMatrixRMaj out);

    /** Whether the family models binary data (then the NLL of a non-binary x is meaningless). */
    boolean binary();

    /** The family of a configuration. */
    static ConditionalFamily of(Conditional kind, int components) {
        return switch (kind) {
            case BERNOULLI -> new BernoulliFamily();
            case GAUSSIAN -> new GaussianMixtureFamily(1, false);
            case MIXTURE -> new GaussianMixtureFamily(components, true);
        };
    }
}
