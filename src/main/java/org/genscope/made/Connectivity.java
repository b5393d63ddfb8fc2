package org.genscope.made;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;

/**
 * The connectivity of one MADE mask (Germain, Gregor, Murray &amp; Larochelle 2015, §4.2), immutable: the input
 * ordering m⁰ (values 1..D; m⁰(d) is input d's position) and the connectivity integers m^l(k) of every hidden
 * unit, from which all masks follow:
 *
 * <pre>  hidden  M^l[k, j] = 1 iff m^l(k) ≥ m^{l−1}(j)      (eq. 12)
 *  output  M^V[d, k] = 1 iff m⁰(d) &gt; m^L(k)           (eq. 13)
 *  direct  A[d, j]   = 1 iff m⁰(d) &gt; m⁰(j)            (the direct input→output connections, strictly masked)</pre>
 *
 * Layers are numbered 0 = inputs, 1..L = hidden, L+1 = outputs. Masks are returned in the in×out layout of
 * {@link org.genscope.nn.MaskedLinear} (rows = units of the layer below), the transpose of the paper's.
 * With these rules output d depends on inputs of smaller m⁰ only, so Π_d p(x_d | x_&lt;d) is a normalised joint;
 * in particular the output with m⁰(d) = 1 sees nothing and is a constant.
 *
 * <p>Degrees drawn by {@link #sample} lie in {min m^{l−1}, …, D−1}, so every hidden unit has at least one input;
 * {@link #withDegree} accepts any value in 1..D−1, and the dead units such an edit may create are reported by
 * {@link #noInputs} and {@link #noOutputs}.
 */
public final class Connectivity {
    private final int[][] degrees; // [0] = m⁰, [l] = hidden layer l

    private Connectivity(int[][] degrees) {
        this.degrees = degrees;
    }

    /**
     * An exact connectivity from an ordering m⁰ (a permutation of 1..D) and the degrees of each hidden layer
     * (each in 1..D−1); used to rebuild a saved model.
     */
    public static Connectivity of(int[] ordering, int[]... hiddenDegrees) {
        int d = checkOrdering(ordering);
        int[][] deg = new int[hiddenDegrees.length + 1][];
        deg[0] = ordering.clone();
        for (int l = 0; l < hiddenDegrees.length; l++) {
            if (hiddenDegrees[l].length < 1) throw new IllegalArgumentException("hidden layer " + (l + 1) + " is empty");
            for (int m : hiddenDegrees[l]) checkHiddenDegree(d, l + 1, m);
            deg[l + 1] = hiddenDegrees[l].clone();
        }
        return new Connectivity(deg);
    }

    /**
     * Draws the hidden degrees layer by layer with {@code rule} (for {@link DegreeRule#SOFTMAX} with parameter
     * {@code l}), each in {min m^{l−1}, …, D−1}.
     *
     * @param ordering m⁰, a permutation of 1..D (see {@link Orderings})
     */
    public static Connectivity sample(int d, int[] widths, int[] ordering, DegreeRule rule, double l, Rng rng) {
        if (checkOrdering(ordering) != d) {
            throw new IllegalArgumentException("ordering has " + ordering.length + " entries for " + d + " inputs");
        }
        if (rule == DegreeRule.SOFTMAX && !Double.isFinite(l)) throw new IllegalArgumentException("softmax l must be finite: " + l);
        int[][] deg = new int[widths.length + 1][];
        deg[0] = ordering.clone();
        for (int layer = 1; layer <= widths.length; layer++) {
            if (widths[layer - 1] < 1) throw new IllegalArgumentException("hidden layer " + layer + " needs ≥ 1 unit");
            int lo = min(deg[layer - 1]);
            deg[layer] = new int[widths[layer - 1]];
            for (int k = 0; k < deg[layer].length; k++) deg[layer][k] = draw(rule, lo, d - 1, k, l, rng);
        }
        return new Connectivity(deg);
    }

