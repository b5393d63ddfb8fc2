package org.genscope.wta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Dataset;
import org.genscope.nn.Adam;
import org.genscope.nn.GradCheck;
import org.genscope.nn.OptimizerKind;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;
import org.genscope.train.TaskExecutor;
import org.genscope.train.TrainConfig;
import org.genscope.train.TrainingJob;
import org.junit.jupiter.api.Test;

/** The two autoencoders as mathematics: their gradients, what the payload shows, and what lifetime sparsity learns. */
class WtaModelTest {
    /**
     * The gradient check of a whole model. The encoder biases are raised to 4 so that no ReLU pre-activation lies
     * within a finite-difference step of its kink (the cs231n caveat); the winner-take-all selections are then the
     * only non-smooth part, and a step of 2e-3 does not change which values win.
     */
    private static GradCheck.Report check(WtaAutoencoder ae, FMatrixRMaj x) {
        for (Param p : ae.params()) {
            if (p.name.endsWith(".bias") && !p.name.startsWith("de")) java.util.Arrays.fill(p.value.data, 4f);
        }
        return GradCheck.check(new GradCheck.Problem() {
            @Override
            public double loss() {
                return ae.reconstructionError(x);
            }

            @Override
            public FMatrixRMaj backward() {
                for (Param p : ae.params()) p.zeroGrad();
                ae.lossAndGradients(x);
                return null;
            }
        }, ae.params(), null, 2e-3, 30, 3);
    }

    private static FMatrixRMaj images(int n, int d, long seed) {
        Rng rng = new Rng(seed);
        FMatrixRMaj x = new FMatrixRMaj(n, d);
        for (int i = 0; i < x.getNumElements(); i++) x.data[i] = rng.nextFloat();
        return x;
    }

    @Test
    void fcWtaGradientsMatchFiniteDifferencesWithAndWithoutSparsity() {
        for (double k : new double[] {100, 50}) {
            WtaAutoencoder ae = WtaAutoencoder.create(WtaConfig.fc(4, 4, k, 3, 7));
            GradCheck.Report r = check(ae, images(6, 16, 1));
            assertTrue(r.maxRelError() < 2e-2, "k=" + k + "\n" + r);
            assertEquals(4, r.groups().size());
        }
    }

    @Test
    void convWtaGradientsMatchFiniteDifferencesWithAndWithoutSparsity() {
        for (boolean sparse : new boolean[] {false, true}) {
            WtaConfig c = new WtaConfig(WtaKind.CONV, 6, 6, new int[] {3, 8}, 3, 5, sparse ? 50 : 100, sparse, 5);
            WtaAutoencoder ae = WtaAutoencoder.create(c);
            GradCheck.Report r = check(ae, images(4, 36, 2));
            assertTrue(r.maxRelError() < 2e-2, "sparse=" + sparse + "\n" + r);
            assertEquals(6, r.groups().size());
        }
    }

    @Test
    void thePayloadShowsWinnersFiltersAndAFixedImage() {
        WtaAutoencoder fc = WtaAutoencoder.create(WtaConfig.fc(4, 4, 10, 1, 12));
        FMatrixRMaj probe = images(40, 16, 3);
        WtaPayload p = WtaTrainable.payload(fc, probe);
        assertEquals(12, p.codeUnits());
        assertEquals(12 * 16, p.filters().values().length);
        assertEquals(4, p.filters().rows());
        for (float w : p.winRate()) assertTrue(w <= 4 / 40f + 1e-6, "a unit wins at most ⌈10% of 40⌉ = 4 times");
        for (int i = 0; i < 12; i++) assertTrue(!p.winners()[i] || p.codeAfter()[i] == p.codeBefore()[i]);
        assertEquals(probe.data[5], p.image()[5]);

        WtaConfig c = new WtaConfig(WtaKind.CONV, 6, 6, new int[] {3, 5}, 3, 5, 100, true, 2);
        WtaPayload q = WtaTrainable.payload(WtaAutoencoder.create(c), images(10, 36, 4));
        assertEquals(5 * 36, q.codeAfter().length);
        assertEquals(6, q.codeRows());
        for (int m = 0; m < 5; m++) {
            int kept = 0;
            for (int i = m * 36; i < (m + 1) * 36; i++) if (q.codeAfter()[i] != 0f) kept++;
            assertTrue(kept <= 1, "spatial sparsity keeps one value per map, map " + m + " kept " + kept);
        }
        assertEquals(5 * 25, q.filters().values().length);
    }

    /** Fraction of a filter's squared weights inside its best w×w window. */
    private static double windowEnergy(float[] f, int off, int size, int w) {
        double total = 0;
        for (int i = 0; i < size * size; i++) total += f[off + i] * f[off + i];
        double best = 0;
        for (int r = 0; r + w <= size; r++) {
            for (int c = 0; c + w <= size; c++) {
                double e = 0;
                for (int i = 0; i < w; i++) for (int j = 0; j < w; j++) e += f[off + (r + i) * size + c + j] * f[off + (r + i) * size + c + j];
                best = Math.max(best, e);
            }
        }
        return best / total;
    }

