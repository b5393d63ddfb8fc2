package org.genscope.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * A multilayer perceptron as one {@link Sequential}: each hidden layer an affine map followed by the named
 * nonlinearity, then an affine output layer with no nonlinearity,
 *
 * <pre>  h⁰ = x,   h^l = g(h^{l−1}·W^l + b^l)  (l = 1..L),   y = h^L·V + c</pre>
 *
 * with parameters {@code <prefix>hidden<l>.weight/bias} and {@code <prefix>output.weight/bias}. The networks of
 * the coupling layers and of the VAE's encoder and decoder are all this.
 */
public final class Mlp {
    private Mlp() {}

    /**
     * @param prefix     prepended to every parameter name, e.g. {@code "encoder."}
     * @param hidden     widths of the hidden layers (none: one affine map)
     * @param activation one of {@link Activations#NAMES}
     */
    public static Sequential of(String prefix, int in, int[] hidden, String activation, int out, Rng rng) {
        List<Module> modules = new ArrayList<>();
        int below = in;
        for (int l = 0; l < hidden.length; l++) {
            modules.add(new Linear(prefix + "hidden" + (l + 1), below, hidden[l], rng));
            modules.add(Activations.byName(activation));
            below = hidden[l];
        }
        modules.add(new Linear(prefix + "output", below, out, rng));
        return new Sequential(modules);
    }

    /** The first affine layer of a network built by {@link #of} (e.g. to skip its input gradient). */
    public static Linear first(Sequential mlp) {
        return (Linear) mlp.modules().get(0);
    }

    /** The output layer of a network built by {@link #of} (e.g. to initialise it to zero). */
    public static Linear output(Sequential mlp) {
        return (Linear) mlp.modules().get(mlp.modules().size() - 1);
    }
}
