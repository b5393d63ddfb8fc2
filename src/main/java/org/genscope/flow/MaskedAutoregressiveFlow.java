package org.genscope.flow;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;

/**
 * MAF, the masked autoregressive flow (Papamakarios, Pavlakou &amp; Murray 2017, §3.1, eq. 2-3): the MADE reads the
 * data side, so the density is one pass and sampling D passes.
 *
 * <pre>  forward  z_i = (x_i − μ_i(x_{&lt;i})) · exp(−α_i(x_{&lt;i})),   log|det ∂z/∂x| = −Σ_i α_i     (1 pass)
 *  inverse  x_i = z_i · exp(α_i(x_{&lt;i})) + μ_i(x_{&lt;i}),  i in order          (D passes)</pre>
 */
final class MaskedAutoregressiveFlow extends AutoregressiveFlow {
    private FMatrixRMaj z;

    MaskedAutoregressiveFlow(String prefix, int d, int[] hidden, String activation, boolean reverse, double scaleBound, Rng rng) {
        super(prefix, d, hidden, activation, reverse, scaleBound, rng);
    }

    @Override
    public Mapped forward(FMatrixRMaj x) {
        Columns.check(x, d, describe());
        z = onePass(x, x, true);
        return new Mapped(z, sumAlpha(x.numRows, -1));
    }

    @Override
    public Mapped inverse(FMatrixRMaj zIn) {
        Columns.check(zIn, d, describe());
        z = null;
        FMatrixRMaj x = sequential(zIn, false);
        return new Mapped(x, sumAlpha(zIn.numRows, 1));     // the last pass saw every x_{<i}: α is final
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj gz, double[] gradLogDet) {
        if (z == null) throw new IllegalStateException(describe() + ": backward without a preceding forward");
        FMatrixRMaj direct = throughShift(gz);
        // ∂L/∂x = δ e^{−α} + (∂L/∂(μ, α̂)) · ∂(μ, α̂)/∂x   (the second term through the MADE)
        FMatrixRMaj viaNet = net.backward(outputGradient(gz, z, gradLogDet));
        for (int e = 0; e < direct.getNumElements(); e++) direct.data[e] += viaNet.data[e];
        return direct;
    }

    @Override
    public String describe() {
        return prefix + "MAF (" + order() + ")";
    }
}
