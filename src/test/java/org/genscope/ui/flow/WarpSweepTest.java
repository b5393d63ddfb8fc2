package org.genscope.ui.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The export's sweep: every eased frame of the warp base → data, then a rewind three times as fast. */
class WarpSweepTest {
    @Test
    void warpsForwardAtEveryFrameThenRewindsThreeTimesFaster() {
        double[] t = WarpExport.sweep(9, 12);
        assertEquals(9 * 12 + 9 * 4, t.length);
        for (int j = 0; j <= 108; j++) assertEquals(WarpPlayer.eased(j / 12.0), t[j], 1e-12, "forward frame " + j);
        assertEquals(9.0, t[108], 1e-12, "the data once");
        for (int j = 109; j < t.length; j++) assertTrue(t[j] < t[j - 1], "the rewind only goes back: frame " + j);
        assertEquals(WarpPlayer.eased(1 / 4.0), t[t.length - 1], 1e-12, "the last frame leads into the first, 0");
        for (int stage = 0; stage <= 9; stage++) {
            boolean found = false;
            for (int j = 109; j < t.length; j++) found |= Math.abs(t[j] - stage) < 1e-12;
            assertTrue(found || stage == 0 || stage == 9, "the rewind passes stage " + stage + " exactly");
        }
    }

    @Test
    void aLayerOfFewFramesRewindsAtOneFrameALayer() {
        assertEquals(3 * 2 + 3, WarpExport.sweep(3, 2).length);
        assertEquals(1, WarpExport.sweep(0, 12).length);
    }
}
