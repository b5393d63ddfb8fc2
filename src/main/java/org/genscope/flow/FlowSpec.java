package org.genscope.flow;

import java.util.ArrayList;
import java.util.List;
import org.genscope.Quoted;
import org.genscope.nn.Activations;

/**
 * Everything that defines a flow before training, immutable and editable by copy (the app's layer-stack editor
 * and the CLI share it): the layers in forward (data → base) order, the base distribution, the networks'
 * activation, the bound B of the tanh-bounded log-scales and the seed of the initial weights. {@link #build}
 * makes the model; the same spec and dimension always give the same initial model.
 *
 * <p>Stacking rules applied by {@link #build}: the k-th coupling layer (NICE, RealNVP or inside a Glow step)
 * conditions on the variables j with j + k even and transforms the others, so consecutive couplings alternate
 * their masks; the k-th autoregressive layer (MAF or IAF) uses the natural ordering for even k and the reversed
 * one for odd k. Text form of the layers: comma-separated {@link LayerSpec}s, {@code *N} repeats one, e.g.
 * {@code nice:64-64*4,scale}.
 *
 * @param layers       at least one, at most {@link #MAX_LAYERS}
 * @param learnableBase base N(μ, diag σ²) with trained μ, σ instead of N(0, I)
 * @param activation   hidden nonlinearity of the networks, one of {@link Activations#NAMES}
 * @param scaleBound   B in s = B·tanh(ŝ/B) for affine couplings, MAF and IAF (&gt; 0)
 * @param seed         seeds the initial weights (and the LU layers' initial rotations)
 */
public record FlowSpec(List<LayerSpec> layers, boolean learnableBase, String activation, double scaleBound, long seed) {
    public static final int MAX_LAYERS = 64;
    public static final double DEFAULT_SCALE_BOUND = 3.0;
    public static final String DEFAULT_ACTIVATION = "relu";

    public FlowSpec {
        if (layers == null || layers.isEmpty()) throw new IllegalArgumentException("a flow needs at least one layer");
        if (layers.size() > MAX_LAYERS) throw new IllegalArgumentException("at most " + MAX_LAYERS + " layers, got " + layers.size());
        layers = List.copyOf(layers);
        activation = Activations.check(activation);
        if (!(scaleBound > 0) || Double.isInfinite(scaleBound)) throw new IllegalArgumentException("scale bound must be positive and finite, got " + scaleBound);
    }

    /** These layers with a standard normal base, ReLU networks, B = 3, seed 1. */
    public static FlowSpec of(List<LayerSpec> layers) {
        return new FlowSpec(layers, false, DEFAULT_ACTIVATION, DEFAULT_SCALE_BOUND, 1);
    }

    /** {@link #of} from the text form, e.g. {@code realnvp:64-64*8}. */
    public static FlowSpec parse(String layersText) {
        return of(parseLayers(layersText));
    }

    /** Parses a comma-separated layer list with optional {@code *N} repetition. */
    public static List<LayerSpec> parseLayers(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("no layers given");
        List<LayerSpec> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            int star = p.indexOf('*');
            int times = 1;
            if (star >= 0) {
                try {
                    times = Integer.parseInt(p.substring(star + 1).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(Quoted.of(p) + ": repeat count after * must be an integer");
                }
                if (times < 1 || times > MAX_LAYERS) throw new IllegalArgumentException(Quoted.of(p) + ": repeat count must be 1.." + MAX_LAYERS);
                p = p.substring(0, star);
            }
            LayerSpec s = LayerSpec.parse(p);
            for (int i = 0; i < times; i++) out.add(s);
        }
        return out;
    }

    /** The text form of the layers, runs of equal layers written with {@code *N}. */
    public String layersText() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < layers.size(); ) {
            int j = i;
            while (j < layers.size() && layers.get(j).equals(layers.get(i))) j++;
            sb.append(sb.length() == 0 ? "" : ",").append(layers.get(i)).append(j - i > 1 ? "*" + (j - i) : "");
            i = j;
        }
        return sb.toString();
    }

    // ---- editing (each returns a new spec) ----

    public FlowSpec withLayers(List<LayerSpec> newLayers) {
        return new FlowSpec(newLayers, learnableBase, activation, scaleBound, seed);
    }

    /** Inserts a layer at {@code index} (0..size). */
    public FlowSpec withLayerInserted(int index, LayerSpec layer) {
        List<LayerSpec> l = new ArrayList<>(layers);
        l.add(index, layer);
        return withLayers(l);
    }

    public FlowSpec withLayerRemoved(int index) {
        List<LayerSpec> l = new ArrayList<>(layers);
        l.remove(index);
        return withLayers(l);
    }

    public FlowSpec withLayerReplaced(int index, LayerSpec layer) {
        List<LayerSpec> l = new ArrayList<>(layers);
        l.set(index, layer);
        return withLayers(l);
    }

    /** Moves the layer at {@code from} to position {@code to}. */
    public FlowSpec withLayerMoved(int from, int to) {
        List<LayerSpec> l = new ArrayList<>(layers);
        l.add(to, l.remove(from));
        return withLayers(l);
    }

    /** Every layer that has a network gets these hidden widths. */
    public FlowSpec withHiddenEverywhere(int... widths) {
        List<LayerSpec> l = new ArrayList<>();
        for (LayerSpec s : layers) l.add(s.withHidden(widths));
        return withLayers(l);
    }

    public FlowSpec withLearnableBase(boolean v) {
        return new FlowSpec(layers, v, activation, scaleBound, seed);
    }

    public FlowSpec withActivation(String a) {
        return new FlowSpec(layers, learnableBase, a, scaleBound, seed);
    }

    public FlowSpec withScaleBound(double b) {
        return new FlowSpec(layers, learnableBase, activation, b, seed);
    }

    public FlowSpec withSeed(long s) {
        return new FlowSpec(layers, learnableBase, activation, scaleBound, s);
    }

    /** The model for data of {@code dimension} variables, freshly initialised from the seed. */
    public FlowModel build(int dimension) {
        return new FlowModel(this, dimension);
    }

    /** E.g. "8 layers: realnvp:64-64*8, standard normal base". */
    public String describe() {
        return layers.size() + " layer" + (layers.size() == 1 ? "" : "s") + ": " + layersText() + ", "
                + (learnableBase ? "learnable diagonal Gaussian" : "standard normal") + " base";
    }
}
