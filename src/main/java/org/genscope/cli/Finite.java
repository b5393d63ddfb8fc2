package org.genscope.cli;

import java.util.Locale;

/**
 * What a command prints or writes must be a number: a NaN or infinite figure fails the command (exit 1) with the
 * reason instead of reaching the output, so a script never reads {@code NLL NaN} or a CSV of NaN rows as success.
 */
final class Finite {
    private Finite() {}

    /** {@link org.genscope.compare.Finite#meanNll}, failing the command instead. */
    static double meanNll(double[] logLikelihoods, String model, String data) throws CliException {
        return Figures.of(() -> org.genscope.compare.Finite.meanNll(logLikelihoods, model, data));
    }

    /** {@link org.genscope.compare.Finite#figure}, failing the command instead. */
    static double figure(double value, String what, String model) throws CliException {
        return Figures.of(() -> org.genscope.compare.Finite.figure(value, what, model));
    }

    /** Fails unless every sample (row of {@code cols} values) is finite, naming the first bad one; nothing is written. */
    static void samples(float[] values, int cols, String model) throws CliException {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new CliException(String.format(Locale.ROOT, "%s: sample %,d holds %s (the model maps a base point "
                        + "beyond the float range); no samples written", model, i / cols + 1, org.genscope.compare.Finite.name(values[i])));
            }
        }
    }

}
