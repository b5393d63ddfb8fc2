package org.genscope.flow;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Param;

/**
 * Glow's activation normalisation (Kingma &amp; Dhariwal 2018, §3.1, Table 1): a per-variable affine map
 * z = x ∘ exp(s) + b, log|det| = Σ_j s_j, whose parameters are initialised from data so that the first batch
 * leaves the layer with zero mean and unit variance per variable:
 *
 * <pre>  s_j = −log(σ_j + ε),   b_j = −μ_j · exp(s_j)     (μ, σ of the batch reaching this layer; ε = 1e-6)</pre>
 *
 * after which both are ordinary trainable parameters. The buffer {@code <prefix>initialized} (1×1, 0 or 1) records
 * that the initialisation happened, so a saved and reloaded layer is not initialised again.
 */
final class ActNorm extends DiagonalScaling {
    private final Param initialized;

    ActNorm(String prefix, int d) {
        super(prefix, d, true);
        initialized = new Param(prefix + "initialized", 1, 1);
    }

    boolean isInitialized() {
        return initialized.value.data[0] != 0f;
    }

    @Override
    public void initialize(FMatrixRMaj x) {
        if (isInitialized() || x.numRows < 2) return;
        int d = dimension();
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < x.numRows; i++) mean += x.data[i * d + j];
            mean /= x.numRows;
            double var = 0;
            for (int i = 0; i < x.numRows; i++) {
                double c = x.data[i * d + j] - mean;
                var += c * c;
            }
            double s = -Math.log(Math.sqrt(var / x.numRows) + 1e-6);
            logScale.value.data[j] = (float) s;
            bias.value.data[j] = (float) (-mean * Math.exp(s));
        }
        initialized.value.data[0] = 1f;
    }

    @Override
    public List<Param> buffers() {
        return List.of(initialized);
    }

    @Override
    public String describe() {
        return prefix + "ActNorm (Glow)" + (isInitialized() ? "" : ", not yet initialised from data");
    }
}
