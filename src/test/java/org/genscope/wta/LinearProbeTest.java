package org.genscope.wta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;

/** The linear classifier separates what is linearly separable, reports a consistent confusion matrix, can stop. */
class LinearProbeTest {
    /** n points per class around class-dependent centres in d dimensions, with noise σ. */
    private static Object[] blobs(int classes, int n, int d, double sigma, long seed) {
        Rng rng = new Rng(seed);
        float[][] centres = new float[classes][d];
        for (float[] c : centres) for (int j = 0; j < d; j++) c[j] = (float) (3 * rng.nextGaussian());
        FMatrixRMaj x = new FMatrixRMaj(classes * n, d);
        int[] y = new int[classes * n];
        for (int i = 0; i < classes * n; i++) {
            y[i] = i % classes;
            for (int j = 0; j < d; j++) x.data[i * d + j] = centres[y[i]][j] + (float) (sigma * rng.nextGaussian());
        }
        return new Object[] {x, y};
    }

    @Test
    void separableClassesAreClassifiedAndTheConfusionMatrixAddsUp() {
        Object[] train = blobs(4, 200, 10, 0.5, 1);
        Object[] test = blobs(4, 100, 10, 0.5, 1);                    // the same centres (seed), the first 100 draws
        ProbeResult r = LinearProbe.fit((FMatrixRMaj) train[0], (int[]) train[1], (FMatrixRMaj) test[0], (int[]) test[1], 4,
                new LinearProbe.Settings(40, 1e-2, 0, 50, 0.1, 1), LinearProbe.Progress.NONE);
        assertTrue(r.testError() < 0.01, "test error " + r.testError());
        assertEquals(400, r.testCount());
        int[][] m = r.confusion();
        for (int c = 0; c < 4; c++) {
            int row = 0;
            for (int v : m[c]) row += v;
            assertEquals(100, row, "each class appears 100 times in the test set");
        }
        assertEquals(10, r.features());
    }

    @Test
    void progressIsReportedEachEpochAndCanStopTheTraining() {
        Object[] data = blobs(3, 50, 5, 2.0, 2);
        int[] calls = {0};
        ProbeResult r = LinearProbe.fit((FMatrixRMaj) data[0], (int[]) data[1], (FMatrixRMaj) data[0], (int[]) data[1], 3,
                LinearProbe.Settings.defaults().withEpochs(10), (done, total, loss, val) -> {
                    calls[0]++;
                    assertEquals(10, total);
                    assertTrue(Double.isFinite(loss) && val >= 0 && val <= 1);
                    return done < 3;
                });
        assertEquals(3, calls[0]);
        assertEquals(3, r.epochs());
        assertTrue(r.bestEpoch() >= 1 && r.bestEpoch() <= 3);
    }
}
