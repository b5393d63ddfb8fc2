package org.genscope.compare;

import java.util.Locale;

/**
 * A leaderboard figure must be a number: a NaN or infinite one fails with the reason ({@link NoFigureException})
 * instead of reaching a table, a chart or a script.
 */
public final class Finite {
    private Finite() {}

    /**
     * The mean negative log-likelihood −(1/N) Σ log p(x_n), nats, of per-example log-likelihoods that must all be
     * finite; otherwise fails naming how many examples of {@code data} have no finite density, and the first.
     */
    public static double meanNll(double[] logLikelihoods, String model, String data) {
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
            throw new NoFigureException(String.format(Locale.ROOT, "%s: log p(x) is %s for %,d of %,d examples of %s "
                    + "(first: example %,d), so there is no finite NLL to report", model, name(logLikelihoods[first]), bad,
                    logLikelihoods.length, data, first + 1));
        }
        return -sum / logLikelihoods.length;
    }

    /** Fails unless {@code value}, the figure called {@code what}, is finite; returns it. */
    public static double figure(double value, String what, String model) {
        if (!Double.isFinite(value)) throw new NoFigureException(model + ": " + what + " is " + name(value) + "; nothing to report");
        return value;
    }

    public static String name(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "+∞" : "−∞";
    }
}
