package org.genscope.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Param;

/**
 * "A sequence of Normalizing Flows is a Normalizing Flow" (nflib): f = f_K ∘ … ∘ f_1, applied in list order in
 * the forward (data → base) direction and in reverse order by the inverse; log-determinants add:
 *
 * <pre>  h_0 = x,  h_k = f_k(h_{k−1}),  z = h_K,   log|det ∂z/∂x| = Σ_k log|det ∂h_k/∂h_{k−1}|</pre>
 */
public final class FlowSequence implements FlowLayer {
    private final List<FlowLayer> layers;
    private final List<Param> params;
    private final List<Param> buffers;
    private final String name;

    public FlowSequence(String name, List<? extends FlowLayer> layers) {
        if (layers.isEmpty()) throw new IllegalArgumentException("a flow needs at least one layer");
        int d = layers.get(0).dimension();
        List<Param> p = new ArrayList<>();
        List<Param> b = new ArrayList<>();
        for (FlowLayer l : layers) {
            if (l.dimension() != d) throw new IllegalArgumentException("layers of " + d + " and " + l.dimension() + " variables in one flow");
            p.addAll(l.params());
            b.addAll(l.buffers());
        }
        this.layers = List.copyOf(layers);
        this.params = Collections.unmodifiableList(p);
        this.buffers = Collections.unmodifiableList(b);
        this.name = name;
    }

    /** The layers f_1..f_K in forward (data → base) order. */
    public List<FlowLayer> layers() {
        return layers;
    }

    @Override
    public int dimension() {
        return layers.get(0).dimension();
    }

    @Override
    public Mapped forward(FMatrixRMaj x) {
        double[] logDet = new double[x.numRows];
        for (FlowLayer l : layers) {
            Mapped m = l.forward(x);
            add(logDet, m.logDet());
            x = m.points();
        }
        return new Mapped(x, logDet);
    }

    @Override
    public Mapped inverse(FMatrixRMaj z) {
        double[] logDet = new double[z.numRows];
        for (int k = layers.size() - 1; k >= 0; k--) {
            Mapped m = layers.get(k).inverse(z);
            add(logDet, m.logDet());
            z = m.points();
        }
        return new Mapped(z, logDet);
    }

    /** Each layer gets the same ∂L/∂log|det|, since the total is their sum. */
    @Override
    public FMatrixRMaj backward(FMatrixRMaj gradZ, double[] gradLogDet) {
        for (int k = layers.size() - 1; k >= 0; k--) gradZ = layers.get(k).backward(gradZ, gradLogDet);
        return gradZ;
    }

    /** Initialises each layer from its own inputs: the batch pushed through the layers before it. */
    @Override
    public void initialize(FMatrixRMaj x) {
        for (FlowLayer l : layers) {
            l.initialize(x);
            x = l.forward(x).points();
        }
    }

    @Override
    public List<Param> params() {
        return params;
    }

    @Override
    public List<Param> buffers() {
        return buffers;
    }

    @Override
    public String describe() {
        return name;
    }

    static void add(double[] acc, double[] v) {
        for (int i = 0; i < acc.length; i++) acc[i] += v[i];
    }
}
