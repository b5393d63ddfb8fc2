package org.genscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.junit.jupiter.api.Test;

/** Initializers have the bounds, variances and orthogonality their papers define. */
class InitTest {
    @Test
    void orthogonalHasOrthonormalColumnsOrRows() {
        for (int[] shape : new int[][] {{30, 10}, {10, 30}, {16, 16}}) {
            FMatrixRMaj w = new FMatrixRMaj(shape[0], shape[1]);
            Init.orthogonal(w, 2.0, new Rng(1));
            FMatrixRMaj gram = new FMatrixRMaj(1, 1);
            if (shape[0] >= shape[1]) CommonOps_FDRM.multTransA(w, w, gram);
            else CommonOps_FDRM.multTransB(w, w, gram);
            for (int i = 0; i < gram.numRows; i++) {
                for (int j = 0; j < gram.numCols; j++) assertEquals(i == j ? 4.0 : 0.0, gram.get(i, j), 1e-5);
            }
        }
    }

    @Test
    void orthogonalOverANetworkDrawsTheWeightsInOrderZeroesBiasesAndLeavesTheRest() {
        Linear first = new Linear("a", 6, 4, new Rng(9));
        Param other = new Param("base.log_std", 1, 3);
        other.value.fill(0.5f);
        Linear second = new Linear("b", 4, 7, new Rng(9));
        Init.orthogonal(List.of(first.weight, first.bias, other, second.weight, second.bias), new Rng(8));
        Rng rng = new Rng(8);                                 // the same draws, one matrix after the other
        FMatrixRMaj w1 = new FMatrixRMaj(6, 4);
        Init.orthogonal(w1, 1.0, rng);
        FMatrixRMaj w2 = new FMatrixRMaj(4, 7);
        Init.orthogonal(w2, 1.0, rng);
        assertArrayEquals(w1.data, first.weight.value.data);
        assertArrayEquals(w2.data, second.weight.value.data);
        assertArrayEquals(new float[4], first.bias.value.data);
        assertArrayEquals(new float[7], second.bias.value.data);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, other.value.data, "neither weight nor bias: untouched");
    }

    @Test
    void xavierAndHeHaveTheirBoundsAndVariance() {
        FMatrixRMaj w = new FMatrixRMaj(200, 100);
        Init.xavierUniform(w, 1.0, new Rng(2));
        double a = Math.sqrt(6.0 / 300);
        for (float v : w.data) assertTrue(Math.abs(v) <= a);
        assertEquals(a * a / 3, variance(w), 0.05 * a * a / 3);      // Var U(−a, a) = a²/3
        Init.heNormal(w, new Rng(3));
        assertEquals(2.0 / 200, variance(w), 0.05 * 2.0 / 200);
        Init.heUniform(w, new Rng(4));
        assertEquals(2.0 / 200, variance(w), 0.05 * 2.0 / 200);
    }

    private static double variance(FMatrixRMaj w) {
        double s = 0;
        double s2 = 0;
        for (float v : w.data) {
            s += v;
            s2 += v * v;
        }
        int n = w.getNumElements();
        return s2 / n - (s / n) * (s / n);
    }
}
