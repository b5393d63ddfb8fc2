package org.genscope.nn;

/**
 * log Σ_i e^{a_i} without overflow or underflow, by shifting by the largest term m:
 *
 * <pre>  log Σ_i e^{a_i} = m + log Σ_i e^{a_i − m},   m = max_i a_i</pre>
 *
 * Mixture likelihoods (RNADE), ensembles of masks (MADE) and importance-weighted bounds (IWAE) all reduce to it.
 */
public final class LogSumExp {
    private LogSumExp() {}

    /** log Σ e^{a_i}; −∞ if every a_i is −∞ (or a is empty). */
    public static double of(double[] a) {
        return of(a, 0, a.length);
    }

    /** log Σ_{from ≤ i &lt; to} e^{a_i}, over part of a reusable buffer; −∞ for an empty range. */
    public static double of(double[] a, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) max = Math.max(max, a[i]);
        if (max == Double.NEGATIVE_INFINITY) return max;
        double s = 0;
        for (int i = from; i < to; i++) s += Math.exp(a[i] - max);
        return max + Math.log(s);
    }
}
