package org.genscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;

class PreprocessingTest {
    private static Dataset of(int rows, int cols, float... v) {
        return new Dataset("t", "test", new FMatrixRMaj(rows, cols, true, v), null, 0, 0);
    }

    @Test
    void thresholdBinarizationIsStrictlyAbove() {
        Dataset b = Binarization.threshold(of(1, 4, 0.2f, 0.5f, 0.51f, 1f), 0.5f);
        assertArrayEquals(new float[] {0, 0, 1, 1}, b.x().data);
        assertTrue(Binarization.isBinary(b.x().data));
    }

    @Test
    void thresholdsAreIntensitiesInZeroOneWhateverTheFileStores() {
        // 8-bit grey levels: intensity x/255, so ½ sits between 127 and 128 (not at 0.5 of the raw values)
        assertArrayEquals(new float[] {0, 0, 0, 1, 1}, Binarization.threshold(of(1, 5, 0, 1, 127, 128, 255), 0.5f).x().data);
        assertArrayEquals(new float[] {0, 1, 1, 1, 1}, Binarization.threshold(of(1, 5, 0, 1, 127, 128, 255), 0f).x().data);
        // values already in [0, 1] are intensities as they are
        assertArrayEquals(new float[] {0, 0, 1}, Binarization.threshold(of(1, 3, 0.1f, 0.3f, 0.35f), 0.3f).x().data);
        // any other range: its own min and max (−1..3: intensity ½ at 1)
        assertArrayEquals(new float[] {0, 0, 1, 1}, Binarization.threshold(of(1, 4, -1, 1, 1.5f, 3), 0.5f).x().data);
        // splits share the training split's scale: 0..255 → validation's 100 is below ½, 200 above
        DataSplits s = Binarization.threshold(new DataSplits(of(1, 2, 0, 255), of(1, 2, 100, 200), of(1, 2, 0.9f, 1)), 0.5f);
        assertArrayEquals(new float[] {0, 1}, s.validation().x().data);
        assertArrayEquals(new float[] {0, 0}, s.test().x().data);
        String m = assertThrows(IllegalArgumentException.class, () -> Binarization.threshold(of(1, 2, 0, 255), 128)).getMessage();
        assertTrue(m.contains("[0, 1]"), m);
    }

    @Test
    void stochasticBinarizationMatchesTheProbabilities() {
        // 20,000 examples of the probabilities (0, 0.1, 0.5, 0.9, 1)
        float[] p = {0f, 0.1f, 0.5f, 0.9f, 1f};
        FMatrixRMaj x = new FMatrixRMaj(20000, 5);
        for (int i = 0; i < 20000; i++) System.arraycopy(p, 0, x.data, 5 * i, 5);
        Dataset b = Binarization.stochastic(new Dataset("p", "t", x, null, 0, 0), new Rng(3));
        for (int j = 0; j < 5; j++) {
            double mean = 0;
            for (int i = 0; i < 20000; i++) mean += b.x().get(i, j) / 20000.0;
            double sd = Math.sqrt(p[j] * (1 - p[j]) / 20000.0);
            assertEquals(p[j], mean, 4 * sd + 1e-12, "feature " + j);
        }
        assertTrue(Binarization.isBinary(b.x().data));
        Dataset again = Binarization.stochastic(new Dataset("p", "t", x, null, 0, 0), new Rng(3));
        assertArrayEquals(b.x().data, again.x().data, "same seed, same binarization");
        String m = assertThrows(IllegalArgumentException.class,
                () -> Binarization.stochastic(of(1, 2, 0.5f, 255f), new Rng(1))).getMessage();
        assertTrue(m.contains("[0,1]"), m);
    }

    @Test
    void scaleToUnitUsesTheTrainingRange() {
        DataSplits s = new DataSplits(of(2, 2, 0, 51, 102, 255), of(1, 2, 300, 127.5f), of(1, 2, -10, 25.5f));
        DataSplits u = Normalization.scaleToUnit(s);
        assertArrayEquals(new float[] {0, 0.2f, 0.4f, 1}, u.train().x().data, 1e-6f);
        assertArrayEquals(new float[] {1, 0.5f}, u.validation().x().data, 1e-6f);   // 300 clamped to 1
        assertArrayEquals(new float[] {0, 0.1f}, u.test().x().data, 1e-6f);
    }

    @Test
    void standardizeGivesZeroMeanUnitVarianceOnTrainOnly() {
        Rng rng = new Rng(11);
        FMatrixRMaj x = new FMatrixRMaj(500, 3);
        for (int i = 0; i < 500; i++) {
            x.set(i, 0, (float) (5 + 2 * rng.nextGaussian()));
            x.set(i, 1, (float) (-1 + 0.1 * rng.nextGaussian()));
            x.set(i, 2, 7f);                                                  // constant feature
        }
        Dataset train = new Dataset("train", "t", x, null, 0, 0);
        Dataset test = of(1, 3, 5, -1, 7);
        DataSplits z = Standardizer.standardize(new DataSplits(train, test, test));
        for (int j = 0; j < 2; j++) {
            double m = 0;
            double v = 0;
            for (int i = 0; i < 500; i++) m += z.train().x().get(i, j) / 500.0;
            for (int i = 0; i < 500; i++) v += Math.pow(z.train().x().get(i, j) - m, 2) / 500.0;
            assertEquals(0, m, 1e-5);
            assertEquals(1, v, 1e-4);
        }
        assertEquals(0f, z.train().x().get(0, 2), "a constant feature maps to 0, not NaN");
        Standardizer st = Standardizer.fit(train);
        // the test split uses the training statistics: (5 − μ₀)/σ₀
        assertEquals((5 - st.mean()[0]) / st.std()[0], z.test().x().get(0, 0), 1e-6f);
        FMatrixRMaj back = z.train().x().copy();
        st.invertInPlace(back);
        assertArrayEquals(x.data, back.data, 1e-4f);
    }

    @Test
    void subsetAndHeadCopyRowsWithLabels() {
        Dataset d = new Dataset("d", "t", new FMatrixRMaj(3, 2, true, 1, 2, 3, 4, 5, 6), new int[] {7, 8, 9}, 1, 2);
        Dataset s = d.subset(new int[] {2, 0}, "s");
        assertArrayEquals(new float[] {5, 6, 1, 2}, s.x().data);
        assertArrayEquals(new int[] {9, 7}, s.labels());
        assertEquals(2, s.imageCols());
        assertEquals(1, d.head(1).size());
        assertTrue(Arrays.equals(new int[] {7}, d.head(1).labels()));
        assertThrows(IllegalArgumentException.class, () -> d.withLabels(new int[] {1}));
    }
}
