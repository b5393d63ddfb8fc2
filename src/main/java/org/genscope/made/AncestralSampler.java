package org.genscope.made;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.MaskedLinear;
import org.genscope.nn.Mat;
import org.genscope.nn.Module;
import org.genscope.nn.Rng;

/**
 * Ancestral sampling from a {@link MadeNet} in O(D·B·H) for one hidden layer instead of D full forward passes:
 * after x_d is drawn only its contribution to the first layer changes, so the pre-activations are updated by a
 * rank-1 step, and only the P outputs of the next dimension are computed (as in Germain et al. 2015, §4.1, where
 * sampling needs D passes; the passes share their first layer here).
 *
 * <pre>  a¹ = b¹,  then for t = 1..D with d = s(t):
 *    h¹ = g(a¹),  h^l = g(h^{l−1}·(W^l∘M^l) + b^l),  θ_{p·D+d} = c + h^L·(V∘M^V)[:, p·D+d] + x·(A∘M^A)[:, p·D+d]
 *    x_d ~ p(· | θ_d),   a¹ += x_d · (W¹∘M¹)[d, :]</pre>
 */
final class AncestralSampler {
    private AncestralSampler() {}

    static float[] sample(MadeNet net, ConditionalFamily family, int n, Rng rng) {
        int d = net.inputs();
        int groups = net.groups();
        List<MaskedLinear> layers = net.layers();
        int hidden = layers.size() - 1;
        FMatrixRMaj[] w = new FMatrixRMaj[layers.size()];
        for (int l = 0; l < w.length; l++) w[l] = effective(layers.get(l));
        float[] a = net.directLayer() == null ? null : effective(net.directLayer()).data;
        float[] v = w[hidden].data;
        float[] w1 = w[0].data;
        MaskedLinear out = layers.get(hidden);
        int h1 = hidden == 0 ? 0 : layers.get(0).outputSize();
        FMatrixRMaj x = new FMatrixRMaj(n, d);
        FMatrixRMaj theta = new FMatrixRMaj(n, groups * d);
        FMatrixRMaj pre = hidden == 0 ? null : new FMatrixRMaj(n, h1);
        if (pre != null) Mat.setRows(pre, layers.get(0).bias.value);                    // a¹ = b¹
        Module[] act = new Module[hidden];
        FMatrixRMaj[] z = new FMatrixRMaj[hidden];
        for (int l = 0; l < hidden; l++) {
            act[l] = net.newActivation();
            z[l] = new FMatrixRMaj(n, layers.get(l).outputSize());
        }
        int width = out.outputSize();
        for (int dim : net.connectivity().sequence()) {
            // h^L from the current a¹ (deeper layers in full)
            FMatrixRMaj h = x;
            if (hidden > 0) {
                h = act[0].forward(pre);
                for (int l = 1; l < hidden; l++) {
                    Mat.setRows(z[l], layers.get(l).bias.value);
                    Mat.gemm(false, h, false, w[l], 1f, 1f, z[l]);
                    h = act[l].forward(z[l]);
                }
            }
            // θ of dimension dim only: c + h^L·V[:, col] (+ x·A[:, col])
            int k = h.numCols;
            for (int p = 0; p < groups; p++) {
                int col = p * d + dim;
                for (int r = 0; r < n; r++) {
                    double s = out.bias.value.data[col];
                    for (int j = 0; j < k; j++) s += h.data[r * k + j] * v[j * width + col];
                    if (a != null) for (int j = 0; j < d; j++) s += x.data[r * d + j] * a[j * width + col];
                    theta.data[r * width + col] = (float) s;
                }
            }
            family.sample(theta, dim, x, rng);
            // a¹ += x_dim · (W¹∘M¹)[dim, :]
            if (pre != null) {
                for (int r = 0; r < n; r++) {
                    float xv = x.data[r * d + dim];
                    if (xv != 0f) for (int j = 0; j < h1; j++) pre.data[r * h1 + j] += xv * w1[dim * h1 + j];
                }
            }
        }
        return x.data.clone();
    }

    /** W∘M of a masked layer, row-major in×out. */
    private static FMatrixRMaj effective(MaskedLinear layer) {
        float[] wv = layer.weight.value.data;
        float[] m = layer.mask().data;
        FMatrixRMaj e = new FMatrixRMaj(layer.inputSize(), layer.outputSize());
        for (int i = 0; i < e.getNumElements(); i++) e.data[i] = wv[i] * m[i];
        return e;
    }
}
