package org.genscope.nn;

import java.util.Arrays;

/**
 * The unfolding that turns a convolution into one GEMM (Chellapilla, Puri &amp; Simard 2006), shared by
 * {@link Conv2d} and {@link ConvTranspose2d}. For one image x of shape C×H×W (NCHW, see {@link ImageShape}), a
 * K×K filter, stride s and zero padding p, the column matrix has C·K·K rows and OH·OW columns:
 *
 * <pre>  col[(c·K + ky)·K + kx, oy·OW + ox] = x[c, oy·s − p + ky, ox·s − p + kx]   (0 outside the image)</pre>
 *
 * so a convolution with weights W (Cout × C·K·K) is Y = W · col. {@link #col2im} is its adjoint (a sum of the
 * entries that came from the same pixel), which the input gradient of a convolution and the forward pass of a
 * transposed convolution need. Neither allocates.
 */
public final class Im2Col {
    private final ImageShape in;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int outH;
    private final int outW;

    public Im2Col(ImageShape in, int kernel, int stride, int padding) {
        this.in = in;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.outH = ImageShape.convOutput(in.height(), kernel, stride, padding);
        this.outW = ImageShape.convOutput(in.width(), kernel, stride, padding);
    }

    /** Rows of the column matrix, C·K·K. */
    public int rows() {
        return in.channels() * kernel * kernel;
    }

    /** Columns of the column matrix, OH·OW (the output pixels). */
    public int cols() {
        return outH * outW;
    }

    public int outHeight() {
        return outH;
    }

    public int outWidth() {
        return outW;
    }

    /** col (rows() × cols(), row-major, from index 0) = the unfolding of the image at x[xOff …]. */
    public void im2col(float[] x, int xOff, float[] col) {
        int h = in.height();
        int w = in.width();
        int n = cols();
        int r = 0;
        for (int c = 0; c < in.channels(); c++) {
            int plane = xOff + c * h * w;
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++, r++) {
                    int row = r * n;
                    // ox with 0 ≤ ox·s − p + kx < W
                    int oxLo = firstInside(kx);
                    int oxHi = endInside(kx, w, outW);
                    for (int oy = 0; oy < outH; oy++) {
                        int iy = oy * stride - padding + ky;
                        int o = row + oy * outW;
                        if (iy < 0 || iy >= h || oxLo >= oxHi) {
                            Arrays.fill(col, o, o + outW, 0f);
                            continue;
                        }
                        Arrays.fill(col, o, o + oxLo, 0f);
                        int src = plane + iy * w + oxLo * stride - padding + kx;
                        if (stride == 1) {
                            System.arraycopy(x, src, col, o + oxLo, oxHi - oxLo);
                        } else {
                            for (int ox = oxLo; ox < oxHi; ox++, src += stride) col[o + ox] = x[src];
                        }
                        Arrays.fill(col, o + oxHi, o + outW, 0f);
                    }
                }
            }
        }
    }

    /**
     * x[xOff …] (one C×H×W image) += the adjoint of {@link #im2col} applied to col: every column entry is added
     * to the pixel it was read from; entries that came from the padding are dropped.
     */
    public void col2imAdd(float[] col, float[] x, int xOff) {
        int h = in.height();
        int w = in.width();
        int n = cols();
        int r = 0;
        for (int c = 0; c < in.channels(); c++) {
            int plane = xOff + c * h * w;
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++, r++) {
                    int row = r * n;
                    int oxLo = firstInside(kx);
                    int oxHi = endInside(kx, w, outW);
                    for (int oy = 0; oy < outH; oy++) {
                        int iy = oy * stride - padding + ky;
                        if (iy < 0 || iy >= h || oxLo >= oxHi) continue;
                        int o = row + oy * outW;
                        int dst = plane + iy * w + oxLo * stride - padding + kx;
                        if (stride == 1) {
                            int len = oxHi - oxLo;
                            int s = o + oxLo;
                            for (int j = 0; j < len; j++) x[dst + j] += col[s + j];
                        } else {
                            for (int ox = oxLo; ox < oxHi; ox++, dst += stride) x[dst] += col[o + ox];
                        }
                    }
                }
            }
        }
    }

    /** x[xOff …] = col2im(col): {@link #col2imAdd} onto zeros. */
    public void col2im(float[] col, float[] x, int xOff) {
        Arrays.fill(x, xOff, xOff + in.size(), 0f);
        col2imAdd(col, x, xOff);
    }

    /** The first ox with ox·s − p + kx ≥ 0. */
    private int firstInside(int kx) {
        int need = padding - kx;                         // ox·s ≥ need
        return need <= 0 ? 0 : Math.min(outW, (need + stride - 1) / stride);
    }

    /** One past the last ox with ox·s − p + kx &lt; W. */
    private int endInside(int kx, int w, int ow) {
        int limit = w - 1 + padding - kx;                // ox·s ≤ limit
        if (limit < 0) return 0;
        return Math.min(ow, limit / stride + 1);
    }
}
