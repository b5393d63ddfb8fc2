package org.genscope.nn;

import java.util.List;
import org.ejml.data.FMatrixRMaj;

/**
 * Transposed convolution ("deconvolution"), the adjoint of {@link Conv2d} with the same geometry: each input
 * pixel scatters a weighted K×K filter into the output. For input C×H×W, Cout output channels, stride s and
 * padding p the output is Cout×OH×OW with OH = (H − 1)·s − 2p + K, and
 *
 * <pre>  y[b, o, i, j] = bias[o] + Σ_{c, u, v : i = h·s − p + u, j = w·s − p + v} W[c, o, u, v] · x[b, c, h, w]</pre>
 *
 * i.e. Y_b = col2im(Wᵀ · X_b) with W stored C × (Cout·K·K) (PyTorch's {@code ConvTranspose2d.weight}
 * flattened) and the {@link Im2Col} of the <em>output</em> geometry. Gradients (accumulated), δ_b = ∂L/∂Y_b:
 *
 * <pre>  ∂L/∂X_b = W · col(δ_b),   ∂L/∂W += Σ_b X_b · col(δ_b)ᵀ,   ∂L/∂bias[o] += Σ δ_b[o, ·, ·]</pre>
 *
 * An image whose input is <b>sparse</b> (at most {@link Conv2d#SPARSE_FRACTION} nonzero, as after the
 * winner-take-all rules: one value per surviving map) is computed directly instead, stamping one weighted filter per
 * nonzero x[c, h, w], and its weight gradient gathered the same way: ∂L/∂W[c, o, u, v] += x[c, h, w] ·
 * δ[o, h·s − p + u, w·s − p + v]. (Its input gradient stays the GEMM: it is dense.)
 *
 * <p>A Conv-WTA's decoder is one of these (Makhzani &amp; Frey 2015, §3: {@code 128deconv11}); its C filters of
 * Cout×K×K are the dictionary the autoencoder learns.
 */
public final class ConvTranspose2d implements Module {
    public final Param weight;
    public final Param bias;
    private final ImageShape in;
    private final ImageShape out;
    private final int kernel;
    private final Im2Col unfold;            // of the output image: its cols() are the input's pixels
    private FMatrixRMaj x;
    private FMatrixRMaj y;
    private FMatrixRMaj dx;
    private final float[] col;
    private final int stride;
    private final int padding;
    private boolean[] sparse = new boolean[0];
    /** For tests: 0 forces the GEMM paths, 1 the direct one. */
    double sparseFraction = Conv2d.SPARSE_FRACTION;

