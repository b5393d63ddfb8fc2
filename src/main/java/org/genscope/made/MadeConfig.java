package org.genscope.made;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.genscope.io.Quoted;

/**
 * Everything that defines a MADE before training (Germain et al. 2015): sizes, masks, conditionals, seed.
 * Validated on construction with messages a user can act on.
 *
 * @param inputs            D ≥ 2
 * @param hidden            widths of the hidden layers (each ≥ 1); empty = no hidden layer, the masked
 *                          logistic model of the inputs (then {@code directConnections} must be false)
 * @param ordering          how m⁰ is chosen
 * @param customOrder       m⁰ for {@link OrderingKind#CUSTOM} (a permutation of 1..D), else null
 * @param rule              how hidden degrees are drawn
 * @param softmaxL          l of {@link DegreeRule#SOFTMAX} (ignored by the other rules)
 * @param directConnections add masked direct input→output connections
 * @param numMasks          K ≥ 1 masks cycled during training, one per update (connectivity-agnostic if K &gt; 1)
 * @param orderAgnostic     each of the K masks also gets its own random ordering (order-agnostic training)
 * @param conditional       family of the conditionals
 * @param components        mixture components for {@link Conditional#MIXTURE} (≥ 1), 1 otherwise
 * @param activation        hidden nonlinearity, one of {@link #ACTIVATIONS}
 * @param seed              seeds the weights, the orderings and the masks
 */
