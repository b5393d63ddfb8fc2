package org.genscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.genscope.nn.Optimizer;
import org.genscope.nn.OptimizerKind;
import org.genscope.nn.Param;
import org.junit.jupiter.api.Test;

/** lr(s) = peak · (f + (1 − f) · ½ (1 + cos(π · min(s, S) / S))): its end points, midpoint, shape, and the listener. */
class CosineDecayTest {
    private static final double F = CosineDecay.FLOOR;

    @Test
    void startsAtThePeakHalvesTheSpanAtTheMiddleAndEndsAtTheFloor() {
        Optimizer opt = OptimizerKind.SGD.create(List.of(new Param("w", 1, 1)), 0.4);
        CosineDecay c = new CosineDecay(opt, 0.4, 1000);
        assertEquals(0.4, c.rate(0), 1e-15);
        assertEquals(0.4 * (F + (1 - F) / 2), c.rate(500), 1e-15);
        assertEquals(0.4 * F, c.rate(1000), 1e-15);
        assertEquals(0.4 * F, c.rate(5000), 1e-15, "stays at the floor after S steps");
        // a quarter of the way: cos(π/4) = √2/2
        assertEquals(0.4 * (F + (1 - F) * 0.5 * (1 + Math.sqrt(0.5))), c.rate(250), 1e-15);
        for (long s = 1; s <= 1000; s++) assertTrue(c.rate(s) < c.rate(s - 1), "strictly decreasing at " + s);
    }

    @Test
    void asAListenerItSetsTheRateOfTheNextStep() {
        Optimizer opt = OptimizerKind.ADAM.create(List.of(new Param("w", 1, 1)), 0.1);
        CosineDecay c = new CosineDecay(opt, 0.1, 10);
        c.onStep(5, 0, 1.0);
        assertEquals(c.rate(5), opt.learningRate(), 1e-15);
        c.onStep(10, 0, 1.0);
        assertEquals(0.1 * F, opt.learningRate(), 1e-15);
    }

    @Test
    void refusesANonPositivePeakOrNoSteps() {
        Optimizer opt = OptimizerKind.SGD.create(List.of(new Param("w", 1, 1)), 0.1);
        assertThrows(IllegalArgumentException.class, () -> new CosineDecay(opt, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new CosineDecay(opt, 0.1, 0));
    }
}
