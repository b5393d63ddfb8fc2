package org.genscope.nn;

import java.util.List;
import org.ejml.data.FMatrixRMaj;

/**
 * 2-D convolution (cross-correlation, as in every deep-learning library) of a batch of images, B × (C·H·W) in
 * NCHW ({@link ImageShape}), with Cout filters of C×K×K, stride s and zero padding p:
 *
 * <pre>  y[b, o, i, j] = bias[o] + Σ_{c, u, v} W[o, c, u, v] · x[b, c, i·s − p + u, j·s − p + v]</pre>
 *
 * W is Cout × C·K·K, the layout of PyTorch's {@code Conv2d.weight} flattened. Gradients (accumulated),
 * δ_b = ∂L/∂Y_b:
 *
 * <pre>  ∂L/∂W += Σ_b δ_b · col(x_b)ᵀ,   ∂L/∂bias[o] += Σ_{b,i,j} δ_b[o, i, j],   ∂L/∂x_b = col2im(Wᵀ · δ_b)</pre>
 *
 * Two ways to the same numbers, chosen by the geometry (both checked against the defining loops):
 * <ul>
 *   <li><b>Unfolded</b>: per image one GEMM on the {@link Im2Col} column matrix, Y_b = W · col(x_b). Any stride;
 *       used for few input channels (a first layer's C·K·K = 25 rows make one good GEMM).</li>
 *   <li><b>Shifted</b> (stride 1, C ≥ {@value #SHIFTED_MIN_CHANNELS}): the image is copied once into a zero-padded
 *       buffer of Hp×Wp planes, and the output is computed on an OH×Wp grid, so the window of filter tap (u, v) is
 *       the buffer itself shifted by u·Wp + v, a plain GEMM operand at an offset:
 *       <pre>  Y_b = Σ_{u,v} W_{u,v} · shift_{u·Wp+v}(x̃_b),   W_{u,v}[o, c] = W[o, c, u, v]</pre>
 *       K² GEMMs of Cout × C × OH·Wp and no column matrix at all (at 128 maps that matrix is 10 MB per image,
 *       and building and folding it cost a third of the GEMM time). The Wp − OW extra columns per row are
 *       discarded (12.5% more multiply-adds for 5×5 filters on 28×28 images).</li>
 * </ul>
 * Work buffers are allocated once per layer and reused; the input of the last forward is kept by reference.
 */
public final class Conv2d implements Module {
    /** The shifted GEMMs have depth C; below this the unfolded GEMM (depth C·K·K) is faster. */
    static final int SHIFTED_MIN_CHANNELS = 8;

    public final Param weight;
    public final Param bias;
    private final ImageShape in;
    private final ImageShape out;
    private final int kernel;
    private final Im2Col unfold;
    private boolean inputGradient = true;
    private FMatrixRMaj x;
    private FMatrixRMaj y;
    private FMatrixRMaj dx;
    private final Shifted shifted;      // null: unfolded
    private final float[] col;
    private final float[] img;          // one image's Cout × OH·OW output or gradient, contiguous for the GEMM

    /**
     * A layer with weights and biases from U(−1/√fanIn, 1/√fanIn), fanIn = C·K·K (PyTorch's default for Conv2d).
     *
     * @param outChannels Cout ≥ 1 filters (feature maps)
     */
    public Conv2d(String name, ImageShape in, int outChannels, int kernel, int stride, int padding, Rng rng) {
        if (outChannels < 1) throw new IllegalArgumentException(name + ": a convolution needs at least 1 feature map, got " + outChannels);
        this.in = in;
        this.kernel = kernel;
        this.unfold = new Im2Col(in, kernel, stride, padding);
        this.out = new ImageShape(outChannels, unfold.outHeight(), unfold.outWidth());
        int fanIn = in.channels() * kernel * kernel;
        this.weight = new Param(name + ".weight", outChannels, fanIn);
        this.bias = new Param(name + ".bias", 1, outChannels);
        Init.uniformFanIn(weight.value, fanIn, rng);
        Init.uniformFanIn(bias.value, fanIn, rng);
        boolean shift = stride == 1 && in.channels() >= SHIFTED_MIN_CHANNELS;
        this.shifted = shift ? new Shifted(in, outChannels, kernel, padding) : null;
        this.col = shift ? null : new float[unfold.rows() * unfold.cols()];
        this.img = shift ? null : new float[out.size()];
    }

