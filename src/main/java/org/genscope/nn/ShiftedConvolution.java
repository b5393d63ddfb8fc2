package org.genscope.nn;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;

/**
 * A stride-1 {@link Conv2d} with padding p ≤ K − 1 as K GEMMs of depth C·K per image, on a <em>row-unfolded</em>
 * copy of the image instead of a column matrix:
 *
 * <pre>  R[(c·K + v), i'·OW + j] = x[c, i' − p, j + v − p]   (0 outside the image; i' &lt; Hp = H + 2p, j &lt; OW)
 *  Y_b = Σ_u W_u · shift_{u·OW}(R_b),            W_u[o, c·K + v] = W[o, c, u, v]
 *  ∂L/∂W_u += δ_b · shift_{u·OW}(R_b)ᵀ
 *  ∂L/∂x_b = Σ_u W̃_u · shift_{u·W}(R'_b),        W̃_u[c, o·K + v] = W[o, c, K−1−u, K−1−v]</pre>
 *
 * R holds, for each channel and each of the K horizontal filter offsets v, the padded image shifted left by v and
 * cut to the OW output columns (C·K planes of Hp×OW). The window of filter row u is then R itself shifted down u
 * rows, a plain GEMM operand at offset u·OW with row stride Hp·OW ({@link Gemm}), and the product lands straight
 * in the image's OH·OW output block. The input gradient is the same kind of correlation, of δ_b (Cout channels of
 * OH×OW, padding K − 1 − p, row-unfolded into R') with the filters flipped and their two channel axes swapped, so
 * all three products have depth C·K or Cout·K (640 at 128 maps) or OH·OW (784), never C alone.
 *
 * <p>Why this shape, measured on the project's 2-core machine (README, "Performance"): OpenBLAS with 2 threads
 * ran 128×896×128 (the former 25 shifted GEMMs of depth C on an OH×Wp grid) at 227 GFLOP/s and 128×784×640 at
 * 259; the grid's Wp − OW discarded columns cost another 12.5%, and its input gradient (Wᵀ·δ, depth Cout, then a
 * fold) 214 GFLOP/s. A full im2col (depth C·K² = 3200) reaches no higher (260 at 128×784×3200) but writes a
 * 10 MB column matrix per image, where R is 2.3 MB (K× the image, not K²×). Neither more images per GEMM
 * (128×1568×640: 249–251 against 238–246) nor two Java threads on separate images with one BLAS thread each (241)
 * ran faster, so one image at a time it is. The 128-map layer's forward + backward went from 1.08 to 0.90 s.
 * R's borders are zero from allocation and never written, so an unfold copies the image's rows only.
 */
final class ShiftedConvolution {
    private final int co;
    private final int k;
    private final RowUnfold input;           // of x: C channels of H×W, padding p
    private final RowUnfold delta;           // of δ: Cout channels of OH×OW, padding K − 1 − p
    private final float[] wf;                // K blocks of Cout × C·K: wf[u][o][c·K + v] = W[o, c, u, v]
    private final float[] wt;                // K blocks of C × Cout·K: wt[u][c][o·K + v] = W[o, c, K−1−u, K−1−v]
    private final float[] dwf;

    /** Whether this class computes the geometry: stride 1 and a padding the input gradient can mirror. */
    static boolean fits(int k, int stride, int pad) {
        return stride == 1 && pad <= k - 1;
    }

    ShiftedConvolution(ImageShape in, int co, int k, int pad) {
        if (pad > k - 1) throw new IllegalArgumentException("padding " + pad + " > K − 1 = " + (k - 1));
        this.co = co;
        this.k = k;
        this.input = new RowUnfold(in, k, pad);
        this.delta = new RowUnfold(new ImageShape(co, input.oh, input.ow), k, k - 1 - pad);
        this.wf = new float[k * k * co * in.channels()];
        this.wt = new float[wf.length];
        this.dwf = new float[wf.length];
    }

    /** wf and wt from W (Cout × C·K·K, PyTorch's layout). */
    private void splitRows(float[] w) {
        int c = input.in.channels();
        for (int o = 0; o < co; o++) {
            for (int ch = 0; ch < c; ch++) {
                int src = (o * c + ch) * k * k;
                for (int u = 0; u < k; u++) {
                    for (int v = 0; v < k; v++) {
                        float x = w[src + u * k + v];
                        wf[(u * co + o) * c * k + ch * k + v] = x;
                        wt[((k - 1 - u) * c + ch) * co * k + o * k + (k - 1 - v)] = x;
                    }
                }
            }
        }
    }

