package org.genscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.genscope.nn.Param;
import org.genscope.nn.Sgd;
import org.junit.jupiter.api.Test;

class StagedDecayTest {
    @Test
    void stagesLastThreeTimesAsLongAsTheOneBeforeAndLowerTheRateTenfoldInAll() {
        long steps = 3280 * 10;
        StagedDecay d = new StagedDecay(new Sgd(List.of(new Param("w", 1, 1)), 1), 1e-3, steps);
        long[] length = new long[StagedDecay.STAGES];
        for (long s = 0; s < steps; s++) length[d.stage(s)]++;
        long expected = 10;
        for (int i = 0; i < StagedDecay.STAGES; i++) {
            assertEquals(expected, length[i], "stage " + i);
            expected *= 3;
        }
        assertEquals(1e-3, d.rate(0), 1e-15);
        assertEquals(1e-3 * Math.pow(10, -1 / 7.0), d.rate(10), 1e-15);
        assertEquals(1e-4, d.rate(steps - 1), 1e-15);
        assertEquals(1e-4, d.rate(10 * steps), 1e-15, "after the run the last rate stays");
    }
}
