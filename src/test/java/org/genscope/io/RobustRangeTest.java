package org.genscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RobustRangeTest {
    /** A training curve: 3.8 falling towards 1.5, with noise, over {@code n} points. */
    private static double[] curve(int n, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = 1.5 + 2.3 * Math.exp(-i / (0.15 * n)) + 0.05 * r.nextGaussian();
        return y;
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElseThrow();
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElseThrow();
    }

    @Test
    void aLoneSpikeIsLeftOutAndCounted() {
        double[] y = curve(300, 1);
        y[170] = 1e4;
        RobustRange r = RobustRange.of(y, new double[0]);
        assertTrue(r.hi() < 5, "the spike does not stretch the range: " + r);
        assertEquals(1, r.above());
        assertEquals(0, r.below());
        assertFalse(r.contains(1e4));
    }

    @Test
    void theWholeDescentOfAnOrdinaryCurveStaysInView() {
        double[] y = curve(300, 2);
        RobustRange r = RobustRange.of(y, new double[0]);
        assertEquals(0, r.outside(), r.toString());
        assertTrue(r.contains(max(y)) && r.contains(min(y)));
        double span = max(y) - min(y);
        assertTrue(r.hi() - max(y) > 0.03 * span && min(y) - r.lo() > 0.03 * span, "a margin on both sides: " + r);
    }

    @Test
    void aReferenceBelowTheDataIsInsideWithRoomBelowIt() {
        double[] y = curve(300, 3);
        double entropy = 1.2;                  // below every point, like a true entropy the model has not reached
        RobustRange r = RobustRange.of(y, new double[] {entropy});
        assertTrue(r.lo() < entropy, r.toString());
        assertTrue(entropy - r.lo() > 0.03 * (r.hi() - r.lo()), "off the x-axis, visibly: " + r);
    }

    @Test
    void keptValuesAreAlwaysInsideEvenWhenTheyAreSpikes() {
        double[] y = curve(300, 4);
        y[299] = 40;                            // the latest point jumped
        RobustRange r = RobustRange.of(y, new double[] {y[299]});
        assertTrue(r.contains(40), r.toString());
        assertEquals(0, r.above());
    }

    @Test
    void aFewPointsAreAllShown() {
        RobustRange r = RobustRange.of(new double[] {1, 1, 1, 1, 5}, new double[0]);
        assertTrue(r.contains(1) && r.contains(5), r.toString());
        assertEquals(0, r.outside());
    }

    @Test
    void nonFiniteValuesAreIgnored() {
        RobustRange r = RobustRange.of(new double[] {Double.NaN, 2, 3, Double.POSITIVE_INFINITY}, new double[] {Double.NaN});
        assertTrue(r.contains(2) && r.contains(3) && r.hi() < 4, r.toString());
    }

    @Test
    void nothingToShowIsEmptyAndOneValueGetsARangeAroundIt() {
        assertTrue(RobustRange.of(new double[0], new double[0]).isEmpty());
        assertTrue(RobustRange.of(new double[] {Double.NaN}, new double[0]).isEmpty());
        RobustRange one = RobustRange.of(new double[0], new double[] {2.079});
        assertTrue(one.lo() < 2.079 && one.hi() > 2.079, one.toString());
        RobustRange zero = RobustRange.of(new double[] {0, 0}, new double[0]);
        assertTrue(zero.lo() < 0 && zero.hi() > 0, zero.toString());
    }

    @Test
    void showAllContainsTheSpike() {
        double[] y = curve(300, 5);
        y[100] = 1e4;
        RobustRange all = RobustRange.all(y, new double[] {1.0});
        assertTrue(all.contains(1e4) && all.contains(1.0), all.toString());
        assertEquals(0, all.outside());
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] s = {1, 2, 3, 4, 5};
        assertEquals(1, RobustRange.quantile(s, 0), 1e-12);
        assertEquals(3, RobustRange.quantile(s, 0.5), 1e-12);
        assertEquals(4.8, RobustRange.quantile(s, 0.95), 1e-12);
        assertEquals(7, RobustRange.quantile(new double[] {7}, 0.95), 1e-12);
    }
}
