package org.genscope.nn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Weight initializers, all drawn from a seeded {@link Rng}. Weights are in×out (see {@link Linear}), so
 * fan-in = rows and fan-out = columns.
 */
public final class Init {
    private Init() {}

    /** U(−1/√fanIn, 1/√fanIn): PyTorch's default for Linear weights and biases. */
    public static void uniformFanIn(FMatrixRMaj w, int fanIn, Rng rng) {
        uniform(w, 1.0 / Math.sqrt(fanIn), rng);
    }

    /** Xavier/Glorot uniform (Glorot &amp; Bengio 2010, eq. 16): U(−a, a), a = gain·√(6 / (fanIn + fanOut)). */
    public static void xavierUniform(FMatrixRMaj w, double gain, Rng rng) {
        uniform(w, gain * Math.sqrt(6.0 / (w.numRows + w.numCols)), rng);
    }

    /** He/Kaiming normal for ReLU layers (He et al. 2015, eq. 10): N(0, 2 / fanIn). */
    public static void heNormal(FMatrixRMaj w, Rng rng) {
        double std = Math.sqrt(2.0 / w.numRows);
        for (int i = 0; i < w.getNumElements(); i++) w.data[i] = (float) (std * rng.nextGaussian());
    }

    /** He/Kaiming uniform: U(−a, a), a = √(6 / fanIn), the same variance 2 / fanIn as {@link #heNormal}. */
    public static void heUniform(FMatrixRMaj w, Rng rng) {
        uniform(w, Math.sqrt(6.0 / w.numRows), rng);
    }

    /**
     * A random (semi-)orthogonal matrix times gain (Saxe et al. 2014): the QR decomposition of a Gaussian
     * matrix, with Q's columns multiplied by the signs of R's diagonal so Q is uniform (Haar). Orthonormal
     * columns if rows ≥ cols, orthonormal rows otherwise.
     */
    public static void orthogonal(FMatrixRMaj w, double gain, Rng rng) {
        int rows = w.numRows;
        int cols = w.numCols;
        int tall = Math.max(rows, cols);
        int wide = Math.min(rows, cols);
        DMatrixRMaj g = new DMatrixRMaj(tall, wide);
        for (int i = 0; i < g.getNumElements(); i++) g.data[i] = rng.nextGaussian();
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(tall, wide);
        if (!qr.decompose(g)) throw new IllegalStateException("QR decomposition failed");
        DMatrixRMaj q = qr.getQ(null, true);                 // tall×wide, orthonormal columns
        DMatrixRMaj r = qr.getR(null, true);                 // wide×wide, upper triangular
        for (int j = 0; j < wide; j++) {
            double sign = r.get(j, j) < 0 ? -1 : 1;
            for (int i = 0; i < tall; i++) {
                double v = gain * sign * q.get(i, j);
                if (rows >= cols) w.set(i, j, (float) v);
                else w.set(j, i, (float) v);
            }
        }
    }

    /**
     * The "Orthogonal" initialisation of a whole network, as in the MADE authors' code (mgermain/MADE): every
     * weight matrix ({@code *.weight}) a random orthogonal one ({@link #orthogonal(FMatrixRMaj, double, Rng)}, gain
     * 1), every bias ({@code *.bias}) zero, in list order from one generator. Other parameters are left as they
     * are; masks of masked layers still apply on top (y = x·(W∘M) + b).
     */
    public static void orthogonal(List<Param> params, Rng rng) {
        for (Param p : params) {
            if (p.name.endsWith(".weight")) orthogonal(p.value, 1.0, rng);
            else if (p.name.endsWith(".bias")) p.value.zero();
        }
    }

    /** Every entry U(−bound, bound). */
    public static void uniform(FMatrixRMaj w, double bound, Rng rng) {
        for (int i = 0; i < w.getNumElements(); i++) w.data[i] = (float) (bound * (2 * rng.nextDouble() - 1));
    }
}
