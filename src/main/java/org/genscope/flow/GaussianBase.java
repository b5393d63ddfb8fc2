package org.genscope.flow;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;

/**
 * The base distribution p_Z of a flow: the standard normal N(0, I), or optionally a learnable diagonal Gaussian
 * N(μ, diag(σ²)) with parameters {@code base.mean} and {@code base.log_std} (1×D each, starting at N(0, I)).
 *
 * <pre>  log p_Z(z) = Σ_j [ −½ ((z_j − μ_j) e^{−ℓ_j})² − ℓ_j − ½ log 2π ],   ℓ = log σ</pre>
 */
public final class GaussianBase {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private final int d;
    private final boolean learnable;
    private final Param mean;
    private final Param logStd;

    public GaussianBase(int d, boolean learnable) {
        if (d < 1) throw new IllegalArgumentException("need at least 1 variable, got " + d);
        this.d = d;
        this.learnable = learnable;
        mean = new Param("base.mean", 1, d);
        logStd = new Param("base.log_std", 1, d);
    }

    public int dimension() {
        return d;
    }

    public boolean learnable() {
        return learnable;
    }

    /** μ (copy). */
    public float[] mean() {
        return mean.value.data.clone();
    }

    /** log σ (copy). */
    public float[] logStd() {
        return logStd.value.data.clone();
    }

    /** log p_Z(z) per row, nats. */
    public double[] logProb(FMatrixRMaj z) {
        Columns.check(z, d, "base distribution");
        double[] lp = new double[z.numRows];
        for (int i = 0; i < z.numRows; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double u = (z.data[i * d + j] - mean.value.data[j]) * Math.exp(-logStd.value.data[j]);
                s += -0.5 * u * u - logStd.value.data[j] - HALF_LOG_2PI;
            }
            lp[i] = s;
        }
        return lp;
    }

    /**
     * Given ∂L/∂log p_Z per row, accumulates ∂L/∂μ and ∂L/∂ℓ (if learnable) and returns ∂L/∂z:
     * ∂log p/∂z_j = −(z_j − μ_j)e^{−2ℓ_j},  ∂/∂μ_j = −∂/∂z_j,  ∂/∂ℓ_j = ((z_j − μ_j)e^{−ℓ_j})² − 1.
     */
    public FMatrixRMaj backward(FMatrixRMaj z, double[] gradLogProb) {
        FMatrixRMaj gz = new FMatrixRMaj(z.numRows, d);
        for (int j = 0; j < d; j++) {
            double inv = Math.exp(-logStd.value.data[j]);
            double gm = 0;
            double gl = 0;
            for (int i = 0; i < z.numRows; i++) {
                double u = (z.data[i * d + j] - mean.value.data[j]) * inv;
                double g = gradLogProb[i];
                gz.data[i * d + j] = (float) (-g * u * inv);
                gm += g * u * inv;
                gl += g * (u * u - 1);
            }
            if (learnable) {
                mean.grad.data[j] += (float) gm;
                logStd.grad.data[j] += (float) gl;
            }
        }
        return gz;
    }

    /** n draws z = μ + σ ∘ ε, ε ~ N(0, I). */
    public FMatrixRMaj sample(int n, Rng rng) {
        FMatrixRMaj z = new FMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z.data[i * d + j] = (float) (mean.value.data[j] + Math.exp(logStd.value.data[j]) * rng.nextGaussian());
            }
        }
        return z;
    }

    /** μ and log σ when learnable, else none. */
    public List<Param> params() {
        return learnable ? List.of(mean, logStd) : List.of();
    }

    public String describe() {
        return learnable ? "learnable diagonal Gaussian" : "standard normal";
    }
}
