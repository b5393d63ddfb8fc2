package org.genscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Loss values against closed forms, their gradients against finite differences, stability at extremes. */
class LossesTest {
    /** Gradient check of a loss with respect to one of its inputs. */
    private static double check(FMatrixRMaj input, java.util.function.DoubleSupplier loss, Supplier<FMatrixRMaj> grad) {
        GradCheck.Problem p = new GradCheck.Problem() {
            @Override
            public double loss() {
                return loss.getAsDouble();
            }

            @Override
            public FMatrixRMaj backward() {
                return grad.get();
            }
        };
        GradCheck.Report r = GradCheck.check(p, List.of(), input);
        assertEquals(1, r.groups().size());
        return r.maxRelError();
    }

    @Test
    void bernoulliMatchesTheSoftplusFormula() {
        FMatrixRMaj logits = new FMatrixRMaj(new float[][] {{2f, -1f, 0f}, {0.5f, 3f, -2f}});
        FMatrixRMaj x = new FMatrixRMaj(new float[][] {{1f, 0f, 1f}, {0f, 0f, 1f}});
        BernoulliLogitsLoss loss = new BernoulliLogitsLoss();
        double mean = loss.forward(logits, x);
        double row0 = Math.log1p(Math.exp(2)) - 2 + Math.log1p(Math.exp(-1)) + Math.log(2);
        double row1 = Math.log1p(Math.exp(0.5)) + Math.log1p(Math.exp(3)) + Math.log1p(Math.exp(-2)) + 2;
        assertArrayEquals(new double[] {row0, row1}, loss.perExample(), 1e-6);
        assertEquals((row0 + row1) / 2, mean, 1e-6);
        // ∂/∂l = (σ(l) − x) / B
        assertEquals((1 / (1 + Math.exp(-2)) - 1) / 2, loss.grad().get(0, 0), 1e-7);
    }

    @Test
    void bernoulliIntoTheCallersBuffersGivesTheSameValues() {
        Rng rng = new Rng(13);
        FMatrixRMaj logits = TestMatrices.gaussian(30, 700, rng);             // large enough to be split over threads
        FMatrixRMaj x = TestMatrices.bits(30, 700, rng);
        BernoulliLogitsLoss own = new BernoulliLogitsLoss();
        double mean = own.forward(logits, x);
        double[] perExample = new double[30];
        FMatrixRMaj grad = new FMatrixRMaj(30, 700);
        BernoulliLogitsLoss into = new BernoulliLogitsLoss();
        assertEquals(mean, into.forward(logits, x, perExample, grad), 0.0);
        assertArrayEquals(own.perExample(), perExample, 0.0);
        assertArrayEquals(own.grad().data, grad.data, 0f);
        double[] valuesOnly = new double[30];
        assertEquals(mean, into.forward(logits, x, valuesOnly, null), 0.0, "no gradient wanted");
        assertArrayEquals(perExample, valuesOnly, 0.0);
    }

    @Test
    void bernoulliIsFiniteAndExactAtExtremeLogits() {
        FMatrixRMaj logits = new FMatrixRMaj(new float[][] {{100f, -100f, 80f, -80f}});
        BernoulliLogitsLoss loss = new BernoulliLogitsLoss();
        assertEquals(0.0, loss.forward(logits, new FMatrixRMaj(new float[][] {{1, 0, 1, 0}})), 1e-30);
        assertEquals(360.0, loss.forward(logits, new FMatrixRMaj(new float[][] {{0, 1, 0, 1}})), 1e-4);
        assertArrayEquals(new float[] {1, -1, 1, -1}, loss.grad().data, 0f);
    }

    @Test
    void bernoulliGradientMatchesFiniteDifferences() {
        Rng rng = new Rng(11);
        FMatrixRMaj logits = TestMatrices.gaussian(4, 37, rng);
        FMatrixRMaj x = TestMatrices.bits(4, 37, rng);
        BernoulliLogitsLoss loss = new BernoulliLogitsLoss();
        assertTrue(check(logits, () -> loss.forward(logits, x), loss::grad) < 1e-2);
    }

