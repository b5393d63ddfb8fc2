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
        double max = Double.NEGATIVE_INFINITY;
        for (double v : a) max = Math.max(max, v);
        if (max == Double.NEGATIVE_INFINITY) return max;
        double s = 0;
        for (double v : a) s += Math.exp(v - max);
        return max + Math.log(s);
    }
}
