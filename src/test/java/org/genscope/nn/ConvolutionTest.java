package org.genscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Conv2d and ConvTranspose2d as mathematics: equal to the textbook loops, adjoint to each other, and with
 * gradients that match centred finite differences, for several strides, paddings and channel counts.
 */
class ConvolutionTest {
    /** {in channels, size, out channels, kernel, stride, padding}. */
    private static final int[][] GEOMETRIES = {
        {1, 7, 3, 3, 1, 1}, {2, 6, 3, 3, 2, 0}, {3, 9, 2, 5, 2, 2}, {2, 5, 4, 1, 1, 0}, {1, 8, 2, 5, 1, 2}, {2, 7, 2, 4, 3, 1},
        // ≥ Conv2d.SHIFTED_MIN_CHANNELS inputs at stride 1 and padding ≤ K − 1: the shifted-GEMM path
        {8, 6, 3, 5, 1, 2}, {9, 5, 2, 3, 1, 0}, {8, 7, 8, 4, 1, 1}, {8, 5, 3, 3, 1, 2}, {10, 6, 9, 5, 1, 4},
        // the same channels with padding > K − 1: unfolded
        {8, 5, 2, 3, 1, 3},
    };

    /** y[b,o,i,j] = bias[o] + Σ W[o,c,u,v] x[b,c,i·s−p+u, j·s−p+v], by the definition. */
    private static float[] naiveConv(float[] x, int batch, ImageShape in, float[] w, float[] bias, int co, int k, int s,
                                     int p, int oh, int ow) {
        float[] y = new float[batch * co * oh * ow];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < co; o++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double sum = bias[o];
                        for (int c = 0; c < in.channels(); c++) {
                            for (int u = 0; u < k; u++) {
                                for (int v = 0; v < k; v++) {
                                    int yy = i * s - p + u;
                                    int xx = j * s - p + v;
                                    if (yy < 0 || yy >= in.height() || xx < 0 || xx >= in.width()) continue;
                                    sum += (double) w[((o * in.channels() + c) * k + u) * k + v]
                                            * x[b * in.size() + (c * in.height() + yy) * in.width() + xx];
                                }
                            }
                        }
                        y[((b * co + o) * oh + i) * ow + j] = (float) sum;
                    }
                }
            }
        }
        return y;
    }

    /** y[b,o,h·s−p+u, w·s−p+v] += W[c,o,u,v] x[b,c,h,w] (+ bias), by the definition (scatter). */
    private static float[] naiveTransposed(float[] x, int batch, ImageShape in, float[] w, float[] bias, int co, int k,
                                           int s, int p, int oh, int ow) {
        double[] y = new double[batch * co * oh * ow];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < co; o++) for (int q = 0; q < oh * ow; q++) y[(b * co + o) * oh * ow + q] = bias[o];
            for (int c = 0; c < in.channels(); c++) {
                for (int h = 0; h < in.height(); h++) {
                    for (int ww = 0; ww < in.width(); ww++) {
                        float xv = x[b * in.size() + (c * in.height() + h) * in.width() + ww];
                        for (int o = 0; o < co; o++) {
                            for (int u = 0; u < k; u++) {
                                for (int v = 0; v < k; v++) {
                                    int i = h * s - p + u;
                                    int j = ww * s - p + v;
                                    if (i < 0 || i >= oh || j < 0 || j >= ow) continue;
                                    y[((b * co + o) * oh + i) * ow + j] += (double) w[((c * co + o) * k + u) * k + v] * xv;
                                }
                            }
                        }
                    }
                }
            }
        }
        float[] f = new float[y.length];
        for (int i = 0; i < y.length; i++) f[i] = (float) y[i];
        return f;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (float v : expected) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, scale), what + " at " + i);
        }
    }

    @Test
    void convolutionEqualsTheDefiningSum() {
        Rng rng = new Rng(11);
        for (int[] g : GEOMETRIES) {
            ImageShape in = new ImageShape(g[0], g[1], g[1]);
            Conv2d conv = new Conv2d("c", in, g[2], g[3], g[4], g[5], rng);
            FMatrixRMaj x = TestMatrices.gaussian(3, in.size(), rng);
            FMatrixRMaj y = conv.forward(x);
            ImageShape out = conv.outputShape();
            float[] expected = naiveConv(x.data, 3, in, conv.weight.value.data, conv.bias.value.data, g[2], g[3], g[4],
                    g[5], out.height(), out.width());
            assertClose(expected, y.data, "conv " + java.util.Arrays.toString(g));
        }
    }

    @Test
    void transposedConvolutionEqualsTheDefiningScatter() {
        Rng rng = new Rng(12);
        for (int[] g : GEOMETRIES) {
            ImageShape in = new ImageShape(g[0], g[1], g[1]);
            ConvTranspose2d t;
            try {
                t = new ConvTranspose2d("t", in, g[2], g[3], g[4], g[5], rng);
            } catch (IllegalArgumentException e) {
                continue;                                   // padding larger than the output allows
            }
            FMatrixRMaj x = TestMatrices.gaussian(2, in.size(), rng);
            ImageShape out = t.outputShape();
            float[] expected = naiveTransposed(x.data, 2, in, t.weight.value.data, t.bias.value.data, g[2], g[3], g[4],
                    g[5], out.height(), out.width());
            assertClose(expected, t.forward(x).data, "transposed conv " + java.util.Arrays.toString(g));
        }
    }

    /** ⟨conv(x), y⟩ = ⟨x, convᵀ(y)⟩ with shared weights and no biases: the transposed convolution is the adjoint. */
    @Test
    void transposedConvolutionIsTheAdjointOfConvolution() {
        Rng rng = new Rng(13);
        int checked = 0;
        for (int[] g : GEOMETRIES) {
            ImageShape in = new ImageShape(g[0], g[1], g[1]);
            Conv2d conv = new Conv2d("c", in, g[2], g[3], g[4], g[5], rng);
            ImageShape out = conv.outputShape();
            ConvTranspose2d t;
            try {
                t = new ConvTranspose2d("t", out, g[0], g[3], g[4], g[5], rng);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!t.outputShape().equals(in)) continue;      // stride leaves a remainder: not the same geometry
            // conv's W[o, (c,u,v)] and convᵀ's W[o, (c,u,v)] are the same numbers: the layouts agree
            System.arraycopy(conv.weight.value.data, 0, t.weight.value.data, 0, conv.weight.size());
            conv.bias.value.zero();
            t.bias.value.zero();
            FMatrixRMaj x = TestMatrices.gaussian(2, in.size(), rng);
            FMatrixRMaj y = TestMatrices.gaussian(2, out.size(), rng);
            double left = dot(conv.forward(x).data, y.data);
            double right = dot(x.data, t.forward(y).data);
            assertEquals(left, right, 1e-4 * Math.max(1, Math.abs(left)), "adjointness " + java.util.Arrays.toString(g));
            checked++;
        }
        assertTrue(checked >= 4, "only " + checked + " geometries were checked");
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }

    @Test
    void convolutionGradientsMatchFiniteDifferences() {
        Rng rng = new Rng(14);
        for (int[] g : GEOMETRIES) {
            ImageShape in = new ImageShape(g[0], g[1], g[1]);
            Conv2d conv = new Conv2d("conv", in, g[2], g[3], g[4], g[5], rng);
            FMatrixRMaj x = TestMatrices.gaussian(2, in.size(), rng);
            GradCheck.Report r = GradCheck.check(GradCheck.probe(conv, x, rng), conv.params(), x);
            assertTrue(r.maxRelError() < 1e-2, java.util.Arrays.toString(g) + "\n" + r);
            assertEquals(3, r.groups().size());
        }
    }

    @Test
    void transposedConvolutionGradientsMatchFiniteDifferences() {
        Rng rng = new Rng(15);
        int checked = 0;
        for (int[] g : GEOMETRIES) {
            ImageShape in = new ImageShape(g[0], g[1], g[1]);
            ConvTranspose2d t;
            try {
                t = new ConvTranspose2d("deconv", in, g[2], g[3], g[4], g[5], rng);
            } catch (IllegalArgumentException e) {
                continue;
            }
            FMatrixRMaj x = TestMatrices.gaussian(2, in.size(), rng);
            GradCheck.Report r = GradCheck.check(GradCheck.probe(t, x, rng), t.params(), x);
            assertTrue(r.maxRelError() < 1e-2, java.util.Arrays.toString(g) + "\n" + r);
            checked++;
        }
        assertTrue(checked >= 4);
    }

    /** A batch with only a few nonzero entries per row, as behind the winner-take-all rules. */
    private static FMatrixRMaj sparse(int rows, int cols, int perRow, Rng rng) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int r = 0; r < rows; r++) for (int i = 0; i < perRow; i++) m.data[r * cols + rng.nextInt(cols)] = (float) rng.nextGaussian();
        return m;
    }

    private static float[][] grads(Module m) {
        return m.params().stream().map(p -> p.grad.data.clone()).toArray(float[][]::new);
    }

    /** The direct passes taken for sparse gradients (Conv2d) and sparse inputs (ConvTranspose2d) equal the GEMM ones. */
    @Test
    void theSparsePassesEqualTheGemmPasses() {
        Rng rng = new Rng(17);
        for (int[] g : GEOMETRIES) {
            ImageShape in = new ImageShape(g[0], g[1], g[1]);
            Conv2d conv = new Conv2d("c", in, g[2], g[3], g[4], g[5], rng);
            FMatrixRMaj x = TestMatrices.gaussian(3, in.size(), rng);
            FMatrixRMaj delta = sparse(3, conv.outputShape().size(), 2, rng);
            conv.forward(x);
            conv.sparseFraction = 0;
            float[] dxGemm = conv.backward(delta).data.clone();
            float[][] gemm = grads(conv);
            for (Param p : conv.params()) p.zeroGrad();
            conv.sparseFraction = 1;
            assertClose(dxGemm, conv.backward(delta).data, "conv sparse dx " + java.util.Arrays.toString(g));
            float[][] direct = grads(conv);
            for (int i = 0; i < gemm.length; i++) assertClose(gemm[i], direct[i], "conv sparse grads " + java.util.Arrays.toString(g));

            ConvTranspose2d t;
            try {
                t = new ConvTranspose2d("t", in, g[2], g[3], g[4], g[5], rng);
            } catch (IllegalArgumentException e) {
                continue;
            }
            FMatrixRMaj h = sparse(3, in.size(), 3, rng);
            FMatrixRMaj dy = TestMatrices.gaussian(3, t.outputShape().size(), rng);
            t.sparseFraction = 0;
            float[] yGemm = t.forward(h).data.clone();
            float[] dhGemm = t.backward(dy).data.clone();
            float[][] tg = grads(t);
            for (Param p : t.params()) p.zeroGrad();
            t.sparseFraction = 1;
            assertClose(yGemm, t.forward(h).data, "deconv sparse y " + java.util.Arrays.toString(g));
            assertClose(dhGemm, t.backward(dy).data, "deconv sparse dx " + java.util.Arrays.toString(g));
            float[][] td = grads(t);
            for (int i = 0; i < tg.length; i++) assertClose(tg[i], td[i], "deconv sparse grads " + java.util.Arrays.toString(g));
        }
    }

    @Test
    void aFirstLayerCanSkipItsInputGradient() {
        Rng rng = new Rng(16);
        Conv2d conv = new Conv2d("c", ImageShape.grey(6, 6), 2, 3, 1, 1, rng);
        conv.setInputGradient(false);
        FMatrixRMaj x = TestMatrices.gaussian(2, 36, rng);
        conv.forward(x);
        assertNull(conv.backward(TestMatrices.gaussian(2, conv.outputShape().size(), rng)));
        assertTrue(conv.weight.grad.data[0] != 0f);
    }

    @Test
    void aFilterLargerThanTheImageIsRefusedWithTheLargestThatFits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2d("c", ImageShape.grey(4, 4), 2, 7, 1, 1, new Rng(1)));
        assertTrue(e.getMessage().contains("at most 6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Conv2d("c", ImageShape.grey(4, 4), 0, 3, 1, 1, new Rng(1)));
    }
}
