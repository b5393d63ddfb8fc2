package org.genscope.nn;

import java.util.Arrays;
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
 *   <li><b>Shifted</b> (stride 1, padding ≤ K − 1, C ≥ {@value #SHIFTED_MIN_CHANNELS}): each image is copied
 *       once into a <em>row-unfolded</em> buffer (its K horizontal shifts, C·K planes of Hp×OW, zero borders), in
 *       which the window of filter row u is the buffer itself shifted by u·OW, a plain GEMM operand at an offset:
 *       <pre>  Y_b = Σ_u W_u · shift_{u·OW}(R_b),   W_u[o, c·K + v] = W[o, c, u, v]</pre>
 *       K GEMMs of Cout × C·K × OH·OW per image, no 10 MB column matrix, and the input gradient is the same kind
 *       of correlation of δ_b with the flipped filters ({@link ShiftedConvolution} has the formulas and the
 *       measurements that chose this shape).</li>
 * </ul>
 * Either way, an image whose output gradient is <b>sparse</b> (at most {@link #SPARSE_FRACTION} of it nonzero, as
 * behind a winner-take-all rule, where a 128-map Conv-WTA passes back about six values per image) takes the direct
 * backward pass instead, which costs 2·C·K² multiply-adds per nonzero δ[o, i, j]:
 *
 * <pre>  ∂L/∂W[o, c, u, v] += δ[o, i, j] · x[c, i·s − p + u, j·s − p + v],   ∂L/∂x[c, i·s − p + u, j·s − p + v] += δ[o, i, j] · W[o, c, u, v]</pre>
 *
 * Work buffers are allocated once per layer and reused; the input of the last forward is kept by reference.
 */
public final class Conv2d implements Module {
    /** The shifted GEMMs have depth C·K; below this many channels the unfolded GEMM (depth C·K·K) is used. */
    static final int SHIFTED_MIN_CHANNELS = 8;
    /** An image's gradient with at most this fraction of nonzero entries takes the direct (sparse) backward pass. */
    static final double SPARSE_FRACTION = 0.02;
    /** For tests: 0 forces the GEMM paths, 1 the direct one. */
    double sparseFraction = SPARSE_FRACTION;

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
    private final ShiftedConvolution shifted;      // null: unfolded
    private final float[] col;
    private final int stride;
    private final int padding;
    private boolean[] dense = new boolean[0];

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
        this.stride = stride;
        this.padding = padding;
        this.out = new ImageShape(outChannels, unfold.outHeight(), unfold.outWidth());
        int fanIn = in.channels() * kernel * kernel;
        this.weight = new Param(name + ".weight", outChannels, fanIn);
        this.bias = new Param(name + ".bias", 1, outChannels);
        Init.uniformFanIn(weight.value, fanIn, rng);
        Init.uniformFanIn(bias.value, fanIn, rng);
        boolean shift = ShiftedConvolution.fits(kernel, stride, padding) && in.channels() >= SHIFTED_MIN_CHANNELS;
        this.shifted = shift ? new ShiftedConvolution(in, outChannels, kernel, padding) : null;
        this.col = shift ? null : new float[unfold.rows() * unfold.cols()];
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
            int o = b * out.size();
            for (int c = 0; c < co; c++) Arrays.fill(y.data, o + c * p, o + (c + 1) * p, bias.value.data[c]);
            // Y_b = bias + W · col(x_b), in place
            g.gemm(false, false, co, p, k, 1f, weight.value.data, 0, k, col, 0, p, 1f, y.data, o, p);
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
        if (dense.length < x.numRows) dense = new boolean[x.numRows];
        int limit = (int) Math.min(out.size(), Math.floor(sparseFraction * out.size()));
        for (int b = 0; b < x.numRows; b++) {
            dense[b] = !isSparse(gradOut.data, b * out.size(), out.size(), limit);
            if (!dense[b]) backwardSparse(b, gradOut.data);
        }
        if (shifted != null) {
            shifted.backward(x, gradOut, weight.value.data, weight.grad.data, bias.grad.data, inputGradient ? dx : null, dense);
            return inputGradient ? dx : null;
        }
        Gemm g = GemmBackends.selected();
        int co = out.channels();
        int p = out.pixels();
        int k = unfold.rows();
        float[] db = bias.grad.data;
        for (int b = 0; b < x.numRows; b++) {
            if (!dense[b]) continue;
            int o = b * out.size();
            // ∂L/∂bias[c] += Σ_pixels δ_b[c, ·]
            Mat.addRowSums(gradOut.data, o, co, p, db);
            unfold.im2col(x.data, b * in.size(), col);
            // ∂L/∂W += δ_b · col(x_b)ᵀ
            g.gemm(false, true, co, k, p, 1f, gradOut.data, o, p, col, 0, p, 1f, weight.grad.data, 0, k);
            if (inputGradient) {
                // ∂L/∂x_b = col2im(Wᵀ · δ_b)
                g.gemm(true, false, k, p, co, 1f, weight.value.data, 0, k, gradOut.data, o, p, 0f, col, 0, p);
                unfold.col2im(col, dx.data, b * in.size());
            }
        }
        return inputGradient ? dx : null;
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }

    /** Whether at most {@code limit} of g[off, off + n) are nonzero (stops counting past the limit). */
    static boolean isSparse(float[] g, int off, int n, int limit) {
        int nonzero = 0;
        for (int i = off; i < off + n; i++) {
            if (g[i] != 0f && ++nonzero > limit) return false;
        }
        return true;
    }

    /** Image b's backward pass, one nonzero δ[o, i, j] at a time (see the class comment). */
    private void backwardSparse(int b, float[] g) {
        int c = in.channels();
        int h = in.height();
        int w = in.width();
        int oh = out.height();
        int ow = out.width();
        int k = kernel;
        int kk = c * k * k;
        float[] wv = weight.value.data;
        float[] dw = weight.grad.data;
        float[] xv = x.data;
        int xo = b * in.size();
        float[] d = inputGradient ? dx.data : null;
        if (d != null) Arrays.fill(d, xo, xo + in.size(), 0f);
        int go = b * out.size();
        for (int q = 0; q < out.size(); q++) {
            float gv = g[go + q];
            if (gv == 0f) continue;
            int o = q / (oh * ow);
            int i = (q / ow) % oh;
            int j = q % ow;
            bias.grad.data[o] += gv;
            for (int ch = 0; ch < c; ch++) {
                for (int u = 0; u < k; u++) {
                    int yy = i * stride - padding + u;
                    if (yy < 0 || yy >= h) continue;
                    int wRow = o * kk + (ch * k + u) * k;
                    int xRow = xo + (ch * h + yy) * w;
                    for (int v = 0; v < k; v++) {
                        int xx = j * stride - padding + v;
                        if (xx < 0 || xx >= w) continue;
                        dw[wRow + v] += gv * xv[xRow + xx];
                        if (d != null) d[xRow + xx] += gv * wv[wRow + v];
                    }
                }
            }
        }
    }
}