    /** One degree in {lo, …, hi} by the rule. */
    private static int draw(DegreeRule rule, int lo, int hi, int k, double l, Rng rng) {
        return switch (rule) {
            case UNIFORM -> rng.nextInt(lo, hi);
            case EVEN -> lo + k % (hi - lo + 1);
            case SOFTMAX -> {
                // P(m = k) ∝ exp(l·k) = exp(l·(k − top)) / Z with top the most likely end, so nothing overflows
                int top = l >= 0 ? hi : lo;
                double z = 0;
                for (int m = lo; m <= hi; m++) z += Math.exp(l * (m - top));
                // inverse CDF: the smallest m whose cumulative weight exceeds u
                double u = rng.nextDouble() * z;
                int m = lo;
                double cumulative = Math.exp(l * (m - top));
                while (cumulative <= u && m < hi) {
                    m++;
                    cumulative += Math.exp(l * (m - top));
                }
                yield m;
            }
        };
    }

    public int inputs() {
        return degrees[0].length;
    }

    /** L, the number of hidden layers. */
    public int hiddenLayers() {
        return degrees.length - 1;
    }

    /** Units in a layer: D for 0 and L+1, the width for 1..L. */
    public int width(int layer) {
        checkLayer(layer, 0, hiddenLayers() + 1);
        return layer == hiddenLayers() + 1 ? inputs() : degrees[layer].length;
    }

    /** A copy of m^layer: layer 0 = the ordering m⁰, 1..L = hidden, L+1 = outputs (output d has m⁰(d)). */
    public int[] degrees(int layer) {
        checkLayer(layer, 0, hiddenLayers() + 1);
        return (layer == hiddenLayers() + 1 ? degrees[0] : degrees[layer]).clone();
    }

    /** A copy of the ordering m⁰ (values 1..D). */
    public int[] ordering() {
        return degrees[0].clone();
    }

    /** The inputs in the order the model generates them (0-based indices d with m⁰(d) = 1, 2, …, D). */
    public int[] sequence() {
        return Orderings.sequence(degrees[0]);
    }

    /**
     * The mask from layer {@code layer} to layer {@code layer + 1} (0 ≤ layer ≤ L), in×out; layer L gives the
     * output mask (eq. 13), the others eq. 12.
     */
    public FMatrixRMaj mask(int layer) {
        checkLayer(layer, 0, hiddenLayers());
        int[] below = degrees[layer];
        boolean output = layer == hiddenLayers();
        int[] above = output ? degrees[0] : degrees[layer + 1];
        FMatrixRMaj m = new FMatrixRMaj(below.length, above.length);
        for (int j = 0; j < below.length; j++) {
            for (int k = 0; k < above.length; k++) {
                boolean on = output ? above[k] > below[j] : above[k] >= below[j];
                m.data[j * above.length + k] = on ? 1f : 0f;
            }
        }
        return m;
    }

