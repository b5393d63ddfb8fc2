package org.genscope.made;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Activations;
import org.genscope.nn.MaskedLinear;
import org.genscope.nn.Mat;
import org.genscope.nn.Module;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;

/**
 * The masked network of MADE (Germain et al. 2015, eq. 10-13) with P outputs per input dimension, the reusable
 * autoregressive block: MADE's conditionals, and the shift/scale networks of MAF and IAF (Papamakarios et al. 2017,
 * Kingma et al. 2016) are all this network.
 *
 * <pre>  h⁰ = x,   h^l = g(h^{l−1}·(W^l∘M^l) + b^l),   θ = h^L·(V∘M^V) + c  [+ x·(A∘M^A)]</pre>
 *
 * The output θ is B×(P·D) in parameter groups: column {@code p·D + d} is parameter p of dimension d, and the
 * output and direct masks are the connectivity's masks repeated once per group, so every parameter of dimension d
 * depends on the inputs before d in the ordering only. Parameters: {@code hidden<l>.weight/bias} (l = 1..L),
 * {@code output.weight/bias} and, with direct connections, {@code direct.weight} (no bias: the output's serves).
 */
public final class MadeNet implements Module {
    private final int d;
    private final int groups;
    private final MaskedLinear[] layers;     // hidden layers, then the output layer
    private final Module[] activations;
    private final MaskedLinear direct;       // or null
    private final String activationName;
    private final List<Param> params;
    private Connectivity connectivity;
    private boolean inputGradient = true;
    private FMatrixRMaj sum;
    private FMatrixRMaj dx;

    /**
     * @param c          the first connectivity (fixes D and the widths)
     * @param groups     P, outputs per dimension
     * @param activation one of {@link Activations#NAMES}
     */
    public MadeNet(Connectivity c, int groups, boolean directConnections, String activation, Rng rng) {
        this("", c, groups, directConnections, activation, rng);
    }

    /**
     * The same network with every parameter name prefixed (e.g. {@code "layer3."}), so several networks can live
     * in one model (a stack of MAF layers) with unique parameter names.
     */
    public MadeNet(String prefix, Connectivity c, int groups, boolean directConnections, String activation, Rng rng) {
        if (groups < 1) throw new IllegalArgumentException("need ≥ 1 output per dimension, got " + groups);
        if (directConnections && c.hiddenLayers() == 0) throw new IllegalArgumentException("direct connections need a hidden layer");
        this.d = c.inputs();
        this.groups = groups;
        this.activationName = activation;
        int hidden = c.hiddenLayers();
        layers = new MaskedLinear[hidden + 1];
        activations = new Module[hidden];
        int below = d;
        for (int l = 1; l <= hidden; l++) {
            layers[l - 1] = new MaskedLinear(prefix + "hidden" + l, below, c.width(l), rng);
            activations[l - 1] = Activations.byName(activation);
            below = c.width(l);
        }
        layers[hidden] = new MaskedLinear(prefix + "output", below, groups * d, rng);
        List<Param> all = new ArrayList<>();
        for (MaskedLinear layer : layers) all.addAll(layer.params());
        if (directConnections) {
            direct = new MaskedLinear(prefix + "direct", d, groups * d, rng);
            direct.bias.value.zero();
            all.add(direct.weight);
        } else {
            direct = null;
        }
        params = Collections.unmodifiableList(all);
        setConnectivity(c);
    }

    /** Switches every mask to those of {@code c}, which must have this network's D and widths. */
    public void setConnectivity(Connectivity c) {
        if (c.inputs() != d || c.hiddenLayers() != layers.length - 1) {
            throw new IllegalArgumentException("connectivity " + c + " does not fit this network (D=" + d + ", "
                    + (layers.length - 1) + " hidden layers)");
        }
        for (int l = 1; l < layers.length; l++) {
            if (c.width(l) != layers[l - 1].outputSize()) {
                throw new IllegalArgumentException("hidden layer " + l + " has " + layers[l - 1].outputSize() + " units, the connectivity " + c.width(l));
            }
        }
        int top = layers.length - 1;
        for (int l = 0; l < top; l++) layers[l].setMask(c.mask(l));
        layers[top].setMask(tile(c.mask(top), groups));
        // the direct mask depends on the ordering only: keep it when a new mask shares the ordering
        boolean sameOrder = connectivity != null && java.util.Arrays.equals(c.ordering(), connectivity.ordering());
        if (direct != null && !sameOrder) direct.setMask(tile(c.directMask(), groups));
        connectivity = c;
    }

    public Connectivity connectivity() {
        return connectivity;
    }

    public int inputs() {
        return d;
    }

    /** P, the outputs per dimension. */
    public int groups() {
        return groups;
    }

    public boolean hasDirectConnections() {
        return direct != null;
    }

