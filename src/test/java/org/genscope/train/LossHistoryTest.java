package org.genscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LossHistoryTest {
    @Test
    void fullCurvesAverageNeighboursAndDoubleTheStride() {
        LossHistory h = new LossHistory(4);
        for (int step = 1; step <= 10; step++) h.add(step, step * 10);
        // 1..4 fill the curve, which halves to (2: 15, 4: 35) with stride 2; then (6: 55, 8: 75) fill it again
        // and it halves to (4: 25, 8: 65) with stride 4; steps 9 and 10 wait in the pending bucket.
        Curve c = h.toCurve();
        assertArrayEquals(new double[] {4, 8}, c.steps());
        assertArrayEquals(new double[] {25, 65}, c.values());
        for (int step = 11; step <= 12; step++) h.add(step, step * 10);
        assertArrayEquals(new double[] {4, 8, 12}, h.toCurve().steps());
        assertEquals(105, h.toCurve().value(2), 1e-12); // mean of 90, 100, 110, 120
    }

    @Test
    void stateRoundTripContinuesIdentically() {
        LossHistory a = new LossHistory(8);
        for (int step = 1; step <= 21; step++) a.add(step, Math.sin(step));
        LossHistory b = new LossHistory(8);
        b.restore(a.state());
        for (int step = 22; step <= 40; step++) {
            a.add(step, Math.sin(step));
            b.add(step, Math.sin(step));
        }
        assertEquals(a.toCurve(), b.toCurve());
        assertArrayEquals(a.state(), b.state());
    }

    @Test
    void malformedStateIsRefused() {
        LossHistory h = new LossHistory(4);
        assertThrows(IllegalArgumentException.class, () -> h.restore(new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> h.restore(new double[] {Double.NaN, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> h.restore(new double[] {2, 0, 2}));
        double[] fourPoints = new double[3 + 2 * 4];
        fourPoints[0] = 1;
        assertThrows(IllegalArgumentException.class, () -> h.restore(fourPoints)); // a full curve would have halved
    }
}