    void forward(FMatrixRMaj x, float[] w, float[] bias, FMatrixRMaj y) {
        Gemm g = GemmBackends.selected();
        splitRows(w);
        int pixels = input.oh * input.ow;
        for (int b = 0; b < x.numRows; b++) {
            int o = b * co * pixels;
            for (int ch = 0; ch < co; ch++) Arrays.fill(y.data, o + ch * pixels, o + (ch + 1) * pixels, bias[ch]);
            input.unfold(x.data, b * input.in.size());
            // Y_b = bias + Σ_u W_u · shift_{u·OW}(R_b)
            input.correlate(g, wf, co, y.data, o);
        }
    }

    /** The backward pass of the images b with {@code dense[b]}; the others are left to the caller. */
    void backward(FMatrixRMaj x, FMatrixRMaj gradOut, float[] w, float[] dw, float[] dbias, FMatrixRMaj dx, boolean[] dense) {
        Gemm g = GemmBackends.selected();
        splitRows(w);
        Arrays.fill(dwf, 0f);
        int c = input.in.channels();
        int pixels = input.oh * input.ow;
        int depth = c * k;
        for (int b = 0; b < x.numRows; b++) {
            if (!dense[b]) continue;
            int o = b * co * pixels;
            Mat.addRowSums(gradOut.data, o, co, pixels, dbias);
            input.unfold(x.data, b * input.in.size());
            for (int u = 0; u < k; u++) {
                // ∂L/∂W_u += δ_b · shift_{u·OW}(R_b)ᵀ
                g.gemm(false, true, co, depth, pixels, 1f, gradOut.data, o, pixels, input.r, u * input.ow, input.plane,
                        1f, dwf, u * co * depth, depth);
            }
            if (dx != null) {
                delta.unfold(gradOut.data, o);
                // ∂L/∂x_b = Σ_u W̃_u · shift_{u·W}(R'_b)
                delta.correlate(g, wt, c, dx.data, b * input.in.size(), 0f);
            }
        }
        for (int oc = 0; oc < co; oc++) {
            for (int ch = 0; ch < c; ch++) {
                int dst = (oc * c + ch) * k * k;
                for (int u = 0; u < k; u++) {
                    for (int v = 0; v < k; v++) dw[dst + u * k + v] += dwf[(u * co + oc) * depth + ch * k + v];
                }
            }
        }
    }

    /** The row-unfolded buffer R of one image geometry (see the class comment) and the K products over it. */
    private static final class RowUnfold {
        final ImageShape in;
        final int k;
        final int pad;
        final int hp;
        final int oh;
        final int ow;
        final int plane;                     // Hp·OW floats per (channel, v) plane
        final float[] r;

        RowUnfold(ImageShape in, int k, int pad) {
            this.in = in;
            this.k = k;
            this.pad = pad;
            this.hp = in.height() + 2 * pad;
            this.oh = hp - k + 1;
            this.ow = in.width() + 2 * pad - k + 1;
            this.plane = hp * ow;
            // netlib checks a whole further row of an operand's column-major view: one plane of slack
            this.r = new float[(in.channels() * k + 1) * plane];
        }

        /** R's nonzero part from the image at x[off …]; the zeros around it were never overwritten. */
        void unfold(float[] x, int off) {
            int h = in.height();
            int w = in.width();
            for (int c = 0; c < in.channels(); c++) {
                for (int v = 0; v < k; v++) {
                    // output columns j with 0 ≤ j + v − p < W
                    int j0 = Math.max(0, pad - v);
                    int j1 = Math.min(ow, w + pad - v);
                    if (j0 >= j1) continue;
                    int dst = (c * k + v) * plane + pad * ow + j0;
                    int src = off + c * h * w + j0 + v - pad;
                    for (int i = 0; i < h; i++, dst += ow, src += w) System.arraycopy(x, src, r, dst, j1 - j0);
                }
            }
        }

        /** out[off …] (m channels of OH×OW) += Σ_u wk_u · shift_{u·OW}(R), wk_u the u-th m × C·K block. */
        void correlate(Gemm g, float[] wk, int m, float[] out, int off) {
            correlate(g, wk, m, out, off, 1f);
        }

        /** The same with out first scaled by beta. */
        void correlate(Gemm g, float[] wk, int m, float[] out, int off, float beta) {
            int depth = in.channels() * k;
            int pixels = oh * ow;
            for (int u = 0; u < k; u++) {
                g.gemm(false, false, m, pixels, depth, 1f, wk, u * m * depth, depth, r, u * ow, plane,
                        u == 0 ? beta : 1f, out, off, pixels);
            }
        }
    }
}
