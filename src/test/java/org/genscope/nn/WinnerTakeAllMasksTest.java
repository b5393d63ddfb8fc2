package org.genscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The two winner-take-all rules: exact winner counts, deterministic ties, gradients through winners only. */
class WinnerTakeAllMasksTest {
    /** Distinct values 0.1 apart in random order: no two within a finite-difference step of each other. */
    private static FMatrixRMaj spaced(int rows, int cols, Rng rng) {
        int[] order = rng.permutation(rows * cols);
        FMatrixRMaj x = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < order.length; i++) x.data[i] = 0.1f * (order[i] - rows * cols / 2f) + 0.05f;
        return x;
    }

    @Test
    void lifetimeKeepsExactlyTheCeilingOfKPercentOfTheBatchPerUnit() {
        Rng rng = new Rng(1);
        for (double k : new double[] {5, 20, 33.3, 1, 100, 0.5}) {
            for (int batch : new int[] {100, 37, 7}) {
                LifetimeSparsity l = new LifetimeSparsity(9, 1, k);
                FMatrixRMaj y = l.forward(TestMatrices.gaussian(batch, 9, rng));
                int expected = (int) Math.max(1, Math.ceil(k * batch / 100 - 1e-9));
                for (int u = 0; u < 9; u++) {
                    int kept = 0;
                    for (int b = 0; b < batch; b++) if (l.won(b, u)) kept++;
                    assertEquals(expected, kept, "k=" + k + " batch=" + batch + " unit " + u);
                    int nonzero = 0;
                    for (int b = 0; b < batch; b++) if (y.get(b, u) != 0f) nonzero++;
                    assertEquals(expected, nonzero);
                }
            }
        }
        assertEquals(5, LifetimeSparsity.keep(5, 100));
        assertEquals(1, LifetimeSparsity.keep(5, 7));
        assertEquals(2, LifetimeSparsity.keep(20, 6));
    }

    @Test
    void lifetimeKeepsTheLargestActivationsAndBreaksTiesByBatchOrder() {
        LifetimeSparsity l = new LifetimeSparsity(1, 1, 40);           // ⌈0.4·5⌉ = 2 winners
        FMatrixRMaj x = new FMatrixRMaj(new float[][] {{1}, {3}, {2}, {3}, {-1}});
        FMatrixRMaj y = l.forward(x);
        assertEquals(0f, y.get(0, 0));
        assertEquals(3f, y.get(1, 0));
        assertEquals(0f, y.get(2, 0));
        assertEquals(3f, y.get(3, 0));
        FMatrixRMaj ties = new FMatrixRMaj(new float[][] {{2}, {5}, {2}, {2}, {2}});
        y = l.forward(ties);
        assertEquals(2f, y.get(0, 0), "the first of the tied examples wins");
        assertEquals(5f, y.get(1, 0));
        assertEquals(0f, y.get(2, 0));
        assertEquals(0f, y.get(3, 0));
    }

    @Test
    void lifetimeOnFeatureMapsRanksExamplesByTheirLargestValueAndKeepsWholeMaps() {
        LifetimeSparsity l = new LifetimeSparsity(2, 3, 50);           // 2 maps of 3 pixels, 4 examples → 2 win
        FMatrixRMaj x = new FMatrixRMaj(new float[][] {
            {0, 4, 0, 1, 1, 1}, {0, 0, 1, 0, 9, 0}, {5, 0, 0, 0, 0, 2}, {0, 0, 0, 3, 0, 0}});
        FMatrixRMaj y = l.forward(x);
        assertTrue(l.won(0, 0) && l.won(2, 0) && !l.won(1, 0) && !l.won(3, 0));
        assertTrue(l.won(1, 1) && l.won(3, 1) && !l.won(0, 1) && !l.won(2, 1));
        assertEquals(4f, y.get(0, 1));
        assertEquals(0f, y.get(1, 2));
        assertEquals(9f, y.get(1, 4));
        assertEquals(0f, y.get(2, 5));
    }

    @Test
    void spatialKeepsOneValuePerMapTheLargestFirstOnTies() {
        ImageShape s = new ImageShape(3, 4, 5);
        SpatialSparsity sp = new SpatialSparsity(s);
        Rng rng = new Rng(2);
        FMatrixRMaj x = TestMatrices.gaussian(6, s.size(), rng);
        x.data[s.size() + 7] = 50f;                                    // example 1, map 0: pixels 7 and 9 tie
        x.data[s.size() + 9] = 50f;
        FMatrixRMaj y = sp.forward(x);
        for (int b = 0; b < 6; b++) {
            for (int c = 0; c < 3; c++) {
                int o = b * s.size() + c * s.pixels();
                int nonzero = 0;
                float max = Float.NEGATIVE_INFINITY;
                for (int p = 0; p < s.pixels(); p++) {
                    if (y.data[o + p] != 0f) nonzero++;
                    max = Math.max(max, x.data[o + p]);
                }
                assertEquals(1, nonzero, "example " + b + " map " + c);
                assertEquals(max, y.data[o + sp.winner(b, c)]);
            }
        }
        assertEquals(7, sp.winner(1, 0));
    }

    @Test
    void lifetimeGradientFlowsThroughWinnersOnly() {
        Rng rng = new Rng(3);
        LifetimeSparsity l = new LifetimeSparsity(6, 1, 25);
        FMatrixRMaj x = spaced(8, 6, rng);
        GradCheck.Report r = GradCheck.check(GradCheck.probe(l, x, rng), l.params(), x, 1e-2, 48, 1);
        assertTrue(r.maxRelError() < 1e-2, r.toString());
        l.forward(x);
        FMatrixRMaj dx = l.backward(TestMatrices.gaussian(8, 6, rng));
        for (int b = 0; b < 8; b++) for (int u = 0; u < 6; u++) if (!l.won(b, u)) assertEquals(0f, dx.get(b, u));
    }

    @Test
    void spatialGradientFlowsThroughWinnersOnly() {
        Rng rng = new Rng(4);
        ImageShape s = new ImageShape(2, 3, 3);
        SpatialSparsity sp = new SpatialSparsity(s);
        FMatrixRMaj x = spaced(3, s.size(), rng);
        GradCheck.Report r = GradCheck.check(GradCheck.probe(sp, x, rng), sp.params(), x, 1e-2, 54, 1);
        assertTrue(r.maxRelError() < 1e-2, r.toString());
        sp.forward(x);
        FMatrixRMaj dx = sp.backward(TestMatrices.gaussian(3, s.size(), rng));
        int nonzero = 0;
        for (float v : dx.data) if (v != 0f) nonzero++;
        assertEquals(3 * 2, nonzero, "one gradient entry per map per example");
    }

    @Test
    void spatialThenLifetimeAsInConvWtaGradientMatches() {
        Rng rng = new Rng(5);
        ImageShape s = new ImageShape(3, 4, 4);
        Sequential wta = new Sequential(new SpatialSparsity(s), new LifetimeSparsity(3, s.pixels(), 50));
        FMatrixRMaj x = spaced(6, s.size(), rng);
        GradCheck.Report r = GradCheck.check(GradCheck.probe(wta, x, rng), wta.params(), x, 1e-2, 96, 1);
        assertTrue(r.maxRelError() < 1e-2, r.toString());
    }

    @Test
    void disabledRulesAreTheIdentity() {
        Rng rng = new Rng(6);
        FMatrixRMaj x = TestMatrices.gaussian(5, 8, rng);
        LifetimeSparsity l = new LifetimeSparsity(8, 1, 5);
        l.setEnabled(false);
        assertTrue(java.util.Arrays.equals(x.data, l.forward(x).data));
        SpatialSparsity sp = new SpatialSparsity(new ImageShape(2, 2, 2));
        sp.setEnabled(false);
        assertTrue(java.util.Arrays.equals(x.data, sp.forward(x).data));
    }

    @Test
    void kOutsideZeroToHundredIsRefused() {
        for (double k : new double[] {0, -5, 100.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LifetimeSparsity(4, 1, k));
            assertTrue(e.getMessage().contains("(0, 100]"), e.getMessage());
        }
    }

    @Test
    void softmaxCrossEntropyGradientMatchesFiniteDifferences() {
        Rng rng = new Rng(7);
        FMatrixRMaj z = TestMatrices.gaussian(5, 4, rng);
        int[] y = {0, 3, 1, 1, 2};
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        GradCheck.Report r = GradCheck.check(new GradCheck.Problem() {
            @Override
            public double loss() {
                return ce.forward(z, y, 0);
            }

            @Override
            public FMatrixRMaj backward() {
                return ce.grad();
            }
        }, java.util.List.of(), z, 1e-2, 20, 1);
        assertTrue(r.maxRelError() < 1e-2, r.toString());
        FMatrixRMaj uniform = new FMatrixRMaj(2, 4);
        assertEquals(Math.log(4), ce.forward(uniform, new int[] {1, 2}, 0), 1e-6);
    }
}
