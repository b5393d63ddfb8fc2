package org.genscope.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    @Test
    void splitsThePointsByWhereTheyLandInTheBaseSpace() {
        FlowModel m = TestFlows.randomModel(FlowSpec.parseLayers("realnvp:8*4"), 2, false, 0.5, 3);
        FMatrixRMaj x = TestFlows.gaussian(400, 2, 4.0, new Rng(9));      // wide: some land beyond ‖z‖ = 5
        RoundTrip rt = RoundTrip.measure(m, x);
        FMatrixRMaj z = m.toBase(x).points();
        FMatrixRMaj back = m.toData(z).points();
        int inside = 0;
        double maxNorm = 0, all = 0, typical = 0;
        for (int r = 0; r < x.numRows; r++) {
            double norm = Math.hypot(z.get(r, 0), z.get(r, 1));
            double e = Math.max(Math.abs(back.get(r, 0) - x.get(r, 0)), Math.abs(back.get(r, 1) - x.get(r, 1)));
            maxNorm = Math.max(maxNorm, norm);
            all = Math.max(all, e);
            if (norm <= RoundTrip.TYPICAL_RADIUS) {
                inside++;
                typical = Math.max(typical, e);
            }
        }
        assertTrue(inside > 0 && inside < x.numRows, "the test needs points on both sides: " + inside);
        assertEquals(inside, rt.typicalCount());
        assertEquals(typical, rt.typical(), 0);
        assertEquals(all, rt.all(), 0);
        assertEquals(maxNorm, rt.maxBaseNorm(), 1e-9 * maxNorm);
        assertTrue(rt.typical() <= rt.all());
        assertTrue(rt.typical() < 1e-5, "couplings invert to float precision: " + rt.typical());
    }

    @Test
    void noPointInsideTheBallGivesNaNTypical() {
        FlowModel m = TestFlows.randomModel(FlowSpec.parseLayers("nice:8"), 2, false, 0.1, 1);
        FMatrixRMaj x = new FMatrixRMaj(1, 2, true, 100f, -100f);
        RoundTrip rt = RoundTrip.measure(m, x);
        assertEquals(0, rt.typicalCount());
        assertTrue(Double.isNaN(rt.typical()));
        assertTrue(rt.maxBaseNorm() > RoundTrip.TYPICAL_RADIUS);
    }
}
