package org.genscope.flow;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Linear;
import org.genscope.nn.Mlp;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;
import org.genscope.nn.Sequential;

/**
 * A coupling layer (Dinh et al. 2014, §3.2; 2016, §3.3): the variables are split by a binary mask into a
 * conditioning part x_a, copied unchanged, and a transformed part x_b, changed by an elementwise bijection whose
 * parameters θ = NN(x_a) come from a multilayer perceptron of x_a alone:
 *
 * <pre>  z_a = x_a,   z_b = g(x_b; θ(x_a))      ⇒ ∂z/∂x is triangular, log|det| = Σ_b log|∂g/∂x_b|</pre>
 *
 * Mask parity p: x_a = the variables j with (j + p) even, x_b the others; stacks alternate p so every variable is
 * transformed. The perceptron (nn {@link Linear} layers and activations) ends in a zero-initialised layer, so a
 * new coupling is the identity. Subclasses give g: additive (NICE) or affine (RealNVP).
 */
abstract class Coupling implements FlowLayer {
    private final int d;
    private final int parity;
    private final int[] cond;
    private final int[] trans;
    private final Sequential net;
    private final int outputs;
    private boolean pending;

    /**
     * @param prefix   parameter-name prefix, e.g. {@code "layer2."}
     * @param groups   network outputs per transformed variable (1 additive, 2 affine)
     */
    Coupling(String prefix, int d, int parity, int[] hidden, String activation, int groups, Rng rng) {
        if (d < 2) throw new IllegalArgumentException("a coupling layer needs at least 2 variables, got " + d);
        this.d = d;
        this.parity = parity & 1;
        int nc = (d + 1 - this.parity) / 2;
        cond = new int[nc];
        trans = new int[d - nc];
        for (int j = 0, a = 0, b = 0; j < d; j++) {
            if ((j + this.parity) % 2 == 0) cond[a++] = j;
            else trans[b++] = j;
        }
        outputs = groups * trans.length;
        net = Mlp.of(prefix + "net.", cond.length, hidden, activation, outputs, rng);
        Linear out = Mlp.output(net);
        out.weight.value.zero();                      // θ = 0 at the start: the layer begins as the identity
        out.bias.value.zero();
    }

    /** z_b = g(x_b; θ) into zb, adding log|∂g/∂x_b| per row to logDet; keeps what the backward pass needs. */
    protected abstract void couple(FMatrixRMaj xb, FMatrixRMaj theta, FMatrixRMaj zb, double[] logDet);

    /** x_b = g⁻¹(z_b; θ) into xb, adding log|∂g⁻¹/∂z_b| per row to logDet. */
    protected abstract void uncouple(FMatrixRMaj zb, FMatrixRMaj theta, FMatrixRMaj xb, double[] logDet);

    /** From ∂L/∂z_b and ∂L/∂log|det| of the last {@link #couple}: ∂L/∂x_b into gxb and ∂L/∂θ into gTheta. */
    protected abstract void coupleBackward(FMatrixRMaj gzb, double[] gradLogDet, FMatrixRMaj gxb, FMatrixRMaj gTheta);

    @Override
    public int dimension() {
        return d;
    }

    /** The conditioning variables x_a (copies). */
    public int[] conditioning() {
        return cond.clone();
    }

    /** The transformed variables x_b (copies). */
    public int[] transformed() {
        return trans.clone();
    }

    @Override
    public Mapped forward(FMatrixRMaj x) {
        Columns.check(x, d, describe());
        FMatrixRMaj theta = net.forward(Columns.gather(x, cond));
        FMatrixRMaj zb = new FMatrixRMaj(x.numRows, trans.length);
        double[] logDet = new double[x.numRows];
        couple(Columns.gather(x, trans), theta, zb, logDet);
        FMatrixRMaj z = x.copy();
        Columns.scatter(zb, trans, z);
        pending = true;
        return new Mapped(z, logDet);
    }

    @Override
    public Mapped inverse(FMatrixRMaj z) {
        Columns.check(z, d, describe());
        pending = false;                              // the network now holds this pass, not the last forward's
        FMatrixRMaj theta = net.forward(Columns.gather(z, cond));
        FMatrixRMaj xb = new FMatrixRMaj(z.numRows, trans.length);
        double[] logDet = new double[z.numRows];
        uncouple(Columns.gather(z, trans), theta, xb, logDet);
        FMatrixRMaj x = z.copy();
        Columns.scatter(xb, trans, x);
        return new Mapped(x, logDet);
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj gradZ, double[] gradLogDet) {
        if (!pending) throw new IllegalStateException(describe() + ": backward without a preceding forward");
        FMatrixRMaj gxb = new FMatrixRMaj(gradZ.numRows, trans.length);
        FMatrixRMaj gTheta = new FMatrixRMaj(gradZ.numRows, outputs);
        coupleBackward(Columns.gather(gradZ, trans), gradLogDet, gxb, gTheta);
        // ∂L/∂x_a = ∂L/∂z_a (the copy) + ∂L/∂θ · ∂θ/∂x_a (through the network)
        FMatrixRMaj gxa = net.backward(gTheta);
        FMatrixRMaj gx = gradZ.copy();
        Columns.scatter(gxb, trans, gx);
        Columns.scatterAdd(gxa, cond, gx);
        return gx;
    }

    @Override
    public List<Param> params() {
        return net.params();
    }

    protected String split() {
        return "transforms " + names(trans) + " given " + names(cond);
    }

    private static String names(int[] dims) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < dims.length; j++) sb.append(j == 0 ? "x" : ",x").append(dims[j]);
        return sb.toString();
    }
}