    @Test
    void vectorAndPortableKernelsAgree() {
        Rng rng = new Rng(12);
        int n = 301;
        float[] l = new float[n];
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            l[i] = (float) (6 * rng.nextGaussian());
            t[i] = rng.nextInt(2);
        }
        float[] g1 = new float[n];
        float[] g2 = new float[n];
        double s1 = Elementwise.get().bernoulliNll(l, t, g1, 3, n, 0.5f);
        double s2 = Elementwise.portable().bernoulliNll(l, t, g2, 3, n, 0.5f);
        assertEquals(s2, s1, 1e-5 * s2);
        assertArrayEquals(g2, g1, 1e-6f);
        float[] o1 = new float[n];
        float[] o2 = new float[n];
        Elementwise fast = Elementwise.get();
        Elementwise portable = Elementwise.portable();
        for (int f = 0; f < 4; f++) {
            switch (f) {
                case 0 -> { fast.softplus(l, o1, n); portable.softplus(l, o2, n); }
                case 1 -> { fast.sigmoid(l, o1, n); portable.sigmoid(l, o2, n); }
                case 2 -> { fast.tanh(l, o1, n); portable.tanh(l, o2, n); }
                default -> { fast.elu(l, o1, n, 0.7f); portable.elu(l, o2, n, 0.7f); }
            }
            for (int i = 0; i < n; i++) {
                assertEquals(o2[i], o1[i], 1e-6 * Math.max(1, Math.abs(o2[i])), "function " + f + " at " + l[i]);
            }
        }
        // the ReLU's gradient, given its output: a select, so exactly equal (n = 301 leaves a tail)
        float[] y = new float[n];
        float[] dy = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 7 == 0 ? 0f : Math.max(l[i], 0f);
            dy[i] = l[(i + 1) % n];
        }
        fast.reluGrad(y, dy, o1, n);
        portable.reluGrad(y, dy, o2, n);
        assertArrayEquals(o2, o1);
        for (int i = 0; i < n; i++) assertEquals(y[i] > 0f ? dy[i] : 0f, o1[i], "relu gradient at " + i);
    }

    @Test
    void gaussianMatchesTheClosedForm() {
        GaussianDiagLoss loss = new GaussianDiagLoss();
        FMatrixRMaj x = new FMatrixRMaj(new float[][] {{1f, -0.5f}});
        FMatrixRMaj mean = new FMatrixRMaj(new float[][] {{0.5f, 0f}});
        FMatrixRMaj logVar = new FMatrixRMaj(new float[][] {{(float) Math.log(4), 0f}});
        double want = 0.5 * (Math.log(2 * Math.PI) + Math.log(4) + 0.25 / 4) + 0.5 * (Math.log(2 * Math.PI) + 0.25);
        assertEquals(want, loss.forward(x, mean, logVar), 1e-6);
        // standard normal: null mean and log-variance
        assertEquals(0.5 * (2 * Math.log(2 * Math.PI) + 1 + 0.25), loss.forward(x, null, null), 1e-6);
        assertEquals(null, loss.gradMean());
    }

    @Test
    void gaussianGradientsMatchFiniteDifferences() {
        Rng rng = new Rng(13);
        FMatrixRMaj x = TestMatrices.gaussian(3, 5, rng);
        FMatrixRMaj mean = TestMatrices.gaussian(3, 5, rng);
        FMatrixRMaj logVar = TestMatrices.gaussian(3, 5, rng);
        GaussianDiagLoss loss = new GaussianDiagLoss();
        assertTrue(check(x, () -> loss.forward(x, mean, logVar), loss::gradX) < 1e-2);
        assertTrue(check(mean, () -> loss.forward(x, mean, logVar), loss::gradMean) < 1e-2);
        assertTrue(check(logVar, () -> loss.forward(x, mean, logVar), loss::gradLogVar) < 1e-2);
    }

    @Test
    void mseIsTheMeanOverAllElements() {
        MseLoss loss = new MseLoss();
        FMatrixRMaj y = new FMatrixRMaj(new float[][] {{1f, 2f}, {0f, 0f}});
        FMatrixRMaj t = new FMatrixRMaj(new float[][] {{0f, 0f}, {0f, 3f}});
        assertEquals((1 + 4 + 0 + 9) / 4.0, loss.forward(y, t), 1e-9);
        assertArrayEquals(new double[] {2.5, 4.5}, loss.perExample(), 1e-9);
        assertArrayEquals(new float[] {0.5f, 1f, 0f, -1.5f}, loss.grad().data, 1e-7f);
        Rng rng = new Rng(14);
        FMatrixRMaj a = TestMatrices.gaussian(3, 4, rng);
        FMatrixRMaj b = TestMatrices.gaussian(3, 4, rng);
        assertTrue(check(a, () -> loss.forward(a, b), loss::grad) < 1e-2);
    }
}