    public ImageShape inputShape() {
        return in;
    }

    public ImageShape outputShape() {
        return out;
    }

    public int kernel() {
        return kernel;
    }

    /** With false, {@link #backward} accumulates the W and bias gradients only and returns null. */
    public void setInputGradient(boolean needed) {
        this.inputGradient = needed;
    }

    /** Floating-point operations of one image's forward pass (2 per multiply-add); backward costs twice that. */
    public double flopsPerImage() {
        return 2.0 * out.channels() * unfold.rows() * unfold.cols();
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x) {
        if (x.numCols != in.size()) {
            throw new IllegalArgumentException(weight.name + ": input has " + x.numCols + " columns, expected "
                    + in.size() + " (" + in + ")");
        }
        this.x = x;
        y = Mat.reuse(y, x.numRows, out.size());
        if (shifted != null) {
            shifted.forward(x, weight.value.data, bias.value.data, y);
            return y;
        }
        Gemm g = GemmBackends.selected();
        int co = out.channels();
        int p = out.pixels();
        int k = unfold.rows();
        for (int b = 0; b < x.numRows; b++) {
            unfold.im2col(x.data, b * in.size(), col);
            // Y_b = W · col(x_b)
            g.gemm(false, false, co, p, k, 1f, weight.value.data, k, col, p, 0f, img, p);
            int o = b * out.size();
            for (int c = 0; c < co; c++) {
                float bc = bias.value.data[c];
                int s = c * p;
                for (int j = 0; j < p; j++) y.data[o + s + j] = img[s + j] + bc;
            }
        }
        return y;
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj gradOut) {
        if (x == null) throw new IllegalStateException(weight.name + ": backward before forward");
        if (gradOut.numRows != x.numRows || gradOut.numCols != out.size()) {
            throw new IllegalArgumentException(weight.name + ": gradient is " + gradOut.numRows + "×" + gradOut.numCols
                    + ", expected " + x.numRows + "×" + out.size());
        }
        if (inputGradient) dx = Mat.reuse(dx, x.numRows, in.size());
        if (shifted != null) {
            shifted.backward(x, gradOut, weight.value.data, weight.grad.data, bias.grad.data, inputGradient ? dx : null);
            return inputGradient ? dx : null;
        }
        Gemm g = GemmBackends.selected();
        int co = out.channels();
        int p = out.pixels();
        int k = unfold.rows();
        float[] db = bias.grad.data;
        for (int b = 0; b < x.numRows; b++) {
            int o = b * out.size();
            System.arraycopy(gradOut.data, o, img, 0, out.size());
            // ∂L/∂bias[c] += Σ_pixels δ_b[c, ·]
            for (int c = 0; c < co; c++) {
                float s = 0;
                for (int j = c * p; j < (c + 1) * p; j++) s += img[j];
                db[c] += s;
            }
            unfold.im2col(x.data, b * in.size(), col);
            // ∂L/∂W += δ_b · col(x_b)ᵀ
            g.gemm(false, true, co, k, p, 1f, img, p, col, p, 1f, weight.grad.data, k);
            if (inputGradient) {
                // ∂L/∂x_b = col2im(Wᵀ · δ_b)
                g.gemm(true, false, k, p, co, 1f, weight.value.data, k, img, p, 0f, col, p);
                unfold.col2im(col, dx.data, b * in.size());
            }
        }
        return inputGradient ? dx : null;
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }

    /** The stride-1 convolution as K² shifted GEMMs on a zero-padded copy of each image (see the class comment). */
    private static final class Shifted {
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

        Shifted(ImageShape in, int co, int k, int pad) {
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

        void backward(FMatrixRMaj x, FMatrixRMaj gradOut, float[] w, float[] dw, float[] dbias, FMatrixRMaj dx) {
            Gemm g = GemmBackends.selected();
            splitTaps(w);
            java.util.Arrays.fill(dwk, 0f);
            int c = in.channels();
            int plane = hp * wp;
            int outSize = co * oh * ow;
            int h = in.height();
            int wd = in.width();
            java.util.Arrays.fill(yg, 0f);               // the Wp − OW extra columns stay zero: they carry no gradient
            for (int b = 0; b < x.numRows; b++) {
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
                if (dx != null) java.util.Arrays.fill(dxp, 0f);
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
}
