package org.genscope.ui.common;

/**
 * Perceptually uniform colour maps as packed ARGB ints, for heat maps drawn into pixel buffers.
 * Viridis (van der Walt &amp; Smith, matplotlib) for magnitudes such as densities; a blue–white–red diverging map for
 * signed values such as weights or log-determinants; gray for images.
 */
public enum Colormap {
    VIRIDIS(new int[] {0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21908d, 0x22a884, 0x42be71, 0x7ad151,
        0xbddf26, 0xfde725}),
    MAGMA(new int[] {0x000004, 0x140e36, 0x3b0f70, 0x641a80, 0x8c2981, 0xb73779, 0xde4968, 0xf7705c, 0xfe9f6d,
        0xfecf92, 0xfcfdbf}),
    DIVERGING(new int[] {0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b}),
    GRAY(new int[] {0x000000, 0xffffff}),
    GRAY_INVERTED(new int[] {0xffffff, 0x000000});

    private static final int TABLE = 256;
    private final int[] lut = new int[TABLE];

    Colormap(int[] stops) {
        for (int i = 0; i < TABLE; i++) {
            double t = i / (double) (TABLE - 1) * (stops.length - 1);
            int k = Math.min((int) t, stops.length - 2);
            double f = t - k;
            lut[i] = 0xFF000000 | mix(stops[k], stops[k + 1], f);
        }
    }

    private static int mix(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return (r << 16) | (g << 8) | bl;
    }

    /** ARGB colour of t in [0, 1] (clamped; NaN maps to transparent). */
    public int argb(double t) {
        if (Double.isNaN(t)) return 0;
        int i = (int) Math.round(Math.max(0, Math.min(1, t)) * (TABLE - 1));
        return lut[i];
    }
}
