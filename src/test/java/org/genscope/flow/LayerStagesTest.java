package org.genscope.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Grid2D;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;

/** The warp data: end stages against the model's own sampling and density, interpolation, robust views. */
class LayerStagesTest {
    private static final LayerStages.Settings SMALL = new LayerStages.Settings(5, 7, 3.0, 200, 42, 12, 0.01, 0.15);

    private static FlowModel model() {
        return TestFlows.randomModel(FlowSpec.parseLayers("realnvp:8-8*3,actnorm,linear"), 2, false, 0.3, 5);
    }

    @Test
    void firstStageIsTheBaseSampleAndLastStageTheModelSample() {
        FlowModel m = model();
        LayerStages s = LayerStages.compute(m, SMALL);
        assertEquals(5, s.count());
        FMatrixRMaj z = m.base().sample(200, new Rng(42));
        assertArrayEquals(z.data, s.points(0));
        float[] x = m.toData(z).points().data;
        float[] last = s.points(5);
        for (int i = 0; i < x.length; i++) assertEquals(x[i], last[i], 1e-5, "coordinate " + i + " of f⁻¹(z)");
        // the same as the model's own sampler with the same seed
        float[] sampled = m.sample(200, new Rng(42)).data;
        for (int i = 0; i < x.length; i++) assertEquals(sampled[i], last[i], 1e-5);
        // and every stage is the previous one carried through one layer inverse
        for (int step = 1; step <= 5; step++) {
            FMatrixRMaj prev = FMatrixRMaj.wrap(200, 2, s.points(step - 1));
            float[] next = m.layers().get(s.layerIndex(step)).inverse(prev).points().data;
            assertArrayEquals(next, s.points(step), 1e-6f, "step " + step);
        }
    }

    @Test
    void baseGridLinesAreStraightOverThreeSigma() {
        FlowModel m = TestFlows.randomModel(FlowSpec.parseLayers("realnvp:8-8*2"), 2, true, 0.3, 3);
        m.base().params().get(0).value.data[0] = 1f;     // μ = (1, −2)
        m.base().params().get(0).value.data[1] = -2f;
        m.base().params().get(1).value.data[0] = 0.5f;   // σ = (e^0.5, 1)
        m.base().params().get(1).value.data[1] = 0f;
        LayerStages s = LayerStages.compute(m, SMALL);
        assertEquals(10, s.lineCount());
        float[] g = s.lines(0);
        double sx = Math.exp(0.5);
        // line 0: vertical at x = μ0 − 3σ0, y from μ1 − 3 to μ1 + 3
        assertEquals(1 - 3 * sx, g[0], 1e-5);
        assertEquals(-5, g[1], 1e-5);
        assertEquals(1 - 3 * sx, g[2 * 6], 1e-5);
        assertEquals(1, g[2 * 6 + 1], 1e-5);
        // line 5 (first horizontal): y = μ1 − 3, x rising from μ0 − 3σ0 to μ0 + 3σ0
        int v = 2 * 5 * 7;
        assertEquals(-5, g[v + 1], 1e-5);
        assertEquals(1 - 3 * sx, g[v], 1e-5);
        assertEquals(1 + 3 * sx, g[v + 2 * 6], 1e-5);
    }

    @Test
    void endDensitiesAreTheBaseAndTheModelDensity() {
        FlowModel m = model();
        LayerStages s = LayerStages.compute(m, SMALL);
        Grid2D g0 = s.densityGrid(0);
        FMatrixRMaj c = g0.centres();
        float[] p0 = s.density(0);
        for (int i = 0; i < p0.length; i++) {
            double x = c.data[2 * i];
            double y = c.data[2 * i + 1];
            assertEquals(Math.exp(-(x * x + y * y) / 2) / (2 * Math.PI), p0[i], 1e-6, "N(0, I) at cell " + i);
        }
        assertArrayEquals(m.densityGrid(s.densityGrid(5)), s.density(5), 1e-6f);
        assertEquals(12 * 12, s.density(3).length);
    }

    @Test
    void framesAreStagesAtIntegersAndMidpointsHalfWay() {
        LayerStages s = LayerStages.compute(model(), SMALL);
        for (int k = 0; k <= 5; k++) {
            LayerStages.Frame f = s.at(k);
            assertArrayEquals(s.lines(k), f.lines());
            assertArrayEquals(s.points(k), f.points());
            assertArrayEquals(s.view(k), f.view());
        }
        LayerStages.Frame mid = s.at(2.5);
        float[] a = s.points(2);
        float[] b = s.points(3);
        for (int i = 0; i < a.length; i++) assertEquals((a[i] + b[i]) / 2, mid.points()[i], 1e-5);
        assertEquals((s.view(2)[1] + s.view(3)[1]) / 2, mid.view()[1], 1e-12);
        assertArrayEquals(s.points(5), s.at(7).points(), "clamped above K");
        assertThrows(IllegalArgumentException.class, () -> s.at(Double.NaN));
    }

    @Test
    void viewIgnoresAnOutlierAndIsSquare() {
        float[] xy = new float[2 * 1000];
        Rng r = new Rng(1);
        for (int i = 0; i < 1000; i++) {
            xy[2 * i] = (float) r.nextDouble();
            xy[2 * i + 1] = (float) (0.5 * r.nextDouble());
        }
        xy[0] = 1e6f;
        xy[1] = Float.NaN;
        double[] v = LayerStages.robustView(xy, 0.01, 0.15);
        assertTrue(v[0] > -0.3 && v[1] < 1.3, "x view " + v[0] + ".." + v[1]);
        assertEquals(v[1] - v[0], v[3] - v[2], 1e-12, "square");
        assertEquals(0.25, (v[2] + v[3]) / 2, 0.02, "centred on the y data");
        assertArrayEquals(new double[] {-3, 3, -3, 3}, LayerStages.robustView(new float[] {Float.NaN, Float.NaN}, 0.01, 0.1));
    }

    @Test
    void labelsNameTheInvertedLayer() {
        LayerStages s = LayerStages.compute(model(), SMALL);
        assertEquals("base", s.label(0));
        assertEquals(4, s.layerIndex(1), "the generative direction starts with the last forward layer");
        assertEquals("after layer 5⁻¹: invertible linear map, LU-parametrised (Glow)", s.label(1));
        assertTrue(s.label(5).startsWith("data, after layer 1⁻¹: affine coupling (RealNVP)"), s.label(5));
    }

    @Test
    void rejectsFlowsThatAreNotTwoDimensional() {
        FlowModel m = FlowSpec.parse("realnvp:8*2").build(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerStages.compute(m));
        assertTrue(e.getMessage().contains("2-D"), e.getMessage());
    }

    @Test
    void eightLayerRealNvpComputesWellUnderASecond() {
        FlowModel m = FlowPreset.byId("realnvp-moons").model();
        m.initialize(TestFlows.gaussian(500, 2, 1, new Rng(2)));
        LayerStages.compute(m);                          // warm up the JIT
        long t0 = System.nanoTime();
        int runs = 5;
        LayerStages s = null;
        for (int i = 0; i < runs; i++) s = LayerStages.compute(m);
        double ms = (System.nanoTime() - t0) / 1e6 / runs;
        System.out.printf("LayerStages for %s: %.1f ms per compute (%d lines × %d points, %d samples, %d² density, K=%d)%n",
                "realnvp:64-64*8", ms, s.lineCount(), s.pointsPerLine(), s.cloudSize(), s.densityGrid(0).nx(), s.count());
        assertEquals(8, s.count());
        assertTrue(ms < 1000, "one compute took " + ms + " ms");
    }
}
