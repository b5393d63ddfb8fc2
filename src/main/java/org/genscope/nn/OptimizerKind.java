package org.genscope.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.genscope.Quoted;

/**
 * The optimizers by name, with their usual defaults: the one place that turns a name into an optimizer, for the
 * app's settings and the command line alike ({@code --optimizer adam|adagrad|sgd|momentum}).
 *
 * <ul>
 *   <li>{@code adam}: {@link Adam} (β₁ 0.9, β₂ 0.999, ε 1e-8);</li>
 *   <li>{@code adagrad}: {@link Adagrad};</li>
 *   <li>{@code sgd}: plain stochastic gradient descent, w ← w − lr·g ({@link Sgd} without momentum);</li>
 *   <li>{@code momentum}: SGD with heavy-ball momentum μ = {@value #MOMENTUM_MU}, buf ← μ·buf + g, w ← w − lr·buf.</li>
 * </ul>
 */
public enum OptimizerKind {
    ADAM(1e-3),
    ADAGRAD(1e-2),
    SGD(1e-2),
    MOMENTUM(1e-2);

    /** μ of {@link #MOMENTUM}. */
    public static final double MOMENTUM_MU = 0.9;

    /** A learning rate that works for MADE-sized models. */
    public final double defaultLearningRate;

    OptimizerKind(double lr) {
        this.defaultLearningRate = lr;
    }

    public Optimizer create(List<Param> params, double lr) {
        return create(params, lr, 0);
    }

    /**
     * With decoupled weight decay λ ≥ 0: every step first shrinks w ← w·(1 − lr·λ) (AdamW's form, see
     * {@link BaseOptimizer}); λ = 0 is the optimizer of {@link #create(List, double)}.
     */
    public Optimizer create(List<Param> params, double lr, double weightDecay) {
        return switch (this) {
            case ADAM -> new Adam(params, lr, 0.9, 0.999, 1e-8, weightDecay);
            case ADAGRAD -> new Adagrad(params, lr, 1e-10, weightDecay);
            case SGD -> new Sgd(params, lr, 0, false, weightDecay);
            case MOMENTUM -> new Sgd(params, lr, MOMENTUM_MU, false, weightDecay);
        };
    }

    /** By name, case-insensitive ("adam", "adagrad", "sgd", "momentum"). */
    public static OptimizerKind byName(String name) {
        for (OptimizerKind k : values()) if (k.toString().equals(name.trim().toLowerCase(Locale.ROOT))) return k;
        throw new IllegalArgumentException("unknown optimizer " + Quoted.of(name) + "; choose one of " + names(", "));
    }

    /** Every name, in declaration order, joined by {@code separator} (for usage lines and messages). */
    public static String names(String separator) {
        return Arrays.stream(values()).map(OptimizerKind::toString).collect(Collectors.joining(separator));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
