package org.genscope.made;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Param;

/** Helpers for tests on tiny models. */
final class TinyModels {
    private TinyModels() {}

    /** All 2^D binary vectors, one per row (row i holds the bits of i). */
    static FMatrixRMaj allBinary(int d) {
        FMatrixRMaj x = new FMatrixRMaj(1 << d, d);
        for (int i = 0; i < (1 << d); i++) {
            for (int j = 0; j < d; j++) x.set(i, j, (i >> j) & 1);
        }
        return x;
    }

    /** Multiplies every parameter by s, so the model's distribution is far from uniform. */
    static void scaleWeights(Made made, float s) {
        for (Param p : made.params()) {
            for (int i = 0; i < p.size(); i++) p.value.data[i] *= s;
        }
    }
}
