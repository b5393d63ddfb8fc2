package org.genscope.flow;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;

/**
 * IAF, the inverse autoregressive flow (Kingma, Salimans, Jozefowicz, Chen, Sutskever &amp; Welling 2016, eq. 10;
 * as in nflib, MAF with the directions swapped): the MADE reads the base side, so sampling is one pass and the
 * density D passes.
 *
 * <pre>  inverse  x_i = z_i · exp(α_i(z_{&lt;i})) + μ_i(z_{&lt;i}),  log|det ∂x/∂z| = Σ_i α_i          (1 pass)
 *  forward  z_i = (x_i − μ_i(z_{&lt;i})) · exp(−α_i(z_{&lt;i})),  i in order              (D passes)</pre>
 *
 * <b>Gradient of the density direction.</b> The forward output solves z = h(x, z) with h(x, z) = (x − μ(z))e^{−α(z)},
 * and ∂h/∂z = H is strictly triangular in the ordering, hence H^D = 0. By implicit differentiation the adjoint
 * λ = ∂L/∂z (total) solves λ = φ + λH, φ = a + c: a = ∂L/∂z of the output, c = the log-det's −Σα(z) part. The
 * iteration λ ← a + [MADE backward of λ's output gradient], from λ = a, gives after k steps
 * φ·Σ_{j&lt;k} H^j + a·H^k, so it is exact after D − 1 steps: λ* − λ = c·H^{D−1}, and H^{D−1} only carries the
 * last variable of the ordering, on which no α depends (c has no component there). One more MADE backward pass
 * with λ gives ∂L/∂θ, and ∂L/∂x = λ e^{−α}: D backward passes in all, like the D forward passes.
 */
final class InverseAutoregressiveFlow extends AutoregressiveFlow {
    private FMatrixRMaj z;

    InverseAutoregressiveFlow(String prefix, int d, int[] hidden, String activation, boolean reverse, double scaleBound, Rng rng) {
        super(prefix, d, hidden, activation, reverse, scaleBound, rng);
    }

    @Override
    public Mapped forward(FMatrixRMaj x) {
        Columns.check(x, d, describe());
        z = sequential(x, true);
        return new Mapped(z, sumAlpha(x.numRows, -1));
    }

    @Override
    public Mapped inverse(FMatrixRMaj zIn) {
        Columns.check(zIn, d, describe());
        z = null;
        FMatrixRMaj x = onePass(zIn, zIn, false);
        return new Mapped(x, sumAlpha(zIn.numRows, 1));
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj gz, double[] gradLogDet) {
        if (z == null) throw new IllegalStateException(describe() + ": backward without a preceding forward");
        shiftAndScale(z);                            // the MADE's buffers at the solution z
        List<Param> params = net.params();
        float[][] saved = new float[params.size()][];
        for (int p = 0; p < saved.length; p++) saved[p] = params.get(p).grad.data.clone();
        // λ ← ∂L/∂z + VJP_z(output gradient of λ), D − 1 times (the parameter gradients of these passes are discarded)
        FMatrixRMaj lambda = gz.copy();
        for (int k = 0; k < d - 1; k++) {
            FMatrixRMaj viaNet = net.backward(outputGradient(lambda, z, gradLogDet));
            lambda = gz.copy();
            for (int e = 0; e < lambda.getNumElements(); e++) lambda.data[e] += viaNet.data[e];
        }
        for (int p = 0; p < saved.length; p++) System.arraycopy(saved[p], 0, params.get(p).grad.data, 0, saved[p].length);
        net.backward(outputGradient(lambda, z, gradLogDet));   // ∂L/∂θ with the converged adjoint
        return throughShift(lambda);                            // ∂L/∂x = λ e^{−α}
    }

    @Override
    public String describe() {
        return prefix + "IAF (" + order() + ")";
    }
}
