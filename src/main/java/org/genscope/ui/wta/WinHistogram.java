package org.genscope.ui.wta;

/**
 * The lifetime-sparsity histogram: how many units won in exactly w of the probe batch's images, w = 0..B. With
 * lifetime sparsity k% every living unit wins in ⌈k%·B⌉ images (the rule keeps that many per unit); units that win
 * in none are dead; without the rule the bars spread out.
 */
final class WinHistogram {
    private WinHistogram() {}

    /** counts[w] = units whose win rate × {@code batch} rounds to w, for w = 0..batch. */
    static int[] counts(float[] winRate, int batch) {
        int[] c = new int[batch + 1];
        for (float r : winRate) c[Math.max(0, Math.min(batch, Math.round(r * batch)))]++;
        return c;
    }

    /** Bins worth drawing: up to a little past the last non-empty one (at least 11), so the bars are not slivers. */
    static int shownBins(int[] counts) {
        int last = 0;
        for (int w = 0; w < counts.length; w++) if (counts[w] > 0) last = w;
        return Math.min(counts.length, Math.max(11, last + 1 + Math.max(2, last / 4)));
    }
}
