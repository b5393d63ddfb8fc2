package org.genscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PaintedDensityTest {
    /** 4×3 cells over [−2, 2]×[0, 3], bottom row first; two cells unpainted. */
    private static final double[] W = {1, 2, 0, 4, 0.5, 3, 1, 1, 6, 0, 2, 1};

    @Test
    void samplesFollowThePaintedWeights() {
        PaintedDensity p = new PaintedDensity(W, 4, 3, -2, 2, 0, 3);
        int n = 60_000;
        Dataset d = p.sample(n, 7);
        int[] counts = new int[12];
        int[][] halves = new int[12][2];        // within each cell: left/right half, for uniformity inside it
        for (int i = 0; i < n; i++) {
            double x = d.x().get(i, 0) + 2;
            double y = d.x().get(i, 1);
            int ix = (int) x;
            int iy = (int) y;
            assertTrue(ix >= 0 && ix < 4 && iy >= 0 && iy < 3, "point outside the rectangle");
            counts[iy * 4 + ix]++;
            halves[iy * 4 + ix][x - ix < 0.5 ? 0 : 1]++;
        }
        double total = 0;
        for (double w : W) total += w;
        // χ² over the 10 painted cells, 9 degrees of freedom: the 0.999 quantile is 27.88
        double chi2 = 0;
        for (int c = 0; c < 12; c++) {
            if (W[c] == 0) {
                assertEquals(0, counts[c], "unpainted cell " + c + " was sampled");
                continue;
            }
            double expected = n * W[c] / total;
            chi2 += (counts[c] - expected) * (counts[c] - expected) / expected;
            assertEquals(W[c] / total, p.cellProbability(c), 1e-12);
        }
        assertTrue(chi2 < 27.88, "χ² = " + chi2);
        // halves of each painted cell: χ² with 10 degrees of freedom, 0.999 quantile 29.59
        double chiHalves = 0;
        for (int c = 0; c < 12; c++) {
            if (counts[c] == 0) continue;
            double e = counts[c] / 2.0;
            for (int h : halves[c]) chiHalves += (h - e) * (h - e) / e;
        }
        assertTrue(chiHalves < 29.59, "within-cell χ² = " + chiHalves);
        assertArrayEquals(d.x().data, p.sample(n, 7).x().data, "same seed, same points");
    }

    @Test
    void densityAndEntropyAreTheNormalisedPaintedOnes() {
        // uniform over [0, 2]×[0, 1]: density 1/2, entropy ln 2
        PaintedDensity u = new PaintedDensity(new double[] {3, 3}, 2, 1, 0, 2, 0, 1);
        assertEquals(0.5, u.density(0.3, 0.7), 1e-12);
        assertEquals(0, u.density(2.5, 0.5));
        assertEquals(Math.log(2), u.entropy(), 1e-12);
        // two cells of area 1 with P = 1/4, 3/4: H = −Σ P log P
        PaintedDensity t = PaintedDensity.of(new float[] {1, 3}, 1, 2, 0, 1, 0, 2);
        assertEquals(-(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)), t.entropy(), 1e-12);
        assertEquals(0.75, t.density(0.5, 1.5), 1e-12);
    }

    @Test
    void badGridsAreRejectedWithClearMessages() {
        assertMessage("empty (every weight is 0)", () -> new PaintedDensity(new double[4], 2, 2, 0, 1, 0, 1));
        assertMessage("column 1, row 0 is -1.0", () -> new PaintedDensity(new double[] {1, -1, 0, 0}, 2, 2, 0, 1, 0, 1));
        assertMessage("column 0, row 1 is NaN", () -> new PaintedDensity(new double[] {1, 0, Double.NaN, 0}, 2, 2, 0, 1, 0, 1));
        assertMessage("is Infinity", () -> new PaintedDensity(new double[] {Double.POSITIVE_INFINITY}, 1, 1, 0, 1, 0, 1));
        assertMessage("has 3 weights, expected 2×2 = 4", () -> new PaintedDensity(new double[3], 2, 2, 0, 1, 0, 1));
        assertMessage("has 0 weights", () -> new PaintedDensity(null, 2, 2, 0, 1, 0, 1));
        assertMessage("rectangle", () -> new PaintedDensity(new double[] {1}, 1, 1, 1, 1, 0, 1));
        assertMessage("must have 1..", () -> new PaintedDensity(new double[0], 0, 2, 0, 1, 0, 1));
        assertMessage("n ≥ 0", () -> new PaintedDensity(new double[] {1}, 1, 1, 0, 1, 0, 1).sample(-1, 1));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(part), ex.getMessage());
    }
}
