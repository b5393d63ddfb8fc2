package org.genscope.nn;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;

/**
 * A stride-1 {@link Conv2d} as K² shifted GEMMs on a zero-padded copy of each image, with no column matrix:
 *
 * <pre>  Y_b = Σ_{u,v} W_{u,v} · shift_{u·Wp+v}(x̃_b),   W_{u,v}[o, c] = W[o, c, u, v]
 *  ∂L/∂W_{u,v} += δ_b · shift_{u·Wp+v}(x̃_b)ᵀ,      ∂L/∂x̃_b += Σ_{u,v} shift⁻¹_{u·Wp+v}(W_{u,v}ᵀ · δ_b)</pre>
 *
 * x̃_b is image b in C planes of Hp×Wp (Hp = H + 2p, Wp = W + 2p) with zero borders, and the output is computed on
 * an OH×Wp grid, so the window of tap (u, v) is x̃ itself shifted by u·Wp + v: a GEMM operand at an offset
 * ({@link Gemm}). The Wp − OW extra columns per output row are discarded (and carry no gradient).
 */
final class ShiftedConvolution {
    private final ImageShape in;
    private final int co;
    private final int k;
    private final int pad;
    private final int hp;
    private final int wp;
    private final int oh;
    private final int ow;
    private final int grid;                  // OH·Wp columns of the output grid
    private final float[] xp;                // C planes of Hp×Wp, zero borders, plus one plane of slack
    private final float[] dxp;
    private final float[] yg;                // Cout × grid
    private final float[] wk;                // K² blocks of Cout × C: wk[s][o][c] = W[o, c, u, v], s = u·K + v
    private final float[] dwk;

    ShiftedConvolution(ImageShape in, int co, int k, int pad) {
        this.in = in;
        this.co = co;
        this.k = k;
        this.pad = pad;
        this.hp = in.height() + 2 * pad;
        this.wp = in.width() + 2 * pad;
        this.oh = hp - k + 1;
        this.ow = wp - k + 1;
        this.grid = oh * wp;
        // the last tap's window ends K − 1 floats past the C planes; netlib checks a whole further row of its
        // column-major view (one plane), so one plane of slack covers both
        int planes = (in.channels() + 1) * hp * wp;
        this.xp = new float[planes];
        this.dxp = new float[planes];
        this.yg = new float[co * grid];
        this.wk = new float[k * k * co * in.channels()];
        this.dwk = new float[wk.length];
    }

    /** xp's interior = image b of x (the borders stay zero). */
    private void pad(float[] x, int off) {
        int h = in.height();
        int w = in.width();
        for (int c = 0; c < in.channels(); c++) {
            for (int i = 0; i < h; i++) {
                System.arraycopy(x, off + (c * h + i) * w, xp, (c * hp + i + pad) * wp + pad, w);
            }
        }
    }

    /** wk[s][o][c] = W[o, (c·K + u)·K + v] for the tap s = u·K + v. */
    private void splitTaps(float[] w) {
        int c = in.channels();
        int kk = k * k;
        for (int o = 0; o < co; o++) {
            for (int ch = 0; ch < c; ch++) {
                int src = (o * c + ch) * kk;
                for (int s = 0; s < kk; s++) wk[(s * co + o) * c + ch] = w[src + s];
            }
        }
    }

    void forward(FMatrixRMaj x, float[] w, float[] bias, FMatrixRMaj y) {
        Gemm g = GemmBackends.selected();
        splitTaps(w);
        int c = in.channels();
        int plane = hp * wp;
        int outSize = co * oh * ow;
        for (int b = 0; b < x.numRows; b++) {
            pad(x.data, b * in.size());
            // Y_b = Σ_{u,v} W_{u,v} · shift_{u·Wp+v}(x̃_b), on the OH×Wp grid
            for (int s = 0; s < k * k; s++) {
                int shift = (s / k) * wp + s % k;
                g.gemm(false, false, co, grid, c, 1f, wk, s * co * c, c, xp, shift, plane, s == 0 ? 0f : 1f, yg, 0, grid);
            }
            int o = b * outSize;
            for (int ch = 0; ch < co; ch++) {
                float bc = bias[ch];
                for (int i = 0; i < oh; i++) {
                    int src = ch * grid + i * wp;
                    int dst = o + (ch * oh + i) * ow;
                    for (int j = 0; j < ow; j++) y.data[dst + j] = yg[src + j] + bc;
                }
            }
        }
    }

    /** The backward pass of the images b with {@code dense[b]}; the others are left to the caller. */
    void backward(FMatrixRMaj x, FMatrixRMaj gradOut, float[] w, float[] dw, float[] dbias, FMatrixRMaj dx, boolean[] dense) {
        Gemm g = GemmBackends.selected();
        splitTaps(w);
        Arrays.fill(dwk, 0f);
        int c = in.channels();
        int plane = hp * wp;
        int outSize = co * oh * ow;
        int h = in.height();
        int wd = in.width();
        Arrays.fill(yg, 0f);               // the Wp − OW extra columns stay zero: they carry no gradient
        for (int b = 0; b < x.numRows; b++) {
            if (!dense[b]) continue;
            int o = b * outSize;
            for (int ch = 0; ch < co; ch++) {
                float sum = 0;
                for (int i = 0; i < oh; i++) {
                    int src = o + (ch * oh + i) * ow;
                    int dst = ch * grid + i * wp;
                    for (int j = 0; j < ow; j++) {
                        float d = gradOut.data[src + j];
                        yg[dst + j] = d;
                        sum += d;
                    }
                }
                dbias[ch] += sum;
            }
            pad(x.data, b * in.size());
            if (dx != null) Arrays.fill(dxp, 0f);
            for (int s = 0; s < k * k; s++) {
                int shift = (s / k) * wp + s % k;
                // ∂L/∂W_{u,v} += δ_b · shift(x̃_b)ᵀ
                g.gemm(false, true, co, c, grid, 1f, yg, 0, grid, xp, shift, plane, 1f, dwk, s * co * c, c);
                // ∂L/∂x̃_b, shifted back: += W_{u,v}ᵀ · δ_b
                if (dx != null) g.gemm(true, false, c, grid, co, 1f, wk, s * co * c, c, yg, 0, grid, 1f, dxp, shift, plane);
            }
            if (dx != null) {
                int off = b * in.size();
                for (int ch = 0; ch < c; ch++) {
                    for (int i = 0; i < h; i++) {
                        System.arraycopy(dxp, (ch * hp + i + pad) * wp + pad, dx.data, off + (ch * h + i) * wd, wd);
                    }
                }
            }
        }
        int kk = k * k;
        for (int oc = 0; oc < co; oc++) {
            for (int ch = 0; ch < c; ch++) {
                int dst = (oc * c + ch) * kk;
                for (int s = 0; s < kk; s++) dw[dst + s] += dwk[(s * co + oc) * c + ch];
            }
        }
    }
}
