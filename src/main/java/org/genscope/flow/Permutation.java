package org.genscope.flow;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;

/**
 * A fixed permutation of the variables, z_j = x_{π(j)}: volume preserving (log|det| = 0). Between coupling or
 * autoregressive layers it changes which variables condition which (Dinh et al. 2016 §3.5; MAF reverses the
 * order between layers, Papamakarios et al. 2017 §3.1).
 */
final class Permutation implements FlowLayer {
    private final int[] perm;
    private final String prefix;

    Permutation(String prefix, int[] perm) {
        boolean[] seen = new boolean[perm.length];
        for (int p : perm) {
            if (p < 0 || p >= perm.length || seen[p]) throw new IllegalArgumentException("not a permutation of 0.." + (perm.length - 1));
            seen[p] = true;
        }
        this.perm = perm.clone();
        this.prefix = prefix;
    }

    /** A uniformly random permutation drawn from {@code rng} (Fisher–Yates). */
    static Permutation random(String prefix, int d, Rng rng) {
        int[] p = new int[d];
        for (int j = 0; j < d; j++) p[j] = j;
        rng.shuffle(p);
        return new Permutation(prefix, p);
    }

    /** z_j = x_{D−1−j}. */
    static Permutation reverse(String prefix, int d) {
        int[] p = new int[d];
        for (int j = 0; j < d; j++) p[j] = d - 1 - j;
        return new Permutation(prefix, p);
    }

    @Override
    public int dimension() {
        return perm.length;
    }

    @Override
    public Mapped forward(FMatrixRMaj x) {
        Columns.check(x, perm.length, describe());
        return new Mapped(Columns.gather(x, perm), new double[x.numRows]);
    }

    @Override
    public Mapped inverse(FMatrixRMaj z) {
        Columns.check(z, perm.length, describe());
        FMatrixRMaj x = new FMatrixRMaj(z.numRows, perm.length);
        Columns.scatter(z, perm, x);
        return new Mapped(x, new double[z.numRows]);
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj gz, double[] gradLogDet) {
        // ∂L/∂x_{π(j)} = ∂L/∂z_j
        FMatrixRMaj gx = new FMatrixRMaj(gz.numRows, perm.length);
        Columns.scatter(gz, perm, gx);
        return gx;
    }

    @Override
    public List<Param> params() {
        return List.of();
    }

    @Override
    public String describe() {
        return prefix + "permutation " + java.util.Arrays.toString(perm);
    }
}
