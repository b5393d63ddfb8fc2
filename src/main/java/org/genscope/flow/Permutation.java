package org.genscope.flow;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;

/**
 * A fixed permutation of the variables, z_j = x_{π(j)}: volume preserving (log|det| = 0). Between coupling or
 * autoregressive layers it changes which variables condition which (Dinh et al. 2016 §3.5; MAF reverses the
 * order between layers, Papamakarios et al. 2017 §3.1).
 *
 * <p>The reversal π(j) = D−1−j follows from the spec. A random permutation is drawn once, when the model is
 * built, and kept in the buffer {@code <prefix>permutation} (1×D, π(j) at column j), so a model file holds it and
 * a loaded flow uses the file's π, whatever generator drew it.
 */
final class Permutation implements FlowLayer {
    private final String prefix;
    private final int d;
    /** The reversal, or null when π lives in {@link #stored}. */
    private final int[] fixed;
    private final Param stored;

    private Permutation(String prefix, int[] fixed, Param stored) {
        this.prefix = prefix;
        this.fixed = fixed;
        this.stored = stored;
        this.d = fixed != null ? fixed.length : stored.value.numCols;
    }

    /** A uniformly random permutation drawn from {@code rng} (Fisher–Yates), stored as a buffer. */
    static Permutation random(String prefix, int d, Rng rng) {
        int[] p = new int[d];
        for (int j = 0; j < d; j++) p[j] = j;
        rng.shuffle(p);
        Param buffer = new Param(prefix + "permutation", 1, d);
        for (int j = 0; j < d; j++) buffer.value.data[j] = p[j];
        return new Permutation(prefix, null, buffer);
    }

    /** z_j = x_{D−1−j}. */
    static Permutation reverse(String prefix, int d) {
        int[] p = new int[d];
        for (int j = 0; j < d; j++) p[j] = d - 1 - j;
        return new Permutation(prefix, p, null);
    }

    /**
     * The permutation held in a 1×D float buffer (it may come from a file): every entry a whole number in
     * 0..D−1, each once; otherwise an IllegalStateException naming the buffer.
     */
    static int[] read(Param buffer) {
        float[] v = buffer.value.data;
        int n = buffer.size();
        int[] p = new int[n];
        boolean[] seen = new boolean[n];
        for (int j = 0; j < n; j++) {
            float x = v[j];
            if (!(x >= 0 && x < n) || x != (int) x || seen[(int) x]) {
                throw new IllegalStateException("'" + buffer.name + "' must hold each of 0.." + (n - 1)
                        + " once, but entry " + j + " is " + (x == (long) x ? Long.toString((long) x) : Float.toString(x)));
            }
            seen[(int) x] = true;
            p[j] = (int) x;
        }
        return p;
    }

    private int[] perm() {
        return fixed != null ? fixed : read(stored);
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public Mapped forward(FMatrixRMaj x) {
        Columns.check(x, d, prefix + "permutation");
        return new Mapped(Columns.gather(x, perm()), new double[x.numRows]);
    }

    @Override
    public Mapped inverse(FMatrixRMaj z) {
        Columns.check(z, d, prefix + "permutation");
        FMatrixRMaj x = new FMatrixRMaj(z.numRows, d);
        Columns.scatter(z, perm(), x);
        return new Mapped(x, new double[z.numRows]);
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj gz, double[] gradLogDet) {
        // ∂L/∂x_{π(j)} = ∂L/∂z_j
        FMatrixRMaj gx = new FMatrixRMaj(gz.numRows, d);
        Columns.scatter(gz, perm(), gx);
        return gx;
    }

    @Override
    public List<Param> params() {
        return List.of();
    }

    @Override
    public List<Param> buffers() {
        return stored == null ? List.of() : List.of(stored);
    }

    @Override
    public String describe() {
        if (fixed != null) return prefix + "permutation " + Arrays.toString(fixed);
        try {
            return prefix + "permutation " + Arrays.toString(read(stored));
        } catch (IllegalStateException e) {
            return prefix + "permutation (invalid)";
        }
    }
}
