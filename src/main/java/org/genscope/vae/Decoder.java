package org.genscope.vae;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.BernoulliLogitsLoss;
import org.genscope.nn.Elementwise;
import org.genscope.nn.GaussianDiagLoss;
import org.genscope.nn.Mat;
import org.genscope.nn.Mlp;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;
import org.genscope.nn.Sequential;
import org.genscope.nn.SplitHalves;

/**
 * The generative model p_θ(x|z) (Kingma &amp; Welling 2014, appendix C): an MLP from z to the parameters θ of the
 * observation model, and that model's negative log-likelihood with its gradient in θ:
 *
 * <pre>  Bernoulli (C.1): θ = logits l,   −log p(x|z) = Σ_d softplus(l_d) − x_d l_d          ({@link BernoulliLogitsLoss})
 *  Gaussian (C.2):  θ = [μ | log σ²], −log p(x|z) = ½ Σ_d log 2π + v_d + (x_d − μ_d)² e^{−v_d}   ({@link GaussianDiagLoss})</pre>
 *
 * Parameters {@code decoder.hidden<l>.weight/bias}, {@code decoder.output.weight/bias}; for the Gaussian, output
 * columns 0..D−1 are μ and D..2D−1 log σ². Buffers are reused while the batch size stays the same.
 */
final class Decoder {
    private final DecoderKind kind;
    private final int d;
    private final Sequential net;
    private final BernoulliLogitsLoss bernoulli = new BernoulliLogitsLoss();
    private final GaussianDiagLoss gaussian = new GaussianDiagLoss();
    private final SplitHalves split = new SplitHalves();
    private FMatrixRMaj grad;

    Decoder(VaeConfig c, Rng rng) {
        this.kind = c.decoder();
        this.d = c.inputs();
        net = Mlp.of("decoder.", c.latent(), c.decoderHidden(), c.decoderActivation(), kind.paramsPerDimension * d, rng);
    }

    /** θ for a batch of codes z (R×L): R×(P·D), reused by the next call. */
    FMatrixRMaj forward(FMatrixRMaj z) {
        return net.forward(z);
    }

    /**
     * The mean over rows of −log p(x_r | θ_r) for the θ of {@link #forward}; −log p of each row into
     * {@code perRow} (length ≥ R), and ∂mean/∂θ into {@link #gradient()}.
     */
    double negLogLikelihood(FMatrixRMaj theta, FMatrixRMaj x, double[] perRow) {
        if (x.numCols != d || theta.numRows != x.numRows) {
            throw new IllegalArgumentException("the data are " + x.numRows + "×" + x.numCols + "; this decoder models " + d
                    + " dimensions for " + theta.numRows + " codes");
        }
        if (kind == DecoderKind.BERNOULLI) {
            grad = Mat.reuse(grad, theta.numRows, theta.numCols);
            return bernoulli.forward(theta, x, perRow, grad);
        }
        split.forward(theta);
        double mean = gaussian.forward(x, split.first(), split.second());
        System.arraycopy(gaussian.perExample(), 0, perRow, 0, x.numRows);
        grad = split.backward(gaussian.gradMean(), gaussian.gradLogVar());
        return mean;
    }

    /** ∂(mean −log p)/∂θ of the last {@link #negLogLikelihood} (R×P·D). */
    FMatrixRMaj gradient() {
        return grad;
    }

    /** Accumulates the parameters' gradients from ∂L/∂θ; returns ∂L/∂z (R×L, reused). */
    FMatrixRMaj backward(FMatrixRMaj gradTheta) {
        return net.backward(gradTheta);
    }

    /** E[x | z] for the θ of {@link #forward}: σ(l) (Bernoulli) or μ (Gaussian), into {@code into} (R×D). */
    void mean(FMatrixRMaj theta, FMatrixRMaj into) {
        int rows = theta.numRows;
        if (kind == DecoderKind.BERNOULLI) {
            Elementwise.get().sigmoid(theta.data, into.data, rows * d);
            return;
        }
        int w = theta.numCols;
        for (int r = 0; r < rows; r++) System.arraycopy(theta.data, r * w, into.data, r * d, d);
    }

    /** A draw x ~ p(x | θ) per row of the θ of {@link #forward}, into {@code into} (R×D). */
    void sample(FMatrixRMaj theta, Rng rng, FMatrixRMaj into) {
        mean(theta, into);
        int rows = theta.numRows;
        if (kind == DecoderKind.BERNOULLI) {
            for (int i = 0; i < rows * d; i++) into.data[i] = rng.nextFloat() < into.data[i] ? 1f : 0f;
            return;
        }
        int w = theta.numCols;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < d; j++) {
                // x = μ + e^{v/2} ε
                into.data[r * d + j] += (float) (Math.exp(0.5 * theta.data[r * w + d + j]) * rng.nextGaussian());
            }
        }
    }

    DecoderKind kind() {
        return kind;
    }

    List<Param> params() {
        return net.params();
    }
}
