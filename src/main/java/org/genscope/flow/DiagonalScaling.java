package org.genscope.flow;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Param;

/**
 * NICE's final diagonal scaling (Dinh et al. 2014, §3.3): z = x ∘ exp(s) (+ b in {@link ActNorm}), one learned
 * log-scale per variable, so log|det ∂z/∂x| = Σ_j s_j, the same for every point. It lets the volume-preserving
 * additive couplings of NICE change volume at all.
 *
 * <pre>  z = x ∘ exp(s) + b,   x = (z − b) ∘ exp(−s),   log|det| = Σ_j s_j</pre>
 */
class DiagonalScaling implements FlowLayer {
    protected final String prefix;
    protected final Param logScale;
    protected final Param bias;          // null for NICE's scaling
    private final int d;
    private final List<Param> params;
    private FMatrixRMaj x;

    DiagonalScaling(String prefix, int d) {
        this(prefix, d, false);
    }

    protected DiagonalScaling(String prefix, int d, boolean withBias) {
        if (d < 1) throw new IllegalArgumentException("need at least 1 variable, got " + d);
        this.prefix = prefix;
        this.d = d;
        logScale = new Param(prefix + "log_scale", 1, d);
        bias = withBias ? new Param(prefix + "bias", 1, d) : null;
        params = withBias ? List.of(logScale, bias) : List.of(logScale);
    }

    @Override
    public int dimension() {
        return d;
    }

    private float b(int j) {
        return bias == null ? 0f : bias.value.data[j];
    }

    private double sumLogScale() {
        double s = 0;
        for (int j = 0; j < d; j++) s += logScale.value.data[j];
        return s;
    }

    @Override
    public Mapped forward(FMatrixRMaj in) {
        Columns.check(in, d, describe());
        x = in;
        FMatrixRMaj z = new FMatrixRMaj(in.numRows, d);
        for (int j = 0; j < d; j++) {
            // z = x e^s + b
            float e = (float) Math.exp(logScale.value.data[j]);
            float bj = b(j);
            for (int i = 0; i < in.numRows; i++) z.data[i * d + j] = in.data[i * d + j] * e + bj;
        }
        double[] logDet = new double[in.numRows];
        java.util.Arrays.fill(logDet, sumLogScale());
        return new Mapped(z, logDet);
    }

    @Override
    public Mapped inverse(FMatrixRMaj z) {
        Columns.check(z, d, describe());
        x = null;
        FMatrixRMaj out = new FMatrixRMaj(z.numRows, d);
        for (int j = 0; j < d; j++) {
            // x = (z − b) e^{−s}
            float e = (float) Math.exp(-logScale.value.data[j]);
            float bj = b(j);
            for (int i = 0; i < z.numRows; i++) out.data[i * d + j] = (z.data[i * d + j] - bj) * e;
        }
        double[] logDet = new double[z.numRows];
        java.util.Arrays.fill(logDet, -sumLogScale());
        return new Mapped(out, logDet);
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj gz, double[] gradLogDet) {
        if (x == null) throw new IllegalStateException(describe() + ": backward without a preceding forward");
        double gl = 0;
        for (double g : gradLogDet) gl += g;
        FMatrixRMaj gx = new FMatrixRMaj(gz.numRows, d);
        for (int j = 0; j < d; j++) {
            float e = (float) Math.exp(logScale.value.data[j]);
            double gs = gl;          // ∂/∂s_j = Σ_n g_nj x_nj e^{s_j} + Σ_n ∂L/∂logdet_n
            double gb = 0;           // ∂/∂b_j = Σ_n g_nj
            for (int i = 0; i < gz.numRows; i++) {
                float g = gz.data[i * d + j];
                gx.data[i * d + j] = g * e;          // ∂/∂x = g e^s
                gs += (double) g * x.data[i * d + j] * e;
                gb += g;
            }
            logScale.grad.data[j] += (float) gs;
            if (bias != null) bias.grad.data[j] += (float) gb;
        }
        return gx;
    }

    @Override
    public List<Param> params() {
        return params;
    }

    @Override
    public String describe() {
        return prefix + "diagonal scaling (NICE)";
    }
}
