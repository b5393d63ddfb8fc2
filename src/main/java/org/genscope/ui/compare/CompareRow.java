package org.genscope.ui.compare;

import org.genscope.compare.Figure;

/**
 * One line of the leaderboard table: a measured figure of a model of this session, a model not measured yet, or a
 * reference (a paper's figure, the true entropy).
 *
 * @param number    its number in the table, which the bar chart's axis shows
 * @param key       the run of this session it measures ({@link org.genscope.compare.Entry#key}), null for a reference
 * @param model     the model's name (or the reference's)
 * @param run       the run it comes from and its settings, or the reference's source
 * @param measure   what the figure is, or null when not measured yet
 * @param value     the figure as printed (also by {@code genscope eval}), or "—"
 * @param figure    the figure in the measure's unit (a fraction for error rates), NaN when not measured
 * @param method    how it was measured (with the VAE's k), or what to do to measure it
 */
record CompareRow(int number, String key, String model, String run, Figure.Measure measure, String value, double figure,
                  String method) {
    /** Whether it is a reference row (a paper's figure, the true entropy), not a model of this session. */
    boolean reference() {
        return key == null;
    }

    /** The unit shown beside the value. */
    String unit() {
        return measure == null ? "" : measure.unit;
    }

    /** The value as a chart plots it: error rates in percent, like the table. */
    double plotted() {
        return measure == Figure.Measure.CLASSIFIER_ERROR ? 100 * figure : figure;
    }
}
