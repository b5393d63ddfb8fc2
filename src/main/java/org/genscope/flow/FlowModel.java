package org.genscope.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Grid2D;
import org.genscope.nn.Mat;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;

/**
 * "A Normalizing Flow Model is a (prior, flow) pair" (nflib): a base distribution p_Z and an invertible f (a
 * {@link FlowSequence} of layers), giving the exact density by the change of variables
 *
 * <pre>  log p(x) = log p_Z(f(x)) + log|det ∂f/∂x|          (Dinh et al. 2014, eq. 1; Rezende &amp; Mohamed 2015)</pre>
 *
 * trained by maximum likelihood, and samples x = f⁻¹(z), z ~ p_Z. Built from a {@link FlowSpec}; pure math, not
 * thread-safe (use {@link #copy()} to hand a model to another thread). Evaluation runs in chunks of
 * {@value #CHUNK} rows.
 */
public final class FlowModel {
    static final int CHUNK = 8192;

    private final FlowSpec spec;
    private final int d;
    private final GaussianBase base;
    private final FlowSequence flow;
    private final List<Param> params;

    /** A new model of {@code spec} for {@code dimension} variables, weights from {@code new Rng(spec.seed())}. */
    public FlowModel(FlowSpec spec, int dimension) {
        this.spec = spec;
        this.d = dimension;
        this.base = new GaussianBase(dimension, spec.learnableBase());
        this.flow = LayerFactory.build(spec, dimension, new Rng(spec.seed()));
        List<Param> p = new ArrayList<>(flow.params());
        p.addAll(base.params());
        this.params = Collections.unmodifiableList(p);
    }

    public FlowSpec spec() {
        return spec;
    }

    public int dimension() {
        return d;
    }

    public GaussianBase base() {
        return base;
    }

    /** f as one layer. */
    public FlowSequence flow() {
        return flow;
    }

    /** The layers f_1..f_K in forward (data → base) order, as the spec lists them. */
    public List<FlowLayer> layers() {
        return flow.layers();
    }

    /** Trainable parameters: the layers', then the base's (if learnable). */
    public List<Param> params() {
        return params;
    }

    /** Non-trained state (ActNorm flags, LU permutations and signs, random permutations), saved with the model. */
    public List<Param> buffers() {
        return flow.buffers();
    }

    /** Data-dependent initialisation (ActNorm) from a batch of data; layers already initialised keep their values. */
    public void initialize(FMatrixRMaj data) {
        check(data);
        flow.initialize(data);
    }

    /** A deep copy (same spec, parameters and buffers) that another thread may own. */
    public FlowModel copy() {
        FlowModel m = new FlowModel(spec, d);
        copyValues(params, m.params);
        copyValues(buffers(), m.buffers());
        return m;
    }

    private static void copyValues(List<Param> from, List<Param> to) {
        for (int i = 0; i < from.size(); i++) System.arraycopy(from.get(i).value.data, 0, to.get(i).value.data, 0, from.get(i).size());
    }

    // ---- likelihood ----

    /** log p(x) per row, nats: log p_Z(f(x)) + log|det ∂f/∂x|. */
    public double[] logLikelihoods(FMatrixRMaj x) {
        check(x);
        double[] ll = new double[x.numRows];
        for (int from = 0; from < x.numRows; from += CHUNK) {
            int to = Math.min(x.numRows, from + CHUNK);
            Mapped m = flow.forward(from == 0 && to == x.numRows ? x : Mat.rows(x, from, to));
            double[] lp = base.logProb(m.points());
            for (int i = 0; i < lp.length; i++) ll[from + i] = lp[i] + m.logDet()[i];
        }
        return ll;
    }

    /** Mean −log p(x), nats per example. */
    public double nll(FMatrixRMaj x) {
        double s = 0;
        for (double v : logLikelihoods(x)) s += v;
        return -s / x.numRows;
    }

    /**
     * The mean negative log-likelihood L = −(1/B) Σ_n [log p_Z(z_n) + log|det|_n] of the batch, accumulating ∂L/∂θ
     * of every layer and of the base into the parameters' gradients.
     */
    public double lossAndGradients(FMatrixRMaj x) {
        check(x);
        int b = x.numRows;
        Mapped m = flow.forward(x);
        double[] lp = base.logProb(m.points());
        double loss = 0;
        for (int i = 0; i < b; i++) loss -= lp[i] + m.logDet()[i];
        // ∂L/∂log p_Z = ∂L/∂log|det| = −1/B per row
        double[] g = new double[b];
        Arrays.fill(g, -1.0 / b);
        flow.backward(base.backward(m.points(), g), g);
        return loss / b;
    }

    // ---- directions ----

    /** z = f(x) with log|det ∂z/∂x| (data → base), chunked. */
    public Mapped toBase(FMatrixRMaj x) {
        check(x);
        return chunked(x, true);
    }

    /** x = f⁻¹(z) with log|det ∂x/∂z| (base → data), chunked. */
    public Mapped toData(FMatrixRMaj z) {
        check(z);
        return chunked(z, false);
    }

    private Mapped chunked(FMatrixRMaj in, boolean forward) {
        if (in.numRows <= CHUNK) return forward ? flow.forward(in) : flow.inverse(in);
        FMatrixRMaj out = new FMatrixRMaj(in.numRows, d);
        double[] logDet = new double[in.numRows];
        for (int from = 0; from < in.numRows; from += CHUNK) {
            int to = Math.min(in.numRows, from + CHUNK);
            FMatrixRMaj part = Mat.rows(in, from, to);
            Mapped m = forward ? flow.forward(part) : flow.inverse(part);
            System.arraycopy(m.points().data, 0, out.data, from * d, (to - from) * d);
            System.arraycopy(m.logDet(), 0, logDet, from, to - from);
        }
        return new Mapped(out, logDet);
    }

    /** n samples x = f⁻¹(z), z ~ p_Z (n×D). */
    public FMatrixRMaj sample(int n, Rng rng) {
        if (n < 1) throw new IllegalArgumentException("need n ≥ 1 samples, got " + n);
        return toData(base.sample(n, rng)).points();
    }

    /** p(x) at the centres of a 2-D grid (see {@link Grid2D} for the order); D must be 2. */
    public float[] densityGrid(Grid2D grid) {
        if (d != 2) throw new IllegalStateException("a density grid needs a 2-D flow; this one has " + d + " variables");
        double[] ll = logLikelihoods(grid.centres());
        float[] p = new float[ll.length];
        for (int i = 0; i < p.length; i++) p[i] = (float) Math.exp(ll[i]);
        return p;
    }

    private void check(FMatrixRMaj x) {
        if (x.numCols != d) throw new IllegalArgumentException("data have " + x.numCols + " columns; this flow models " + d);
    }

    @Override
    public String toString() {
        return "flow on " + d + " variables, " + spec.describe();
    }
}
