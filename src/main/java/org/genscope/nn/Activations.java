package org.genscope.nn;

import java.util.List;
import java.util.Locale;
import org.genscope.Quoted;

/**
 * The hidden nonlinearities by name, as model configurations, model files and command lines spell them. The one
 * place that maps a name to an {@link Activation}: MADE, the flows' networks and the models to come use it.
 */
public final class Activations {
    /** The names, in the order messages and menus list them. */
    public static final List<String> NAMES = List.of("relu", "tanh", "sigmoid", "elu", "leakyrelu", "softplus");

    private Activations() {}

    /** A new instance of the nonlinearity {@code name} (case-insensitive), e.g. {@code "relu"} → {@link ReLU}. */
    public static Activation byName(String name) {
        return switch (check(name)) {
            case "relu" -> new ReLU();
            case "tanh" -> new Tanh();
            case "sigmoid" -> new Sigmoid();
            case "elu" -> new ELU();
            case "leakyrelu" -> new LeakyReLU();
            case "softplus" -> new Softplus();
            default -> throw new AssertionError(name);      // check() admits the names above only
        };
    }

    /**
     * The name in lower case, as records store it; an unknown (or null) name is refused with a message that lists
     * the valid ones.
     */
    public static String check(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (!NAMES.contains(n)) {
            throw new IllegalArgumentException("unknown activation " + Quoted.of(n) + "; choose one of " + String.join(", ", NAMES));
        }
        return n;
    }
}
