package org.genscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** log Σ e^{a_i} against the direct sum where that is finite, and where it is not. */
class LogSumExpTest {
    @Test
    void equalsTheDirectSumAndSurvivesTermsTheDirectSumCannot() {
        double[] a = {-1.5, 0.25, 2, -7};
        double direct = Math.log(Math.exp(-1.5) + Math.exp(0.25) + Math.exp(2) + Math.exp(-7));
        assertEquals(direct, LogSumExp.of(a), 1e-14);
        // e^1000 overflows, e^−1000 underflows: shifted by the maximum both are exact
        assertEquals(1000 + Math.log(2), LogSumExp.of(new double[] {1000, 1000}), 1e-12);
        assertEquals(-1000 + Math.log1p(Math.exp(-1)), LogSumExp.of(new double[] {-1000, -1001}), 1e-12);
        assertEquals(3.0, LogSumExp.of(new double[] {3, Double.NEGATIVE_INFINITY}), 0.0);
    }

    @Test
    void isMinusInfinityWhenEveryTermIs() {
        assertEquals(Double.NEGATIVE_INFINITY, LogSumExp.of(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}));
        assertEquals(Double.NEGATIVE_INFINITY, LogSumExp.of(new double[0]));
    }
}
