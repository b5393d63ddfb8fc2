package org.genscope.made;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Grid2D;
import org.genscope.nn.LogSumExp;
import org.genscope.nn.Mat;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;

/**
 * MADE: Masked Autoencoder for Distribution Estimation (Germain, Gregor, Murray &amp; Larochelle, ICML 2015).
 * A {@link MadeNet} whose outputs parametrise the conditionals of an autoregressive factorisation
 *
 * <pre>  p(x) = Π_d p(x_d | x_{m⁰(j) &lt; m⁰(d)})      (eq. 1; each factor from a {@link ConditionalFamily})</pre>
 *
 * with a set of K masks ({@link Connectivity}, §4.2): training cycles through them, one per update
 * (connectivity- and optionally order-agnostic training, §4.3), and evaluation can average the probabilities of
 * several masks, log p(x) = log (1/K Σ_k p_k(x)) (§4.3, "ensemble"). Pure math: no threads; not thread-safe.
 */
public final class Made {
    /** Evaluation processes at most this many examples at a time. */
    static final int CHUNK = 1000;

    private final MadeConfig config;
    private final ConditionalFamily family;
    private final MadeNet net;
    private final List<Connectivity> masks;
    private final List<Param> buffers;
    private int current;
    private FMatrixRMaj grad;
    private double[] perExample = new double[0];

    /** A new model seeded by {@code config.seed()}. */
    public Made(MadeConfig config) {
        this(config, new Rng(config.seed()));
    }

    /** A new model: K masks from one split of {@code rng}, the weights from another. */
    public Made(MadeConfig config, Rng rng) {
        this(config, sampleMasks(config, rng.split()), rng.split());
    }

    /** A model with the given masks (e.g. read from a file); the weights are initialised from {@code rng}. */
    public Made(MadeConfig config, List<Connectivity> masks, Rng rng) {
        if (masks.size() != config.numMasks()) {
            throw new IllegalArgumentException(masks.size() + " masks given, the configuration has " + config.numMasks());
        }
        this.config = config;
        this.family = ConditionalFamily.of(config.conditional(), config.components());
        this.masks = new ArrayList<>(masks);
        this.buffers = MaskBuffers.create(config);
        this.net = new MadeNet(masks.get(0), family.paramsPerDimension(), config.directConnections(), config.activation(), rng);
        for (int k = 0; k < masks.size(); k++) {
            net.setConnectivity(masks.get(k));                         // checks that every mask fits
            MaskBuffers.write(k, masks.get(k), buffers);
        }
        useMask(0);
    }

    /**
     * The K masks of a configuration: mask 0 uses the configured ordering; with order-agnostic training masks
     * 1..K−1 get random orderings; every mask draws its own hidden degrees.
     */
    public static List<Connectivity> sampleMasks(MadeConfig c, Rng rng) {
        return sampleMasks(c.inputs(), c.hidden(), c.ordering(), c.customOrder(), c.rule(), c.softmaxL(), c.numMasks(),
                c.orderAgnostic(), rng);
    }

