package org.genscope.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Grid2D;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The exact density: it integrates to 1, at every stage, and the per-layer views add up to the whole. */
class FlowDensityTest {
    private static final Grid2D FINE = new Grid2D(-9, 9, -9, 9, 450, 450);
    /** The random 5-layer flow below spreads ~2% of its mass beyond ±9: integrate it over a wider window. */
    private static final Grid2D WIDE = new Grid2D(-25, 25, -25, 25, 500, 500);

    private static double integral(float[] p, Grid2D g) {
        double s = 0;
        for (float v : p) s += v;
        return s * g.cellArea();
    }

    @ParameterizedTest
    @EnumSource(LayerKind.class)
    void densityIntegratesToOne(LayerKind kind) {
        FlowModel m = TestFlows.randomModel(List.of(LayerSpec.of(kind, 8, 8), LayerSpec.of(kind, 8)), 2, true, 0.2, 31);
        assertEquals(1.0, integral(m.densityGrid(FINE), FINE), 1e-2, kind.toString());
    }

    @Test
    void everyStageDensityIntegratesToOneAndTheEndsAreBaseAndModel() {
        FlowModel m = TestFlows.randomModel(FlowSpec.parseLayers("actnorm,realnvp:8,maf:8,glow:8,scale"), 2, false, 0.2, 32);
        int k = m.layers().size();
        for (int stage = 0; stage <= k; stage++) {
            assertEquals(1.0, integral(FlowDiagnostics.stageDensity(m, stage, WIDE), WIDE), 1e-2, "stage " + stage);
        }
        Grid2D g = new Grid2D(-3, 3, -2, 2, 30, 20);
        assertArrayEquals(m.densityGrid(g), FlowDiagnostics.stageDensity(m, k, g), 1e-6f);
        double[] lp = m.base().logProb(g.centres());
        float[] p0 = FlowDiagnostics.stageDensity(m, 0, g);
        for (int i = 0; i < lp.length; i++) assertEquals(Math.exp(lp[i]), p0[i], 1e-7);
    }

    @Test
    void layerLogDetsSumToTheFlowsLogDet() {
        FlowModel m = TestFlows.randomModel(FlowSpec.parseLayers("nice:8,realnvp:8,linear,iaf:8,scale"), 2, false, 0.3, 33);
        Grid2D g = new Grid2D(-2, 2, -2, 2, 12, 9);
        float[][] per = FlowDiagnostics.layerLogDets(m, g);
        double[] total = m.toBase(g.centres()).logDet();
        assertEquals(m.layers().size(), per.length);
        for (int c = 0; c < g.cells(); c++) {
            double s = 0;
            for (float[] layer : per) s += layer[c];
            assertEquals(total[c], s, 1e-4);
        }
        for (float v : per[0]) assertEquals(0f, v);                    // NICE's additive coupling preserves volume
    }

    @Test
    void stagesCarryPointsBothWaysConsistently() {
        FlowModel m = TestFlows.randomModel(FlowSpec.parseLayers("glow:8,maf:8,iaf:8,realnvp:8"), 2, true, 0.3, 34);
        FMatrixRMaj x = TestFlows.gaussian(30, 2, 1.0, new Rng(5));
        Stages toBase = FlowDiagnostics.stages(m, x, Stages.Direction.TO_BASE);
        Mapped z = m.toBase(x);
        int k = toBase.count();
        assertTrue(TestFlows.maxAbsDiff(toBase.points().get(k), z.points()) == 0);
        assertArrayEquals(z.logDet(), toBase.logDet().get(k), 1e-9);
        Stages toData = FlowDiagnostics.stages(m, z.points(), Stages.Direction.TO_DATA);
        assertArrayEquals(new int[] {3, 2, 1, 0}, toData.layers());
        for (int s = 0; s <= k; s++) {
            assertTrue(TestFlows.maxAbsDiff(toData.points().get(s), toBase.points().get(k - s)) < 1e-5, "stage " + s);
        }
        assertTrue(FlowDiagnostics.inverseError(m, x) < 1e-5);
    }

    @Test
    void gridLinesAreLaidOutLineByLine() {
        FMatrixRMaj p = FlowDiagnostics.gridLines(new Grid2D(-2, 2, 0, 1, 10, 10), 3, 5);
        assertEquals(30, p.numRows);
        assertEquals(-2f, p.get(0, 0));                  // first horizontal line: y = ymin, left to right
        assertEquals(0f, p.get(4, 1));
        assertEquals(2f, p.get(4, 0));
        assertEquals(1f, p.get(2 * 5 + 3, 1));           // third horizontal line: y = ymax
        assertEquals(-2f, p.get(3 * 5, 0));              // first vertical line: x = xmin, bottom to top
        assertEquals(1f, p.get(3 * 5 + 4, 1));
        assertEquals(2f, p.get(5 * 5 + 2, 0));           // last vertical line: x = xmax
    }
}
