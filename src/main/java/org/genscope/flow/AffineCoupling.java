package org.genscope.flow;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;

/**
 * RealNVP's affine coupling layer (Dinh, Sohl-Dickstein &amp; Bengio 2016, eq. 7-8), with the log-scale bounded by
 * a soft clamp ({@link SoftClamp}, s = B·tanh(ŝ/B)) so exp(s) stays finite:
 *
 * <pre>  (ŝ, t) = NN(x_a),  s = B·tanh(ŝ/B)
 *  z_a = x_a,  z_b = x_b ∘ exp(s) + t,       log|det ∂z/∂x| = Σ_b s_b
 *  x_b = (z_b − t) ∘ exp(−s)                  (inverse, one pass: s and t depend on x_a = z_a only)</pre>
 *
 * Network outputs: columns 0..T−1 are ŝ, T..2T−1 are t, for the T transformed variables in order.
 */
final class AffineCoupling extends Coupling {
    private final float bound;
    private final String prefix;
    private FMatrixRMaj xb;
    private float[] s;
    private float[] scale;

    AffineCoupling(String prefix, int d, int parity, int[] hidden, String activation, double scaleBound, Rng rng) {
        super(prefix, d, parity, hidden, activation, 2, rng);
        if (!(scaleBound > 0) || Double.isInfinite(scaleBound)) throw new IllegalArgumentException("scale bound must be positive and finite: " + scaleBound);
        this.bound = (float) scaleBound;
        this.prefix = prefix;
    }

    @Override
    protected void couple(FMatrixRMaj x, FMatrixRMaj theta, FMatrixRMaj z, double[] logDet) {
        int t = x.numCols;
        xb = x;
        s = new float[x.getNumElements()];
        scale = new float[s.length];
        for (int i = 0; i < x.numRows; i++) {
            double sum = 0;
            for (int k = 0; k < t; k++) {
                int e = i * t + k;
                // s = B tanh(ŝ/B);  z_b = x_b e^s + t
                s[e] = SoftClamp.apply(theta.data[i * 2 * t + k], bound);
                scale[e] = (float) Math.exp(s[e]);
                z.data[e] = x.data[e] * scale[e] + theta.data[i * 2 * t + t + k];
                sum += s[e];
            }
            logDet[i] += sum;
        }
    }

    @Override
    protected void uncouple(FMatrixRMaj z, FMatrixRMaj theta, FMatrixRMaj x, double[] logDet) {
        int t = z.numCols;
        for (int i = 0; i < z.numRows; i++) {
            double sum = 0;
            for (int k = 0; k < t; k++) {
                int e = i * t + k;
                // x_b = (z_b − t) e^{−s}
                float sk = SoftClamp.apply(theta.data[i * 2 * t + k], bound);
                x.data[e] = (z.data[e] - theta.data[i * 2 * t + t + k]) * (float) Math.exp(-sk);
                sum += sk;
            }
            logDet[i] -= sum;
        }
    }

    @Override
    protected void coupleBackward(FMatrixRMaj gz, double[] gradLogDet, FMatrixRMaj gx, FMatrixRMaj gTheta) {
        int t = gz.numCols;
        for (int i = 0; i < gz.numRows; i++) {
            for (int k = 0; k < t; k++) {
                int e = i * t + k;
                float g = gz.data[e];
                // ∂/∂x_b = g e^s;  ∂/∂t = g;  ∂/∂s = g x_b e^s + ∂L/∂logdet;  ∂/∂ŝ = ∂/∂s · (1 − (s/B)²)
                gx.data[e] = g * scale[e];
                gTheta.data[i * 2 * t + t + k] = g;
                float gs = (float) (g * xb.data[e] * scale[e] + gradLogDet[i]);
                gTheta.data[i * 2 * t + k] = gs * SoftClamp.derivative(s[e], bound);
            }
        }
    }

    @Override
    public String describe() {
        return prefix + "affine coupling (RealNVP), " + split();
    }
}
