package org.genscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;

/** The principal plane: finds the directions of largest spread, projects and lifts consistently. */
class PcaPlaneTest {
    /** Points spread 5 along (1,1,0)/√2, 2 along (0,0,1), 0.1 along the rest, shifted by (3, −1, 2). */
    private static FMatrixRMaj cloud(int n) {
        Rng rng = new Rng(4);
        FMatrixRMaj x = new FMatrixRMaj(n, 3);
        double r = Math.sqrt(0.5);
        for (int i = 0; i < n; i++) {
            double a = 5 * rng.nextGaussian();
            double b = 2 * rng.nextGaussian();
            double c = 0.1 * rng.nextGaussian();
            x.set(i, 0, (float) (3 + a * r + c * r));
            x.set(i, 1, (float) (-1 + a * r - c * r));
            x.set(i, 2, (float) (2 + b));
        }
        return x;
    }

    @Test
    void theFirstDirectionsAreTheOnesOfLargestSpread() {
        PcaPlane p = PcaPlane.of(cloud(20_000));
        float[] onE1 = new float[3];
        p.lift(1, 0, onE1);
        float[] mean = new float[3];
        p.lift(0, 0, mean);
        assertArrayEquals(new float[] {3, -1, 2}, mean, 0.1f, "the plane goes through the mean");
        double r = Math.sqrt(0.5);
        assertEquals(r, onE1[0] - mean[0], 0.01, "e1 ≈ (1,1,0)/√2");
        assertEquals(r, onE1[1] - mean[1], 0.01);
        assertEquals(0, onE1[2] - mean[2], 0.01);
        float[] onE2 = new float[3];
        p.lift(0, 1, onE2);
        assertEquals(1, Math.abs(onE2[2] - mean[2]), 0.01, "e2 ≈ ±(0,0,1)");
        assertEquals((25 + 4) / (25 + 4 + 0.01), p.explained(), 0.01);
    }

    @Test
    void liftingAProjectedPlanePointGivesItBack() {
        PcaPlane p = PcaPlane.of(cloud(500));
        float[] z = new float[3];
        p.lift(1.5, -0.7, z);
        FMatrixRMaj one = new FMatrixRMaj(1, 3, true, z);
        float[] uv = p.project(one);
        assertEquals(1.5, uv[0], 1e-5);
        assertEquals(-0.7, uv[1], 1e-5);
    }

    @Test
    void aTwoDimensionalSpaceIsShownAsItIs() {
        FMatrixRMaj x = new FMatrixRMaj(3, 2, true, 1, 2, -3, 4, 5, 6);
        PcaPlane p = PcaPlane.of(x);
        assertArrayEquals(x.data, p.project(x), 0f, "no rotation, no shift");
        float[] z = new float[2];
        p.lift(0.25, -2, z);
        assertArrayEquals(new float[] {0.25f, -2}, z, 0f);
    }

    @Test
    void tooFewPointsOrDimensionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PcaPlane.of(new FMatrixRMaj(1, 3)));
        assertThrows(IllegalArgumentException.class, () -> PcaPlane.of(new FMatrixRMaj(10, 1)));
    }
}