    /**
     * Makhzani &amp; Frey's Fig. 1 in miniature: on images of short pen strokes, a small FC-WTA with lifetime sparsity
     * learns filters whose energy sits in a small window (local, stroke-like) while spreading over several pixels
     * (not an identity or delta), far more localised than the same network with the rule off.
     */
    @Test
    void aSmallFcWtaLearnsLocalisedStrokeFiltersOnToyStrokes() {
        Dataset strokes = ToyStrokes.make(3000, 12, 2, 7);
        double sparseLocal = localisation(train(strokes, 10), strokes);
        double plainLocal = localisation(train(strokes, 100), strokes);
        assertTrue(sparseLocal > 0.6, "median energy in the best 5×5 window: " + sparseLocal);
        assertTrue(sparseLocal > plainLocal + 0.2, "sparse " + sparseLocal + " vs plain " + plainLocal);
        double median = train(strokes, 10).decoderFilters().medianParticipation();
        assertTrue(median > 3, "median participation " + median + ": filters are deltas (identity-like)");
    }

    /**
     * The contrast of the paper's Fig. 2: a convolutional autoencoder without sparsity copies its input. Trained
     * with decoupled weight decay, which removes every part of a filter no image needs, its decoder filters become
     * dots (delta functions: a median spread of about 2 pixels of 49); without it they keep their random start
     * (about 15 of 49), though both reconstruct the strokes almost exactly.
     */
    @Test
    void aPlainConvAutoencoderWithWeightDecayLearnsDeltaFilters() {
        Dataset strokes = ToyStrokes.make(2000, 16, 2, 7);
        WtaAutoencoder decayed = trainPlainConv(strokes, 3);
        WtaAutoencoder free = trainPlainConv(strokes, 0);
        double dots = decayed.decoderFilters().medianParticipation();
        double noise = free.decoderFilters().medianParticipation();
        assertTrue(dots < 4, "with weight decay the median filter spreads over " + dots + " of 49 pixels");
        assertTrue(noise > 10, "without it " + noise + " of 49 pixels");
        assertTrue(decayed.reconstructionError(strokes.x()) < 1e-3, "it still copies the strokes");
        assertTrue(free.reconstructionError(strokes.x()) < 1e-3, "so does the free one");
    }

    private static WtaAutoencoder trainPlainConv(Dataset data, double weightDecay) {
        WtaAutoencoder ae = WtaAutoencoder.create(new WtaConfig(WtaKind.CONV, 16, 16, new int[] {8, 8}, 5, 7, 100, false, 3));
        new TrainingJob<>(new WtaTrainable(ae, data, null), OptimizerKind.ADAM.create(ae.params(), 5e-3, weightDecay),
                TrainConfig.builder().epochs(15).batchSize(50).seed(1).build(), TaskExecutor.currentThread()).start();
        return ae;
    }

    @Test
    void participationCountsThePixelsAFilterCovers() {
        float[] v = new float[3 * 4];
        v[2] = -0.7f;                                      // filter 0: a delta function
        for (int i = 4; i < 8; i++) v[i] = 0.25f;          // filter 1: flat over its 4 pixels
        Filters f = new Filters(v, 3, 2, 2);   // filter 2: all zero
        assertEquals(1, f.participation(0), 1e-12);
        assertEquals(4, f.participation(1), 1e-12);
        assertEquals(0, f.participation(2), 0);
        assertEquals(1, f.medianParticipation(), 1e-12);
    }

    @Test
    void contrastNormalisationStretchesEachTileButLeavesVanishedFiltersFlat() {
        float[] v = {-2, 0, 2, 1, 1e-5f, 0, 0, 0, 3, 3, 3, 3};
        float[] t = new Filters(v, 3, 2, 2).contrastNormalised();
        assertArrayEquals(new float[] {0, 0.5f, 1, 0.75f}, java.util.Arrays.copyOfRange(t, 0, 4), 1e-6f);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, java.util.Arrays.copyOfRange(t, 4, 8), 0, "shrunk to nothing");
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, java.util.Arrays.copyOfRange(t, 8, 12), 0, "constant");
        assertEquals(2, new Filters(v, 3, 2, 2).vanished());
        v[5] = Float.NaN;
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Filters(v, 3, 2, 2).contrastNormalised());
        assertTrue(e.getMessage().contains("filter 2"), e.getMessage());
    }

    private static WtaAutoencoder train(Dataset data, double k) {
        WtaAutoencoder ae = WtaAutoencoder.create(WtaConfig.fc(12, 12, k, 11, 48));
        TrainingJob<WtaPayload> job = new TrainingJob<>(new WtaTrainable(ae, data, null), new Adam(ae.params(), 3e-3),
                TrainConfig.builder().epochs(15).batchSize(100).seed(1).build(), TaskExecutor.currentThread());
        job.start();
        return ae;
    }

    /** Median over active filters of the energy fraction in the best 5×5 window. */
    private static double localisation(WtaAutoencoder ae, Dataset data) {
        float[] f = ae.decoderFilters().values();
        float[] usage = WtaTrainable.payload(ae, org.genscope.nn.Mat.rows(data.x(), 0, 100)).usage();
        List<Double> e = new java.util.ArrayList<>();
        for (int u = 0; u < 48; u++) if (usage[u] > 0) e.add(windowEnergy(f, u * 144, 12, 5));
        java.util.Collections.sort(e);
        return e.get(e.size() / 2);
    }
}