    private static List<Connectivity> sampleMasks(int d, int[] hidden, OrderingKind ordering, int[] customOrder,
                                                  DegreeRule rule, double l, int count, boolean orderAgnostic, Rng rng) {
        int[] base = switch (ordering) {
            case NATURAL -> Orderings.natural(d);
            case RANDOM -> Orderings.random(d, rng);
            case CUSTOM -> customOrder;
        };
        List<Connectivity> list = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int[] m0 = orderAgnostic && k > 0 ? Orderings.random(d, rng) : base;
            list.add(Connectivity.sample(d, hidden, m0, rule, l, rng));
        }
        return list;
    }

    /**
     * Mask 0 of a new model seeded by {@code seed} ({@link #Made(MadeConfig)}) with these network settings, without
     * the rest of a configuration: the one way the app's mask builder and {@code genscope train made} draw a network
     * from a seed (mask 0 does not depend on the number of masks or on order-agnostic training).
     */
    public static Connectivity firstMask(int d, int[] hidden, OrderingKind ordering, int[] customOrder, DegreeRule rule,
                                         double l, long seed) {
        return sampleMasks(d, hidden, ordering, customOrder, rule, l, 1, false, new Rng(seed).split()).get(0);
    }

    /** {@link #firstMask} of a configuration. */
    public static Connectivity firstMask(MadeConfig c) {
        return firstMask(c.inputs(), c.hidden(), c.ordering(), c.customOrder(), c.rule(), c.softmaxL(), c.seed());
    }

    /**
     * A new model seeded by {@code config.seed()} whose mask 0 is {@code mask0} (e.g. edited by hand): masks 1..K−1
     * and the weights are those of {@link #Made(MadeConfig)}, which this equals when {@code mask0} is
     * {@link #firstMask}.
     */
    public static Made withFirstMask(MadeConfig config, Connectivity mask0) {
        Rng rng = new Rng(config.seed());
        List<Connectivity> masks = sampleMasks(config, rng.split());
        masks.set(0, mask0);
        return new Made(config, masks, rng.split());
    }

    /**
     * An independent model with the same configuration, masks and parameter values, on mask 0 (a snapshot another
     * thread may own, e.g. to evaluate while this one trains).
     */
    public Made copy() {
        Made c = new Made(config, masks, new Rng(0));
        List<Param> from = params();
        List<Param> to = c.params();
        for (int i = 0; i < from.size(); i++) System.arraycopy(from.get(i).value.data, 0, to.get(i).value.data, 0, from.get(i).size());
        return c;
    }

    public MadeConfig config() {
        return config;
    }

    public ConditionalFamily family() {
        return family;
    }

    /** The masked network (its layers, for views of weights and masks). */
    public MadeNet network() {
        return net;
    }

    public List<Param> params() {
        return net.params();
    }

    /**
     * The masks as non-trained buffers for model files and checkpoints ({@code made.ordering} [K, D],
     * {@code made.degrees<l>} [K, H_l]); kept in step with {@link #setConnectivity}. After values were loaded
     * into them, {@link #reloadMasks} rebuilds the masks.
     */
    public List<Param> buffers() {
        return buffers;
    }

    /** Rebuilds the masks from {@link #buffers()} if they were changed there (e.g. by restoring a checkpoint). */
    public void reloadMasks() {
        boolean changed = false;
        for (int k = 0; k < masks.size(); k++) {
            Connectivity c = MaskBuffers.read(k, buffers);
            if (!c.equals(masks.get(k))) {
                net.setConnectivity(c);                                 // checks that it fits
                masks.set(k, c);
                changed = true;
            }
        }
        if (changed) net.setConnectivity(masks.get(current));
    }

    public int inputs() {
        return config.inputs();
    }

    // ---- masks ----

    /** The K masks (immutable connectivities). */
    public List<Connectivity> masks() {
        return List.copyOf(masks);
    }

    public int numMasks() {
        return masks.size();
    }

    /** Index of the mask in use. */
    public int maskIndex() {
        return current;
    }

    /** Switches to mask k of the set (0 ≤ k &lt; K). */
    public void useMask(int k) {
        if (k < 0 || k >= masks.size()) throw new IllegalArgumentException("mask " + k + " of " + masks.size());
        if (net.connectivity() != masks.get(k)) net.setConnectivity(masks.get(k));
        current = k;
    }

    /** The connectivity in use. */
    public Connectivity connectivity() {
        return masks.get(current);
    }

    /** Replaces the mask in use (e.g. after an edit in the app); it must fit the network's sizes. */
    public void setConnectivity(Connectivity c) {
        net.setConnectivity(c);
        masks.set(current, c);
        MaskBuffers.write(current, c, buffers);
    }

    // ---- likelihood ----

    /** The mean −log p(x) of the batch under the current mask, accumulating ∂/∂θ into the parameters' gradients. */
    public double lossAndGradients(FMatrixRMaj x) {
        checkColumns(x);
        net.setInputGradient(false);
        FMatrixRMaj theta = net.forward(x);
        grad = Mat.reuse(grad, theta.numRows, theta.numCols);
        if (perExample.length != x.numRows) perExample = new double[x.numRows];
        double loss = family.negLogLikelihood(theta, x, perExample, grad);
        net.backward(grad);
        return loss;
    }

    /** log p(x_n) in nats for every row under the current mask. */
    public double[] logLikelihoods(FMatrixRMaj x) {
        checkColumns(x);
        double[] ll = new double[x.numRows];
        for (int from = 0; from < x.numRows; from += CHUNK) {
            FMatrixRMaj part = Mat.rows(x, from, Math.min(x.numRows, from + CHUNK));
            double[] nll = new double[part.numRows];
            family.negLogLikelihood(net.forward(part), part, nll, null);
            for (int i = 0; i < nll.length; i++) ll[from + i] = -nll[i];
        }
        return ll;
    }

    /** Mean −log p(x) in nats per example under the current mask. */
    public double nll(FMatrixRMaj x) {
        return -mean(logLikelihoods(x));
    }

    /**
     * log p(x_n) of the ensemble of the first {@code count} masks, which averages probabilities:
     * log (1/K Σ_k p_k(x)) = logsumexp_k log p_k(x) − log K. The mask in use is restored afterwards.
     */
    public double[] ensembleLogLikelihoods(FMatrixRMaj x, int count) {
        if (count < 1 || count > masks.size()) {
            throw new IllegalArgumentException("an ensemble needs 1.." + masks.size() + " masks, got " + count);
        }
        int saved = current;
        double[][] perMask = new double[count][];
        try {
            for (int k = 0; k < count; k++) {
                useMask(k);
                perMask[k] = logLikelihoods(x);
            }
        } finally {
            useMask(saved);
        }
        double[] ll = new double[x.numRows];
        double[] column = new double[count];
        for (int n = 0; n < ll.length; n++) {
            for (int k = 0; k < count; k++) column[k] = perMask[k][n];
            ll[n] = LogSumExp.of(column) - Math.log(count);
        }
        return ll;
    }

    /** Mean −log p(x) of the ensemble of the first {@code count} masks, nats per example. */
    public double ensembleNll(FMatrixRMaj x, int count) {
        return -mean(ensembleLogLikelihoods(x, count));
    }

    /** E[x_d | x_&lt;d] for every row and d (B×D, row-major); for Bernoulli, p(x_d = 1 | x_&lt;d). */
    public float[] conditionals(FMatrixRMaj x) {
        checkColumns(x);
        float[] out = new float[x.numRows * inputs()];
        for (int from = 0; from < x.numRows; from += CHUNK) {
            FMatrixRMaj part = Mat.rows(x, from, Math.min(x.numRows, from + CHUNK));
            FMatrixRMaj m = new FMatrixRMaj(part.numRows, inputs());
            family.mean(net.forward(part), m);
            System.arraycopy(m.data, 0, out, from * inputs(), m.getNumElements());
        }
        return out;
    }

    // ---- sampling and inspection ----

    /**
     * n samples (n×D, row-major) by ancestral sampling in the order of the current mask, each dimension from the
     * conditional the network gives it (computed incrementally, see {@link AncestralSampler}).
     */
    public float[] sample(int n, Rng rng) {
        if (n < 1) throw new IllegalArgumentException("need n ≥ 1 samples, got " + n);
        // x_{s(t)} ~ p(· | x_{s(1)}, …, x_{s(t−1)}) for t = 1..D, s = the sequence of the ordering
        return AncestralSampler.sample(net, family, n, rng);
    }

    /**
     * dependencies()[d][j]: output d of the network (any of its P parameters) changes with input j, measured from
     * the network's derivatives at three random points (see {@link MadeNet#dependencies}); for the mask in use.
     */
    public boolean[][] dependencies() {
        return net.dependencies(3, new Rng(0x5EED));
    }

    /**
     * How many (output d, input j) pairs of {@link #dependencies()} break the ordering (output d depends on an
     * input j with m⁰(j) ≥ m⁰(d)); 0 for a correct MADE. Measured from the network, so a UI can state PASS/FAIL.
     */
    public int orderingViolations() {
        boolean[][] dep = dependencies();
        int[] m0 = connectivity().ordering();
        int bad = 0;
        for (int d = 0; d < dep.length; d++) {
            for (int j = 0; j < dep.length; j++) if (dep[d][j] && m0[j] >= m0[d]) bad++;
        }
        return bad;
    }

    /** The model's density p(x, y) for D = 2 continuous data at the centres of a grid ({@link Grid2D} order). */
    public float[] densityGrid(Grid2D grid) {
        if (inputs() != 2 || family.binary()) throw new IllegalStateException("a density grid needs a 2-D continuous MADE");
        double[] ll = logLikelihoods(grid.centres());
        float[] p = new float[ll.length];
        for (int i = 0; i < p.length; i++) p[i] = (float) Math.exp(ll[i]);
        return p;
    }

    private void checkColumns(FMatrixRMaj x) {
        if (x.numCols != inputs()) throw new IllegalArgumentException("data has " + x.numCols + " columns; this MADE models " + inputs());
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s / a.length;
    }
}
