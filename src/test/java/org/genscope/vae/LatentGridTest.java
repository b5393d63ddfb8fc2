package org.genscope.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class LatentGridTest {
    /** Φ(x) = ½ erfc(−x/√2), by numerical integration of the density from −12 (Simpson's rule). */
    private static double cdf(double x) {
        int n = 200_000;
        double a = -12;
        double h = (x - a) / n;
        double s = 0;
        for (int i = 0; i <= n; i++) {
            double t = a + i * h;
            double f = Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
            s += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        return s * h / 3;
    }

    @Test
    void inverseCdfInvertsTheGaussianCdf() {
        for (double p : new double[] {1e-6, 0.001, 0.02, 0.024, 0.3, 0.5, 0.77, 0.98, 0.999}) {
            assertEquals(p, cdf(LatentGrid.inverseNormalCdf(p)), 1e-8 * Math.max(1, p / 1e-3), "p = " + p);
        }
        assertEquals(0, LatentGrid.inverseNormalCdf(0.5), 1e-12);
        assertEquals(-LatentGrid.inverseNormalCdf(0.1), LatentGrid.inverseNormalCdf(0.9), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> LatentGrid.inverseNormalCdf(1));
    }

    @Test
    void gridRowsRunFromTheBottomAndColumnsFromTheLeft() {
        FMatrixRMaj z = LatentGrid.quantiles(4);
        assertEquals(16, z.numRows);
        assertEquals(LatentGrid.inverseNormalCdf(0.125), z.get(0, 0), 1e-6);
        assertEquals(LatentGrid.inverseNormalCdf(0.125), z.get(0, 1), 1e-6);
        assertEquals(LatentGrid.inverseNormalCdf(0.375), z.get(1, 0), 1e-6, "next column");
        assertEquals(LatentGrid.inverseNormalCdf(0.375), z.get(4, 1), 1e-6, "next row up");
        assertEquals(0, LatentGrid.quantiles(1).get(0, 0), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> LatentGrid.quantiles(0));
    }
}
