package org.genscope.flow;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.made.Connectivity;
import org.genscope.made.DegreeRule;
import org.genscope.made.MadeNet;
import org.genscope.made.Orderings;
import org.genscope.nn.Linear;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;

/**
 * What MAF and IAF share: a MADE ({@link MadeNet}, Germain et al. 2015) with two outputs per variable, a shift μ_i
 * and a raw log-scale α̂_i that depend only on the variables before i in the layer's ordering, and the affine map
 *
 * <pre>  u_i = (v_i − μ_i(c)) · exp(−α_i(c)),   α = B·tanh(α̂/B) ({@link SoftClamp})
 *  v_i = u_i · exp(α_i(c)) + μ_i(c)</pre>
 *
 * where the conditioner c is v for MAF and u for IAF. Whichever side c is on costs one network pass; the other
 * direction must build c one variable at a time, D passes. The MADE uses the "even" degrees of the MAF code
 * ({@link DegreeRule#EVEN}, deterministic) and a zero-initialised output layer, so a new layer is the identity.
 * Network outputs (MadeNet column p·D + i): p = 0 is μ_i, p = 1 is α̂_i. Parameters {@code <prefix>made.*}.
 */
abstract class AutoregressiveFlow implements FlowLayer {
    protected final String prefix;
    protected final int d;
    protected final MadeNet net;
    private final int[] sequence;
    private final float bound;
    private long passes;
    /** The last pass's μ and clamped α, B×D each. */
    protected float[] mu;
    protected float[] alpha;

    AutoregressiveFlow(String prefix, int d, int[] hidden, String activation, boolean reverse, double scaleBound, Rng rng) {
        if (d < 2) throw new IllegalArgumentException("an autoregressive layer needs at least 2 variables, got " + d);
        if (!(scaleBound > 0) || Double.isInfinite(scaleBound)) throw new IllegalArgumentException("scale bound must be positive and finite: " + scaleBound);
        this.prefix = prefix;
        this.d = d;
        this.bound = (float) scaleBound;
        int[] order = reverse ? Orderings.reverse(d) : Orderings.natural(d);
        Connectivity c = Connectivity.sample(d, hidden, order, DegreeRule.EVEN, 0, rng);
        net = new MadeNet(prefix + "made.", c, 2, false, activation, rng);
        List<? extends Linear> layers = net.layers();
        layers.get(layers.size() - 1).weight.value.zero();
        layers.get(layers.size() - 1).bias.value.zero();
        sequence = c.sequence();
    }

    @Override
    public int dimension() {
        return d;
    }

    /** The variables in the order the layer conditions them (0-based). */
    public int[] sequence() {
        return sequence.clone();
    }

    /** Network passes run so far (each is one forward pass of the MADE over a batch). */
    public long networkPasses() {
        return passes;
    }

    /** (μ, α) = MADE(c) into {@link #mu} and {@link #alpha}. */
    protected void shiftAndScale(FMatrixRMaj c) {
        passes++;
        FMatrixRMaj theta = net.forward(c);
        int n = c.getNumElements();
        if (mu == null || mu.length != n) {
            mu = new float[n];
            alpha = new float[n];
        }
        for (int r = 0; r < c.numRows; r++) {
            for (int i = 0; i < d; i++) {
                mu[r * d + i] = theta.data[r * 2 * d + i];
                alpha[r * d + i] = SoftClamp.apply(theta.data[r * 2 * d + d + i], bound);
            }
        }
    }

    /** u = (v − μ) e^{−α} at the element e. */
    protected float normalized(float v, int e) {
        return (v - mu[e]) * (float) Math.exp(-alpha[e]);
    }

    /** v = u e^{α} + μ at the element e. */
    protected float generated(float u, int e) {
        return u * (float) Math.exp(alpha[e]) + mu[e];
    }

    /** Σ_i α_i per row, with the given sign. */
    protected double[] sumAlpha(int rows, double sign) {
        double[] s = new double[rows];
        for (int r = 0; r < rows; r++) {
            double a = 0;
            for (int i = 0; i < d; i++) a += alpha[r * d + i];
            s[r] = sign * a;
        }
        return s;
    }

    /**
     * Builds the side the conditioner c lies on one variable at a time (D passes): at step t the variable
     * sequence[t] is set from the MADE's outputs, which by then depend only on finished variables.
     *
     * @param given     the known side
     * @param normalize true: the unknown is u = (v − μ)e^{−α} (IAF's density); false: v = u e^{α} + μ (MAF's sampling)
     */
    protected FMatrixRMaj sequential(FMatrixRMaj given, boolean normalize) {
        FMatrixRMaj out = new FMatrixRMaj(given.numRows, d);
        for (int i : sequence) {
            shiftAndScale(out);
            for (int r = 0; r < given.numRows; r++) {
                int e = r * d + i;
                out.data[e] = normalize ? normalized(given.data[e], e) : generated(given.data[e], e);
            }
        }
        return out;
    }

    /** The same, mapping every variable in one pass with the conditioner given. */
    protected FMatrixRMaj onePass(FMatrixRMaj in, FMatrixRMaj conditioner, boolean normalize) {
        shiftAndScale(conditioner);
        FMatrixRMaj out = new FMatrixRMaj(in.numRows, d);
        for (int e = 0; e < out.getNumElements(); e++) out.data[e] = normalize ? normalized(in.data[e], e) : generated(in.data[e], e);
        return out;
    }

    /**
     * ∂L/∂(μ, α̂) of u = (v − μ) e^{−α}, log|det ∂u/∂v| = −Σ α, given δ = ∂L/∂u and ∂L/∂log|det|:
     * ∂/∂μ = −δ e^{−α},  ∂/∂α = −δ u − ∂L/∂logdet,  ∂/∂α̂ = ∂/∂α · (1 − (α/B)²). Layout as the MADE's outputs.
     */
    protected FMatrixRMaj outputGradient(FMatrixRMaj delta, FMatrixRMaj u, double[] gradLogDet) {
        FMatrixRMaj g = new FMatrixRMaj(delta.numRows, 2 * d);
        for (int r = 0; r < delta.numRows; r++) {
            for (int i = 0; i < d; i++) {
                int e = r * d + i;
                g.data[r * 2 * d + i] = -delta.data[e] * (float) Math.exp(-alpha[e]);
                float ga = (float) (-delta.data[e] * u.data[e] - gradLogDet[r]);
                g.data[r * 2 * d + d + i] = ga * SoftClamp.derivative(alpha[e], bound);
            }
        }
        return g;
    }

    /** δ e^{−α}: the gradient through v of u = (v − μ) e^{−α} with μ, α held fixed. */
    protected FMatrixRMaj throughShift(FMatrixRMaj delta) {
        FMatrixRMaj g = new FMatrixRMaj(delta.numRows, d);
        for (int e = 0; e < g.getNumElements(); e++) g.data[e] = delta.data[e] * (float) Math.exp(-alpha[e]);
        return g;
    }

    @Override
    public List<Param> params() {
        return net.params();
    }

    protected String order() {
        return sequence[0] == 0 ? "natural order" : "reversed order";
    }
}
