package org.genscope.vae;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Mlp;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;
import org.genscope.nn.Sequential;
import org.genscope.nn.SplitHalves;

/**
 * The recognition model q_φ(z|x) = N(z; μ(x), diag σ²(x)) (Kingma &amp; Welling 2014, appendix C.2): an MLP whose
 * 2L outputs are split into the mean and the log-variance,
 *
 * <pre>  [μ | log σ²] = MLP_φ(x)</pre>
 *
 * Parameters {@code encoder.hidden<l>.weight/bias} and {@code encoder.output.weight/bias}; output columns 0..L−1
 * are μ, L..2L−1 log σ². The data need no gradient, so the first layer skips it. Buffers are reused.
 */
final class Encoder {
    private final Sequential net;
    private final SplitHalves split = new SplitHalves();

    Encoder(VaeConfig c, Rng rng) {
        net = Mlp.of("encoder.", c.inputs(), c.encoderHidden(), c.encoderActivation(), 2 * c.latent(), rng);
        Mlp.first(net).setInputGradient(false);
    }

    /** Runs x (B×D) through the network; then {@link #mean()} and {@link #logVar()} hold q's parameters. */
    void forward(FMatrixRMaj x) {
        split.forward(net.forward(x));
    }

    /** μ(x) of the last forward pass (B×L, reused). */
    FMatrixRMaj mean() {
        return split.first();
    }

    /** log σ²(x) of the last forward pass (B×L, reused). */
    FMatrixRMaj logVar() {
        return split.second();
    }

    /** Accumulates the parameters' gradients from ∂L/∂μ and ∂L/∂log σ² of the last forward pass. */
    void backward(FMatrixRMaj gradMean, FMatrixRMaj gradLogVar) {
        net.backward(split.backward(gradMean, gradLogVar));
    }

    List<Param> params() {
        return net.params();
    }
}