public record MadeConfig(int inputs, int[] hidden, OrderingKind ordering, int[] customOrder, DegreeRule rule,
                         double softmaxL, boolean directConnections, int numMasks, boolean orderAgnostic,
                         Conditional conditional, int components, String activation, long seed) {

    /** Hidden nonlinearities by name. */
    public static final Set<String> ACTIVATIONS = Set.of("relu", "tanh", "sigmoid", "elu", "leakyrelu", "softplus");
    /** At most this many inputs, units per layer, layers, masks and components. */
    public static final int MAX_INPUTS = 100_000;
    public static final int MAX_WIDTH = 100_000;
    public static final int MAX_LAYERS = 16;
    public static final int MAX_MASKS = 4096;
    public static final int MAX_COMPONENTS = 64;
    /** At most this many parameters (400 MB of float32). */
    public static final long MAX_PARAMETERS = 100_000_000L;

    public MadeConfig {
        if (inputs < 2) throw new IllegalArgumentException("MADE needs at least 2 inputs (dimensions), got " + inputs);
        if (inputs > MAX_INPUTS) throw new IllegalArgumentException("at most " + MAX_INPUTS + " inputs, got " + inputs);
        if (hidden == null) throw new IllegalArgumentException("hidden sizes missing (use an empty array for none)");
        hidden = hidden.clone();
        if (hidden.length > MAX_LAYERS) throw new IllegalArgumentException("at most " + MAX_LAYERS + " hidden layers, got " + hidden.length);
        for (int l = 0; l < hidden.length; l++) {
            if (hidden[l] < 1 || hidden[l] > MAX_WIDTH) {
                throw new IllegalArgumentException("hidden layer " + (l + 1) + " must have 1.." + MAX_WIDTH + " units, got " + hidden[l]);
            }
        }
        if (hidden.length == 0 && directConnections) {
            throw new IllegalArgumentException("without hidden layers the output layer already is the direct connection");
        }
        if (ordering == null || rule == null || conditional == null) throw new IllegalArgumentException("ordering, rule and conditional are required");
        if (ordering == OrderingKind.CUSTOM) {
            if (customOrder == null) throw new IllegalArgumentException("a custom ordering needs its m⁰ values");
            if (customOrder.length != inputs) {
                throw new IllegalArgumentException("custom ordering has " + customOrder.length + " values for " + inputs + " inputs");
            }
            customOrder = customOrder.clone();
            checkedPermutation(customOrder);
        } else if (customOrder != null) {
            customOrder = customOrder.clone();
        }
        if (!Double.isFinite(softmaxL)) throw new IllegalArgumentException("softmax l must be finite, got " + softmaxL);
        if (numMasks < 1 || numMasks > MAX_MASKS) throw new IllegalArgumentException("number of masks must be 1.." + MAX_MASKS + ", got " + numMasks);
        if (conditional == Conditional.MIXTURE) {
            if (components < 1 || components > MAX_COMPONENTS) {
                throw new IllegalArgumentException("mixture components must be 1.." + MAX_COMPONENTS + ", got " + components);
            }
        } else if (components != 1) {
            throw new IllegalArgumentException(conditional.name().toLowerCase(Locale.ROOT) + " conditionals have 1 component, got " + components);
        }
        activation = activation == null ? "" : activation.toLowerCase(Locale.ROOT);
        if (!ACTIVATIONS.contains(activation)) {
            throw new IllegalArgumentException("unknown activation " + Quoted.of(activation) + "; choose one of " + ACTIVATIONS);
        }
        long p = parameterCount(inputs, hidden, paramsPerDimension(conditional, components), directConnections);
        if (p > MAX_PARAMETERS) {
            throw new IllegalArgumentException("this MADE would have " + p + " parameters; the limit is " + MAX_PARAMETERS);
        }
    }

    /**
     * Binary data, natural ordering, one mask, uniform degrees, ReLU, seed 42; one hidden layer of 500 units for
     * D ≥ 64 (the paper's MNIST model), else two layers of 64.
     */
    public static MadeConfig defaults(int inputs) {
        int[] hidden = inputs >= 64 ? new int[] {500} : new int[] {64, 64};
        return new MadeConfig(inputs, hidden, OrderingKind.NATURAL, null, DegreeRule.UNIFORM, 0, false, 1, false,
                Conditional.BERNOULLI, 1, "relu", 42);
    }

    /** Outputs per dimension P: 1 (Bernoulli logit), 2 (μ, log σ), or 3K (K logits, K means, K log σ). */
    public int paramsPerDimension() {
        return paramsPerDimension(conditional, components);
    }

    static int paramsPerDimension(Conditional c, int k) {
        return switch (c) {
            case BERNOULLI -> 1;
            case GAUSSIAN -> 2;
            case MIXTURE -> 3 * k;
        };
    }

    /** Number of trainable parameters: masked weights count too (they are stored). */
    public long parameterCount() {
        return parameterCount(inputs, hidden, paramsPerDimension(), directConnections);
    }

    private static long parameterCount(int d, int[] hidden, int p, boolean direct) {
        long total = 0;
        long below = d;
        for (int h : hidden) {
            total += below * h + h;
            below = h;
        }
        total += below * d * p + (long) d * p;
        if (direct) total += (long) d * d * p;
        return total;
    }

    /** The widths, a copy. */
    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** The custom m⁰, a copy (null unless set). */
    @Override
    public int[] customOrder() {
        return customOrder == null ? null : customOrder.clone();
    }

    /** "784-500-784" style: inputs, hidden widths, outputs (D·P). */
    public String architecture() {
        StringBuilder sb = new StringBuilder().append(inputs);
        for (int h : hidden) sb.append('-').append(h);
        return sb.append('-').append(inputs * paramsPerDimension()).toString();
    }

    public MadeConfig withHidden(int... widths) {
        return new MadeConfig(inputs, widths, ordering, customOrder, rule, softmaxL, directConnections, numMasks,
                orderAgnostic, conditional, components, activation, seed);
    }

    public MadeConfig withMasks(int k, boolean agnosticOrder) {
        return new MadeConfig(inputs, hidden, ordering, customOrder, rule, softmaxL, directConnections, k,
                agnosticOrder, conditional, components, activation, seed);
    }

    public MadeConfig withConditional(Conditional c, int k) {
        return new MadeConfig(inputs, hidden, ordering, customOrder, rule, softmaxL, directConnections, numMasks,
                orderAgnostic, c, k, activation, seed);
    }

    public MadeConfig withSeed(long s) {
        return new MadeConfig(inputs, hidden, ordering, customOrder, rule, softmaxL, directConnections, numMasks,
                orderAgnostic, conditional, components, activation, s);
    }

    private static int[] checkedPermutation(int[] m0) {
        boolean[] seen = new boolean[m0.length + 1];
        for (int v : m0) {
            if (v < 1 || v > m0.length || seen[v]) {
                throw new IllegalArgumentException("a custom ordering must be a permutation of 1.." + m0.length + "; bad or repeated value " + v);
            }
            seen[v] = true;
        }
        return m0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MadeConfig c && inputs == c.inputs && Arrays.equals(hidden, c.hidden) && ordering == c.ordering
                && Arrays.equals(customOrder, c.customOrder) && rule == c.rule
                && Double.compare(softmaxL, c.softmaxL) == 0 && directConnections == c.directConnections
                && numMasks == c.numMasks && orderAgnostic == c.orderAgnostic && conditional == c.conditional
                && components == c.components && activation.equals(c.activation) && seed == c.seed;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {inputs, Arrays.hashCode(hidden), ordering, Arrays.hashCode(customOrder), rule,
                softmaxL, directConnections, numMasks, orderAgnostic, conditional, components, activation, seed});
    }

    @Override
    public String toString() {
        return "MadeConfig[" + architecture() + ", " + ordering + (orderAgnostic ? " (order-agnostic)" : "") + ", " + rule
                + (rule == DegreeRule.SOFTMAX ? " l=" + softmaxL : "") + (directConnections ? ", direct" : "") + ", masks="
                + numMasks + ", " + conditional + (conditional == Conditional.MIXTURE ? " K=" + components : "") + ", "
                + activation + ", seed=" + seed + "]";
    }
}