    /** The direct input→output mask, D×D in×out: [j, d] = 1 iff m⁰(d) &gt; m⁰(j). */
    public FMatrixRMaj directMask() {
        int[] m0 = degrees[0];
        int d = m0.length;
        FMatrixRMaj m = new FMatrixRMaj(d, d);
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) m.data[j * d + k] = m0[k] > m0[j] ? 1f : 0f;
        }
        return m;
    }

    /** Fraction of the connections from {@code layer} to {@code layer + 1} that the mask keeps. */
    public double keptFraction(int layer) {
        FMatrixRMaj m = mask(layer);
        double on = 0;
        for (int i = 0; i < m.getNumElements(); i++) on += m.data[i];
        return on / m.getNumElements();
    }

    /**
     * Units of {@code layer} (1..L+1) with no incoming connection from the layer below (not counting direct
     * connections). By design the output with m⁰(d) = 1 has none; a hidden unit with none is dead.
     */
    public boolean[] noInputs(int layer) {
        checkLayer(layer, 1, hiddenLayers() + 1);
        FMatrixRMaj m = mask(layer - 1);
        boolean[] none = new boolean[m.numCols];
        for (int k = 0; k < m.numCols; k++) {
            none[k] = true;
            for (int j = 0; j < m.numRows && none[k]; j++) none[k] = m.data[j * m.numCols + k] == 0f;
        }
        return none;
    }

    /**
     * Units of {@code layer} (0..L) with no outgoing connection to the layer above. By design the input with
     * m⁰(d) = D feeds nothing; a hidden unit with none is dead.
     */
    public boolean[] noOutputs(int layer) {
        checkLayer(layer, 0, hiddenLayers());
        FMatrixRMaj m = mask(layer);
        boolean[] none = new boolean[m.numRows];
        for (int j = 0; j < m.numRows; j++) {
            none[j] = true;
            for (int k = 0; k < m.numCols && none[j]; k++) none[j] = m.data[j * m.numCols + k] == 0f;
        }
        return none;
    }

    /**
     * The same hidden degrees with another ordering. They need no clipping: every ordering is a permutation of
     * 1..D, so min m⁰ = 1 and every hidden degree in 1..D−1 stays admissible.
     */
    public Connectivity withOrdering(int[] m0) {
        if (checkOrdering(m0) != inputs()) {
            throw new IllegalArgumentException("ordering has " + m0.length + " entries for " + inputs() + " inputs");
        }
        int[][] deg = copy();
        deg[0] = m0.clone();
        return new Connectivity(deg);
    }

    /** A copy with hidden unit {@code unit} of {@code layer} (1..L) set to degree m ∈ 1..D−1. */
    public Connectivity withDegree(int layer, int unit, int m) {
        checkLayer(layer, 1, hiddenLayers());
        if (unit < 0 || unit >= degrees[layer].length) {
            throw new IllegalArgumentException("layer " + layer + " has no unit " + unit + " (it has " + degrees[layer].length + ")");
        }
        checkHiddenDegree(inputs(), layer, m);
        int[][] deg = copy();
        deg[layer][unit] = m;
        return new Connectivity(deg);
    }

    /** Inputs that unit {@code unit} of {@code layer} (0..L+1) can see along masked paths (a unit sees itself at 0). */
    public boolean[] inputsSeenBy(int layer, int unit) {
        checkUnit(layer, unit);
        return ConnectivityPaths.inputsSeenBy(this, layer, unit);
    }

    /** Outputs that unit {@code unit} of {@code layer} (0..L+1) feeds along masked paths (not counting direct ones). */
    public boolean[] outputsFedBy(int layer, int unit) {
        checkUnit(layer, unit);
        return ConnectivityPaths.outputsFedBy(this, layer, unit);
    }

    /** reachable()[d][j]: output d sees input j along masked paths through the hidden layers. */
    public boolean[][] reachable() {
        return ConnectivityPaths.reachable(this);
    }

    private void checkUnit(int layer, int unit) {
        checkLayer(layer, 0, hiddenLayers() + 1);
        if (unit < 0 || unit >= width(layer)) throw new IllegalArgumentException("layer " + layer + " has no unit " + unit);
    }

    private int[][] copy() {
        int[][] c = new int[degrees.length][];
        for (int l = 0; l < c.length; l++) c[l] = degrees[l].clone();
        return c;
    }

    private void checkLayer(int layer, int lo, int hi) {
        if (layer < lo || layer > hi) {
            throw new IllegalArgumentException("layer must be in " + lo + ".." + hi + " (0 = inputs, " + (hiddenLayers() + 1)
                    + " = outputs), got " + layer);
        }
    }

    private static int checkOrdering(int[] m0) {
        int d = m0.length;
        if (d < 2) throw new IllegalArgumentException("MADE needs at least 2 inputs, got " + d);
        boolean[] seen = new boolean[d + 1];
        for (int v : m0) {
            if (v < 1 || v > d || seen[v]) {
                throw new IllegalArgumentException("an ordering must be a permutation of 1.." + d + "; bad or repeated value " + v);
            }
            seen[v] = true;
        }
        return d;
    }

    private static void checkHiddenDegree(int d, int layer, int m) {
        if (m < 1 || m > d - 1) {
            throw new IllegalArgumentException("hidden degrees must be in 1.." + (d - 1) + ", got " + m + " in layer " + layer);
        }
    }

    private static int min(int[] a) {
        return Arrays.stream(a).min().orElseThrow();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Connectivity c && Arrays.deepEquals(degrees, c.degrees);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(degrees);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Connectivity(D=" + inputs());
        for (int l = 1; l <= hiddenLayers(); l++) sb.append(", h").append(l).append('=').append(degrees[l].length);
        return sb.append(')').toString();
    }
}
