package org.genscope.nn;

import org.ejml.data.FMatrixRMaj;

/** Random test matrices shared by the nn tests. */
final class TestMatrices {
    private TestMatrices() {}

    /** Entries N(0, 1). */
    static FMatrixRMaj gaussian(int rows, int cols, Rng rng) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) m.data[i] = (float) rng.nextGaussian();
        return m;
    }

    /** Entries 0 or 1 with probability ½ (binary data, or a random mask). */
    static FMatrixRMaj bits(int rows, int cols, Rng rng) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) m.data[i] = rng.nextInt(2);
        return m;
    }

    /** Entries ±[0.1, 2], so ReLU-like kinks at 0 are never within a finite-difference step of 1e-2. */
    static FMatrixRMaj awayFromZero(int rows, int cols, Rng rng) {
        FMatrixRMaj x = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < x.getNumElements(); i++) {
            float mag = 0.1f + 1.9f * rng.nextFloat();
            x.data[i] = rng.nextInt(2) == 0 ? mag : -mag;
        }
        return x;
    }
}
