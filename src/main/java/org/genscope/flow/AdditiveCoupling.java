package org.genscope.flow;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;

/**
 * NICE's additive coupling layer (Dinh, Krueger &amp; Bengio 2014, eq. 4-5): volume preserving.
 *
 * <pre>  z_a = x_a,  z_b = x_b + m(x_a),   log|det ∂z/∂x| = 0;   inverse x_b = z_b − m(z_a)</pre>
 *
 * NICE gets its scale from a final {@link DiagonalScaling} layer.
 */
final class AdditiveCoupling extends Coupling {
    private final String prefix;

    AdditiveCoupling(String prefix, int d, int parity, int[] hidden, String activation, Rng rng) {
        super(prefix, d, parity, hidden, activation, 1, rng);
        this.prefix = prefix;
    }

    @Override
    protected void couple(FMatrixRMaj x, FMatrixRMaj m, FMatrixRMaj z, double[] logDet) {
        // z_b = x_b + m
        for (int e = 0; e < x.getNumElements(); e++) z.data[e] = x.data[e] + m.data[e];
    }

    @Override
    protected void uncouple(FMatrixRMaj z, FMatrixRMaj m, FMatrixRMaj x, double[] logDet) {
        // x_b = z_b − m
        for (int e = 0; e < z.getNumElements(); e++) x.data[e] = z.data[e] - m.data[e];
    }

    @Override
    protected void coupleBackward(FMatrixRMaj gz, double[] gradLogDet, FMatrixRMaj gx, FMatrixRMaj gm) {
        // ∂L/∂x_b = ∂L/∂m = ∂L/∂z_b
        System.arraycopy(gz.data, 0, gx.data, 0, gz.getNumElements());
        System.arraycopy(gz.data, 0, gm.data, 0, gz.getNumElements());
    }

    @Override
    public String describe() {
        return prefix + "additive coupling (NICE), " + split();
    }
}
