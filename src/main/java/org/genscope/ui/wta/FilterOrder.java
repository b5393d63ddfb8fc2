package org.genscope.ui.wta;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The order the Filters tab shows the decoder's tiles in: unit order, or by usage — the units that win most often
 * first (win rate on the probe batch, ties by mean activation after the rules, then by unit number), so dead units
 * (never winning) gather at the end.
 */
enum FilterOrder {
    UNIT("unit order"),
    USAGE("most used first");

    private final String label;

    FilterOrder(String label) {
        this.label = label;
    }

    /** Unit numbers in display order; {@code winRate} and {@code usage} have one value per unit. */
    int[] order(float[] winRate, float[] usage) {
        Integer[] idx = new Integer[winRate.length];
        Arrays.setAll(idx, i -> i);
        if (this == USAGE) {
            Comparator<Integer> byWins = Comparator.comparingDouble(i -> -winRate[i]);
            Arrays.sort(idx, byWins.thenComparingDouble(i -> -usage[i]).thenComparingInt(i -> i));
        }
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /** The tiles of {@code units} in that order, {@code shown} of them: a new buffer of shown·rows·cols values. */
    static float[] arrange(float[] tiles, int rows, int cols, int[] units, int shown) {
        int per = rows * cols;
        float[] out = new float[shown * per];
        for (int t = 0; t < shown; t++) System.arraycopy(tiles, units[t] * per, out, t * per, per);
        return out;
    }

    @Override
    public String toString() {
        return label;
    }
}
