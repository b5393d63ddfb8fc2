package org.genscope.ui.wta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The Filters tab's orders: unit order, or most used first with dead units last. */
class FilterOrderTest {
    @Test
    void byUsageTheMostWinningUnitsComeFirstAndTiesGoByActivationThenNumber() {
        float[] wins = {0.05f, 0f, 0.20f, 0.05f, 0.05f};
        float[] usage = {0.3f, 0f, 0.1f, 0.9f, 0.3f};
        assertArrayEquals(new int[] {2, 3, 0, 4, 1}, FilterOrder.USAGE.order(wins, usage));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, FilterOrder.UNIT.order(wins, usage));
    }

    @Test
    void arrangingCopiesTheTilesOfTheChosenUnits() {
        float[] tiles = {0, 0, 1, 1, 2, 2};          // three 1×2 tiles
        assertArrayEquals(new float[] {2, 2, 0, 0}, FilterOrder.arrange(tiles, 1, 2, new int[] {2, 0, 1}, 2));
    }

    @Test
    void theHistogramCountsUnitsByWins() {
        assertArrayEquals(new int[] {1, 0, 2, 0, 1}, WinHistogram.counts(new float[] {0, 0.5f, 0.5f, 1f}, 4));
        int[] k5 = WinHistogram.counts(new float[] {0.05f, 0.05f, 0.04f}, 100);
        org.junit.jupiter.api.Assertions.assertEquals(11, WinHistogram.shownBins(k5), "at least 11 bins");
        int[] spread = new int[101];
        spread[60] = 3;
        org.junit.jupiter.api.Assertions.assertEquals(76, WinHistogram.shownBins(spread), "a quarter past the last");
    }
}
