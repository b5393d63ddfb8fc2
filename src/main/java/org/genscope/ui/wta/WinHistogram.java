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
}