    /** The layers (hidden ones, then the output layer), e.g. to show weights. */
    public List<MaskedLinear> layers() {
        return List.of(layers);
    }

    /** The direct input→output layer, or null. */
    MaskedLinear directLayer() {
        return direct;
    }

    /** A fresh instance of the hidden nonlinearity (for computations that must not touch the layers' buffers). */
    Module newActivation() {
        return Activations.byName(activationName);
    }

    /** With false the backward pass skips ∂L/∂x (one GEMM less) and returns null; MADE's data needs none. */
    public void setInputGradient(boolean needed) {
        inputGradient = needed;
        layers[0].setInputGradient(needed);
        if (direct != null) direct.setInputGradient(needed);
    }

    /** θ for a batch x (B×D): B×(P·D), column p·D + d. The buffer is reused by the next call. */
    @Override
    public FMatrixRMaj forward(FMatrixRMaj x) {
        FMatrixRMaj h = x;
        for (int l = 0; l < activations.length; l++) h = activations[l].forward(layers[l].forward(h));
        FMatrixRMaj out = layers[layers.length - 1].forward(h);
        if (direct == null) return out;
        // θ = h^L·(V∘M^V) + c + x·(A∘M^A)
        FMatrixRMaj a = direct.forward(x);
        sum = Mat.reuse(sum, out.numRows, out.numCols);
        for (int i = 0; i < out.getNumElements(); i++) sum.data[i] = out.data[i] + a.data[i];
        return sum;
    }

    /** Accumulates parameter gradients from ∂L/∂θ; returns ∂L/∂x, or null when the input gradient is off. */
    @Override
    public FMatrixRMaj backward(FMatrixRMaj gradOut) {
        FMatrixRMaj g = layers[layers.length - 1].backward(gradOut);
        for (int l = activations.length - 1; l >= 0; l--) g = layers[l].backward(activations[l].backward(g));
        if (direct == null) return g;
        FMatrixRMaj ga = direct.backward(gradOut);
        direct.bias.zeroGrad();                    // the direct layer's bias is fixed at 0 and not trained
        if (g == null) return null;
        dx = Mat.reuse(dx, g.numRows, g.numCols);
        for (int i = 0; i < g.getNumElements(); i++) dx.data[i] = g.data[i] + ga.data[i];
        return dx;
    }

    @Override
    public List<Param> params() {
        return params;
    }

    /**
     * Which inputs each dimension's outputs depend on, measured from the network itself (not from the masks): at a
     * few random points, one backward pass per output with a one-hot ∂L/∂θ gives ∂θ_o/∂x; dependencies[d][j] is
     * true if any parameter of dimension d had a non-zero derivative in x_j. A masked weight is exactly 0, so a
     * forbidden path gives exactly 0; an allowed path can look absent where a ReLU is off at all points.
     */
    public boolean[][] dependencies(int points, Rng rng) {
        boolean[][] dep = new boolean[d][d];
        int outputs = groups * d;
        int chunk = Math.max(1, Math.min(outputs, (1 << 22) / (outputs + d)));   // ≤ 16 MB per buffer
        boolean before = inputGradient;
        setInputGradient(true);
        try {
            for (int t = 0; t < points; t++) {
                float[] point = new float[d];
                for (int j = 0; j < d; j++) point[j] = (float) rng.nextGaussian();
                for (int from = 0; from < outputs; from += chunk) {
                    int rows = Math.min(chunk, outputs - from);
                    FMatrixRMaj x = new FMatrixRMaj(rows, d);
                    for (int r = 0; r < rows; r++) System.arraycopy(point, 0, x.data, r * d, d);
                    forward(x);
                    FMatrixRMaj oneHot = new FMatrixRMaj(rows, outputs);
                    for (int r = 0; r < rows; r++) oneHot.data[r * outputs + from + r] = 1f;
                    FMatrixRMaj g = backward(oneHot);                // row r: ∂θ_{from+r}/∂x
                    for (int r = 0; r < rows; r++) {
                        int dim = (from + r) % d;
                        for (int j = 0; j < d; j++) if (g.data[r * d + j] != 0f) dep[dim][j] = true;
                    }
                }
            }
        } finally {
            for (Param p : params) p.zeroGrad();
            if (direct != null) direct.bias.zeroGrad();
            setInputGradient(before);
        }
        return dep;
    }

    /** [k, p·D + d] = m[k, d] for every group p: the same mask for each parameter of a dimension. */
    static FMatrixRMaj tile(FMatrixRMaj m, int groups) {
        int n = m.numCols;
        FMatrixRMaj t = new FMatrixRMaj(m.numRows, n * groups);
        for (int r = 0; r < m.numRows; r++) {
            for (int p = 0; p < groups; p++) System.arraycopy(m.data, r * n, t.data, r * n * groups + p * n, n);
        }
        return t;
    }
}
