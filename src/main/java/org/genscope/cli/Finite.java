package org.genscope.cli;

import java.util.Locale;

/**
 * What a command prints or writes must be a number: a NaN or infinite figure fails the command (exit 1) with the
 * reason instead of reaching the output, so a script never reads {@code NLL NaN} or a CSV of NaN rows as success.
 */
final class Finite {
    private Finite() {}

    /**
     * The mean negative log-likelihood −(1/N) Σ log p(x_n), nats, of per-example log-likelihoods that must all be
     * finite; otherwise fails naming how many examples of {@code data} have no finite density, and the first.
     */
    static double meanNll(double[] logLikelihoods, String model, String data) throws CliException {
        int bad = 0;
        int first = -1;
        double sum = 0;
        for (int i = 0; i < logLikelihoods.length; i++) {
            double v = logLikelihoods[i];
            if (Double.isFinite(v)) {
                sum += v;
            } else if (bad++ == 0) {
                first = i;
            }
        }
        if (bad > 0) {
            throw new CliException(String.format(Locale.ROOT, "%s: log p(x) is %s for %,d of %,d examples of %s (first: "
                    + "example %,d), so there is no finite NLL to report", model, name(logLikelihoods[first]), bad,
                    logLikelihoods.length, data, first + 1));
        }
        return -sum / logLikelihoods.length;
    }

    /** Fails unless {@code value}, the figure called {@code what}, is finite; returns it. */
    static double figure(double value, String what, String model) throws CliException {
        if (!Double.isFinite(value)) throw new CliException(model + ": " + what + " is " + name(value) + "; nothing to report");
        return value;
    }

    /** Fails unless every sample (row of {@code cols} values) is finite, naming the first bad one; nothing is written. */
    static void samples(float[] values, int cols, String model) throws CliException {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new CliException(String.format(Locale.ROOT, "%s: sample %,d holds %s (the model maps a base point "
                        + "beyond the float range); no samples written", model, i / cols + 1, name(values[i])));
            }
        }
    }

    private static String name(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "+∞" : "−∞";
    }
}
