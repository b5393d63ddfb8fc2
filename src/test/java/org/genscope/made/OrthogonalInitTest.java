package org.genscope.made;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.genscope.nn.Init;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;

/**
 * Init.orthogonal over a MADE's parameters (CLI --init orthogonal): orthonormal weight matrices, zero biases, and still
 * autoregressive (masks apply on top).
 */
class OrthogonalInitTest {
    @Test
    void weightsAreOrthonormalBiasesZeroAndTheMadeStillAutoregressive() {
        MadeConfig config = new MadeConfig(12, new int[] {20, 16}, OrderingKind.RANDOM, null,
                DegreeRule.UNIFORM, 0, true, 1, false, Conditional.BERNOULLI, 1, "relu", 3);
        Made made = new Made(config, new Rng(2));
        Init.orthogonal(made.params(), new Rng(5));
        int weights = 0;
        for (Param p : made.params()) {
            if (p.name.endsWith(".bias")) {
                for (float v : p.value.data) assertEquals(0f, v, p.name);
            } else if (p.name.endsWith(".weight")) {
                weights++;
                int r = p.value.numRows;
                int c = p.value.numCols;
                boolean tall = r >= c;                        // orthonormal columns if tall, rows if wide
                int n = tall ? c : r;
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        double dot = 0;
                        for (int k = 0; k < (tall ? r : c); k++) {
                            dot += tall ? (double) p.value.get(k, a) * p.value.get(k, b) : (double) p.value.get(a, k) * p.value.get(b, k);
                        }
                        assertEquals(a == b ? 1 : 0, dot, 1e-4, p.name + " " + a + "," + b);
                    }
                }
            }
        }
        assertTrue(weights >= 3, "hidden, output and direct weights: " + weights);
        assertEquals(0, made.orderingViolations(), "masks still hold");
    }
}