    /** Weights and biases from U(−1/√fanIn, 1/√fanIn) with PyTorch's fanIn = Cout·K·K for this layer. */
    public ConvTranspose2d(String name, ImageShape in, int outChannels, int kernel, int stride, int padding, Rng rng) {
        if (outChannels < 1) throw new IllegalArgumentException(name + ": at least 1 output channel, got " + outChannels);
        if (kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException(name + ": filter size and stride must be ≥ 1 and padding ≥ 0");
        }
        int oh = (in.height() - 1) * stride - 2 * padding + kernel;
        int ow = (in.width() - 1) * stride - 2 * padding + kernel;
        if (oh < 1 || ow < 1) {
            throw new IllegalArgumentException(name + ": padding " + padding + " leaves no output pixels for a "
                    + kernel + "×" + kernel + " filter on " + in.height() + "×" + in.width());
        }
        this.in = in;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.out = new ImageShape(outChannels, oh, ow);
        this.unfold = new Im2Col(out, kernel, stride, padding);
        if (unfold.outHeight() != in.height() || unfold.outWidth() != in.width()) {
            throw new IllegalArgumentException(name + ": stride " + stride + " does not map " + oh + "×" + ow
                    + " back onto " + in.height() + "×" + in.width());
        }
        int fanIn = outChannels * kernel * kernel;
        this.weight = new Param(name + ".weight", in.channels(), fanIn);
        this.bias = new Param(name + ".bias", 1, outChannels);
        Init.uniformFanIn(weight.value, fanIn, rng);
        Init.uniformFanIn(bias.value, fanIn, rng);
        this.col = new float[unfold.rows() * unfold.cols()];
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

    /** Floating-point operations of one image's forward pass (2 per multiply-add); backward costs twice that. */
    public double flopsPerImage() {
        return 2.0 * in.channels() * unfold.rows() * unfold.cols();
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x) {
        if (x.numCols != in.size()) {
            throw new IllegalArgumentException(weight.name + ": input has " + x.numCols + " columns, expected "
                    + in.size() + " (" + in + ")");
        }
        this.x = x;
        y = Mat.reuse(y, x.numRows, out.size());
        Gemm g = GemmBackends.selected();
        int c = in.channels();
        int p = in.pixels();
        int k = unfold.rows();
        int po = out.pixels();
        if (sparse.length < x.numRows) sparse = new boolean[x.numRows];
        int limit = (int) Math.min(in.size(), Math.floor(sparseFraction * in.size()));
        for (int b = 0; b < x.numRows; b++) {
            int o = b * out.size();
            for (int ch = 0; ch < out.channels(); ch++) {
                java.util.Arrays.fill(y.data, o + ch * po, o + (ch + 1) * po, bias.value.data[ch]);
            }
            sparse[b] = Conv2d.isSparse(x.data, b * in.size(), in.size(), limit);
            if (sparse[b]) {
                stamp(b, x.data, y.data, null);
                continue;
            }
            // Y_b = col2im(Wᵀ · X_b) + bias
            g.gemm(true, false, k, p, c, 1f, weight.value.data, 0, k, x.data, b * in.size(), p, 0f, col, 0, p);
            unfold.col2imAdd(col, y.data, o);
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
        dx = Mat.reuse(dx, x.numRows, in.size());
        Gemm g = GemmBackends.selected();
        int c = in.channels();
        int p = in.pixels();
        int k = unfold.rows();
        int po = out.pixels();
        float[] db = bias.grad.data;
        for (int b = 0; b < x.numRows; b++) {
            int o = b * out.size();
            Mat.addRowSums(gradOut.data, o, out.channels(), po, db);
            unfold.im2col(gradOut.data, o, col);
            if (sparse[b]) {
                stamp(b, x.data, null, gradOut.data);
            } else {
                // ∂L/∂W += X_b · col(δ_b)ᵀ
                g.gemm(false, true, c, k, p, 1f, x.data, b * in.size(), p, col, 0, p, 1f, weight.grad.data, 0, k);
            }
            // ∂L/∂X_b = W · col(δ_b)
            g.gemm(false, false, c, p, k, 1f, weight.value.data, 0, k, col, 0, p, 0f, dx.data, b * in.size(), p);
        }
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }

    /**
     * For each nonzero x[c, h, w] of image b: with y, stamps x·W[c, o, ·, ·] into y around (h·s − p, w·s − p);
     * with δ, gathers ∂L/∂W[c, o, u, v] += x · δ[o, h·s − p + u, w·s − p + v].
     */
    private void stamp(int b, float[] xv, float[] y, float[] delta) {
        int oh = out.height();
        int ow = out.width();
        int k = kernel;
        int kk = out.channels() * k * k;
        float[] w = delta == null ? weight.value.data : weight.grad.data;
        int xo = b * in.size();
        int yo = b * out.size();
        for (int q = 0; q < in.size(); q++) {
            float a = xv[xo + q];
            if (a == 0f) continue;
            int c = q / in.pixels();
            int h = (q / in.width()) % in.height();
            int wc = q % in.width();
            for (int o = 0; o < out.channels(); o++) {
                for (int u = 0; u < k; u++) {
                    int i = h * stride - padding + u;
                    if (i < 0 || i >= oh) continue;
                    int wRow = c * kk + (o * k + u) * k;
                    int yRow = yo + (o * oh + i) * ow;
                    for (int v = 0; v < k; v++) {
                        int j = wc * stride - padding + v;
                        if (j < 0 || j >= ow) continue;
                        if (delta == null) y[yRow + j] += a * w[wRow + v];
                        else w[wRow + v] += a * delta[yRow + j];
                    }
                }
            }
        }
    }
}
