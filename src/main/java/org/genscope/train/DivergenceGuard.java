package org.genscope.train;

import java.util.Locale;

/**
 * Divergence that never becomes NaN: with too large a learning rate a flow's NLL can run to 10⁸ nats and its
 * inverse break while every number stays finite, so the NaN guard never fires. This watches the validation loss L
 * and calls the run diverged when
 *
 * <pre>  L &gt; L_best + max({@value #MIN_RISE}, {@value #RELATIVE_RISE} · |L_best|)</pre>
 *
 * i.e. it rose by more than 10 nats and more than three times the best value's magnitude. Ordinary training noise,
 * over-fitting and the first noisy evaluations stay far below that (a MADE on MNIST at 90 nats would have to climb
 * past 360; a 2-D flow at 1 nat past 11). Pure bookkeeping; {@link TrainingLoop} keeps the best parameters.
 */
final class DivergenceGuard {
    static final double MIN_RISE = 10;
    static final double RELATIVE_RISE = 3;

    private double best = Double.POSITIVE_INFINITY;
    private long bestStep = -1;

    /** Whether {@code loss} at {@code step} is a new best (then it is recorded). */
    boolean improves(double loss, long step) {
        if (!(loss < best)) return false;
        best = loss;
        bestStep = step;
        return true;
    }

    /** Why {@code loss} means the run diverged, or null. */
    String check(double loss) {
        if (bestStep < 0 || !(loss > best + Math.max(MIN_RISE, RELATIVE_RISE * Math.abs(best)))) return null;
        return "training diverged: the validation loss rose to " + brief(loss) + " from its best " + brief(best)
                + " (step " + bestStep + ")";
    }

    /** Four significant digits without trailing zeros: 13.1, 3, 2.094e+08. */
    static String brief(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    long bestStep() {
        return bestStep;
    }
}
