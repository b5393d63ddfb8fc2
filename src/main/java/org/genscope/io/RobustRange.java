package org.genscope.io;

import java.util.Arrays;

/**
 * A y-range for noisy curves that one spike cannot flatten. The body of the data is its 5 %–95 % quantile range
 * (spread s); points further than 3·s beyond it are far outliers and left out, everything else is kept — so a
 * training curve's whole descent stays in view while a lone spike to 10⁶ does not. Values that must be seen (a
 * reference line, the latest point of each curve) are always inside. A margin of 6 % of the span on each side keeps
 * the extreme points (and a reference line at the minimum) off the plot's edges. The charts on screen
 * ({@code ui.common.RobustZoom}) and the command line's curve plots use it alike.
 *
 * @param lo    lower end (NaN when there was nothing to show)
 * @param hi    upper end
 * @param below how many values lie below {@code lo}
 * @param above how many values lie above {@code hi}
 */
public record RobustRange(double lo, double hi, int below, int above) {
    public static final RobustRange EMPTY = new RobustRange(Double.NaN, Double.NaN, 0, 0);
    static final double LOW_QUANTILE = 0.05;
    static final double HIGH_QUANTILE = 0.95;
    static final double FENCE = 3;
    static final double MARGIN = 0.06;

    /** The robust range of {@code values} (non-finite ones ignored) that always contains every finite {@code keep}. */
    public static RobustRange of(double[] values, double[] keep) {
        double[] v = finiteSorted(values);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (v.length > 0) {
            double q0 = quantile(v, LOW_QUANTILE);
            double q1 = quantile(v, HIGH_QUANTILE);
            double spread = q1 - q0;
            double lowFence = q0 - FENCE * spread;
            double highFence = q1 + FENCE * spread;
            for (double x : v) {                       // the extreme values inside the fences
                if (x >= lowFence && x <= highFence) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        return withMargin(v, keep, lo, hi);
    }

    /** Every finite value and {@code keep}, with the same margin: the "show all" view. */
    public static RobustRange all(double[] values, double[] keep) {
        double[] v = finiteSorted(values);
        return withMargin(v, keep, v.length > 0 ? v[0] : Double.POSITIVE_INFINITY,
                v.length > 0 ? v[v.length - 1] : Double.NEGATIVE_INFINITY);
    }

    public boolean isEmpty() {
        return Double.isNaN(lo);
    }

    /** Whether {@code x} is inside the range (ends included). */
    public boolean contains(double x) {
        return x >= lo && x <= hi;
    }

    /** How many values the range leaves out. */
    public int outside() {
        return below + above;
    }

    private static RobustRange withMargin(double[] sorted, double[] keep, double lo, double hi) {
        for (double k : keep) {
            if (Double.isFinite(k)) {
                lo = Math.min(lo, k);
                hi = Math.max(hi, k);
            }
        }
        if (!(hi >= lo)) return EMPTY;
        double span = hi - lo;
        double pad = span > 0 ? span * MARGIN : Math.abs(lo) > 0 ? Math.abs(lo) * 0.05 : 0.5;
        lo -= pad;
        hi += pad;
        int below = 0;
        int above = 0;
        for (double x : sorted) {
            if (x < lo) below++;
            if (x > hi) above++;
        }
        return new RobustRange(lo, hi, below, above);
    }

    private static double[] finiteSorted(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        Arrays.sort(v);
        return v;
    }

    /** The q-quantile of sorted values, linearly interpolated between order statistics (R's type 7). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
