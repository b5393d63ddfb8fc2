package org.genscope.compare;

import java.util.Locale;
import java.util.Objects;

/**
 * One measured (or quoted) number of the leaderboard.
 *
 * @param measure what it is
 * @param value   in the measure's unit (nats, per pixel, or a fraction for an error rate)
 * @param method  how it was measured, e.g. "exact, mask 0" or "importance sampled, k = 100"
 */
public record Figure(Measure measure, double value, String method) {
    /** The kinds of figure; lower is better for each. */
    public enum Measure {
        /** −(1/N) Σ_n log p(x_n), nats per example. */
        TEST_NLL("test NLL", "nats"),
        /** (1/(N·D)) Σ_n ‖x_n − x̂_n‖², with the sparsity rules on. */
        RECONSTRUCTION("reconstruction error", "MSE per pixel"),
        /** Fraction of test images a linear classifier on the features gets wrong. */
        CLASSIFIER_ERROR("linear classifier test error", "%");

        public final String label;
        public final String unit;

        Measure(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }
    }

    public Figure {
        Objects.requireNonNull(measure);
        Objects.requireNonNull(method);
    }

    /** The value as the table and {@code genscope eval} print it: 4 decimals of nats, 5 of MSE, 2 of percent. */
    public String formatted() {
        return switch (measure) {
            case TEST_NLL -> String.format(Locale.ROOT, "%.4f", value);
            case RECONSTRUCTION -> String.format(Locale.ROOT, "%.5f", value);
            case CLASSIFIER_ERROR -> String.format(Locale.ROOT, "%.2f", 100 * value);
        };
    }
}
