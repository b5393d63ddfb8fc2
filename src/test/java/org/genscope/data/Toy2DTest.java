package org.genscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class Toy2DTest {
    @Test
    void everyToyIsReproducibleFiniteAndCentred() {
        for (Toy2D t : Toy2D.values()) {
            Dataset a = t.generate(2000, 0.05, 1);
            assertEquals(2, a.dimension());
            assertArrayEquals(a.x().data, t.generate(2000, 0.05, 1).x().data, t.id());
            assertFalse(Arrays.equals(a.x().data, t.generate(2000, 0.05, 2).x().data), t.id());
            for (float v : a.x().data) assertTrue(Float.isFinite(v) && Math.abs(v) < 4.5, t.id() + ": " + v);
            assertEquals(t, Toy2D.byName(t.id()));
            assertEquals(t != Toy2D.SWISS_ROLL, a.hasLabels(), t.id());
        }
    }

    @Test
    void checkerboardPointsLieInTheEightSquaresUniformly() {
        Dataset d = Toy2D.CHECKERBOARD.generate(40000, 0.3, 4);   // noise does not apply to the checkerboard
        int[] perSquare = new int[16];
        for (int i = 0; i < d.size(); i++) {
            double x = d.x().get(i, 0);
            double y = d.x().get(i, 1);
            assertTrue(x >= -2 && x < 2 && y >= -2 && y < 2);
            int ci = (int) Math.floor(x + 2);
            int cj = (int) Math.floor(y + 2);
            assertEquals(0, (ci + cj) % 2, "point (" + x + ", " + y + ") is on a white square");
            perSquare[4 * ci + cj]++;
        }
        // each of the 8 squares gets 1/8: sd of a count = sqrt(40000·(1/8)(7/8)) ≈ 66
        for (int k = 0; k < 16; k++) {
            if ((k / 4 + k % 4) % 2 == 0) assertEquals(5000, perSquare[k], 4 * 66);
        }
        assertEquals(Math.log(8), Toy2D.CHECKERBOARD.entropy(0).getAsDouble(), 1e-12);
    }

    @Test
    void eightGaussiansHaveTheDocumentedMeansSpreadAndEntropy() {
        double sigma = 0.1;
        Dataset d = Toy2D.EIGHT_GAUSSIANS.generate(40000, sigma, 5);
        double[][] sum = new double[8][2];
        double[] sq = new double[8];
        int[] n = new int[8];
        for (int i = 0; i < d.size(); i++) {
            int k = d.labels()[i];
            n[k]++;
            sum[k][0] += d.x().get(i, 0);
            sum[k][1] += d.x().get(i, 1);
        }
        double r = Toy2D.EIGHT_GAUSSIANS_RADIUS;
        for (int k = 0; k < 8; k++) {
            double cx = r * Math.cos(2 * Math.PI * k / 8);
            double cy = r * Math.sin(2 * Math.PI * k / 8);
            // empirical mean within 4 standard errors σ/√n_k of the centre
            assertEquals(cx, sum[k][0] / n[k], 4 * sigma / Math.sqrt(n[k]));
            assertEquals(cy, sum[k][1] / n[k], 4 * sigma / Math.sqrt(n[k]));
            assertEquals(5000, n[k], 4 * 66);
        }
        // Monte-Carlo entropy −E[ln p(x)] with the exact mixture density equals ln 8 + ln(2πeσ²)
        double h = 0;
        for (int i = 0; i < d.size(); i++) {
            double p = 0;
            for (int k = 0; k < 8; k++) {
                double dx = d.x().get(i, 0) - r * Math.cos(2 * Math.PI * k / 8);
                double dy = d.x().get(i, 1) - r * Math.sin(2 * Math.PI * k / 8);
                p += Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)) / (2 * Math.PI * sigma * sigma) / 8;
            }
            h -= Math.log(p) / d.size();
            int k = d.labels()[i];
            double ex = d.x().get(i, 0) - r * Math.cos(2 * Math.PI * k / 8);
            double ey = d.x().get(i, 1) - r * Math.sin(2 * Math.PI * k / 8);
            sq[k] += (ex * ex + ey * ey) / 2;
        }
        for (int k = 0; k < 8; k++) {
            assertEquals(sigma, Math.sqrt(sq[k] / n[k]), 0.05 * sigma, "per-axis σ of mode " + k);
        }
        // sd of ln p over samples is 1 (χ²₂/2 has variance 1), so the MC error is ≈ 1/√40000 = 0.005
        assertEquals(Toy2D.EIGHT_GAUSSIANS.entropy(sigma).getAsDouble(), h, 0.02);
    }

    @Test
    void noiseFreeShapesLieOnTheirCurves() {
        FMatrixRMaj c = Toy2D.CIRCLES.generate(500, 0, 1).x();
        FMatrixRMaj g = Toy2D.RINGS.generate(500, 0, 1).x();
        FMatrixRMaj s = Toy2D.SWISS_ROLL.generate(500, 0, 1).x();
        Dataset m = Toy2D.MOONS.generate(500, 0, 1);
        for (int i = 0; i < 500; i++) {
            double rc = Math.hypot(c.get(i, 0), c.get(i, 1));
            assertTrue(Math.abs(rc - 1) < 1e-5 || Math.abs(rc - 2) < 1e-5, "circle radius " + rc);
            double rg = 2 * Math.hypot(g.get(i, 0), g.get(i, 1));   // 1, 2, 3 or 4
            assertEquals(Math.rint(rg), rg, 1e-5);
            double rs = 5 * Math.hypot(s.get(i, 0), s.get(i, 1));    // the spiral parameter t
            assertTrue(rs >= 1.5 * Math.PI - 1e-4 && rs <= 4.5 * Math.PI + 1e-4, "swiss roll t " + rs);
            // moons: outer (cos t, sin t) and inner (1 − cos t, 1/2 − sin t), scaled back from ×2 and centred
            double u = m.x().get(i, 0) / 2 + 0.5;
            double v = m.x().get(i, 1) / 2 + 0.25;
            double dist = m.labels()[i] == 0 ? Math.hypot(u, v) : Math.hypot(u - 1, v - 0.5);
            assertEquals(1, dist, 1e-5);
        }
    }

    @Test
    void ringsAreWeightedByCircumference() {
        int[] y = Toy2D.RINGS.generate(20000, 0.02, 3).labels();
        int[] n = new int[4];
        for (int k : y) n[k]++;
        for (int k = 0; k < 4; k++) {
            double p = (k + 1) / 10.0;
            assertEquals(20000 * p, n[k], 4 * Math.sqrt(20000 * p * (1 - p)), "ring " + k);
        }
    }

    @Test
    void namesResolveAndUnknownNamesAreListed() {
        assertSame(Toy2D.EIGHT_GAUSSIANS, Toy2D.byName("8gaussians"));
        assertSame(Toy2D.SWISS_ROLL, Toy2D.byName("swiss_roll"));
        String m = assertThrows(IllegalArgumentException.class, () -> Toy2D.byName("donut")).getMessage();
        assertTrue(m.contains("donut") && m.contains("checkerboard") && m.contains("2spirals"), m);
        assertTrue(Toy2D.MOONS.entropy(0.1).isEmpty());
    }
}
