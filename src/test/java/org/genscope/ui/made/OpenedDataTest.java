package org.genscope.ui.made;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Binarization;
import org.genscope.data.Dataset;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;

/** How a user's file becomes MADE training data, and the messages when it cannot. */
class OpenedDataTest {

    private static Dataset data(int n, int d, int rows, int cols, java.util.function.IntToDoubleFunction value) {
        FMatrixRMaj x = new FMatrixRMaj(n, d);
        for (int i = 0; i < x.data.length; i++) x.data[i] = (float) value.applyAsDouble(i);
        return new Dataset("t", "test", x, null, rows, cols);
    }

    @Test
    void binaryImagesAreUsedAsTheyAre() {
        Dataset d = data(100, 16, 4, 4, i -> (i * 7) % 3 == 0 ? 1 : 0);
        OpenedData o = OpenedData.prepare("digits.npy", d, 1);
        assertTrue(o.binary());
        assertEquals(80 + 10 + 10, o.splits().train().size() + o.splits().validation().size() + o.splits().test().size());
        assertEquals(80, o.splits().train().size());
        assertEquals(4, o.splits().train().imageRows());
        assertEquals(16, o.inputs());
    }

    @Test
    void greyImagesAreScaledAndThresholdedAtHalf() {
        Dataset d = data(50, 4, 2, 2, i -> i % 4 * 85);          // 0, 85, 170, 255 → 0, 0, 1, 1
        OpenedData o = OpenedData.prepare("grey.idx", d, 1);
        assertTrue(o.binary());
        float[] x = o.splits().train().x().data;
        assertTrue(Binarization.isBinary(x));
        for (int i = 0; i < x.length; i += 4) {
            assertEquals(0f, x[i]);
            assertEquals(0f, x[i + 1]);
            assertEquals(1f, x[i + 2]);
            assertEquals(1f, x[i + 3]);
        }
        assertTrue(o.note().contains("thresholded"));
    }

    @Test
    void binaryVectorsAreDrawnAsStrips() {
        Dataset d = data(40, 6, 0, 0, i -> i % 2);
        OpenedData o = OpenedData.prepare("bits.csv", d, 3);
        assertEquals(1, o.splits().train().imageRows());
        assertEquals(6, o.splits().train().imageCols());
        assertTrue(o.note().contains("1×6"), o.note());
    }

    @Test
    void twoDimensionalPointsAreStandardizedOnTheTrainingSplit() {
        Rng rng = new Rng(4);
        Dataset d = data(1000, 2, 0, 0, i -> i % 2 == 0 ? 100 + 5 * rng.nextGaussian() : -3 + 0.1 * rng.nextGaussian());
        OpenedData o = OpenedData.prepare("points.csv", d, 2);
        assertFalse(o.binary());
        float[] x = o.splits().train().x().data;
        double[] mean = new double[2];
        double[] sq = new double[2];
        int n = x.length / 2;
        for (int i = 0; i < x.length; i++) mean[i % 2] += x[i] / n;
        for (int i = 0; i < x.length; i++) sq[i % 2] += (x[i] - mean[i % 2]) * (x[i] - mean[i % 2]) / n;
        for (int j = 0; j < 2; j++) {
            assertEquals(0, mean[j], 1e-4);
            assertEquals(1, Math.sqrt(sq[j]), 1e-3);
        }
    }

    @Test
    void whatTheWorkspaceCannotDrawIsRefusedWithTheCommandThatTrainsIt() {
        Rng rng = new Rng(1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> OpenedData.prepare("features.csv", data(100, 5, 0, 0, i -> rng.nextGaussian()), 1));
        assertTrue(e.getMessage().contains("genscope train made --train features.csv --conditional mixture"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OpenedData.prepare("few.csv", data(10, 4, 0, 0, i -> i % 2), 1));
        assertTrue(e.getMessage().contains("only 10 examples"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OpenedData.prepare("one.csv", data(100, 1, 0, 0, i -> i % 2), 1));
        assertTrue(e.getMessage().contains("one column"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> OpenedData.prepare("huge.npy", data(31, 64 * 64, 64, 64, i -> i % 2), 1));
        assertTrue(e.getMessage().contains("D = 4,096") && e.getMessage().contains("command line"), e.getMessage());
    }
}
