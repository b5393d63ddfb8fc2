package org.genscope.nn;

import java.util.List;
import java.util.Locale;

/** The optimizers by name, for settings screens and command lines, with their usual defaults. */
public enum OptimizerKind {
    ADAM(1e-3),
    ADAGRAD(1e-2),
    SGD(1e-2);

    /** A learning rate that works for MADE-sized models. */
    public final double defaultLearningRate;

    OptimizerKind(double lr) {
        this.defaultLearningRate = lr;
    }

    public Optimizer create(List<Param> params, double lr) {
        return switch (this) {
            case ADAM -> new Adam(params, lr);
            case ADAGRAD -> new Adagrad(params, lr);
            case SGD -> new Sgd(params, lr, 0.9, false, 0);
        };
    }

    /** By name, case-insensitive ("adam", "adagrad", "sgd"). */
    public static OptimizerKind byName(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown optimizer '" + name + "'; choose adam, adagrad or sgd");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
