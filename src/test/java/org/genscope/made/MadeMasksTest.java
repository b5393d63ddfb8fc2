package org.genscope.made;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.MaskedLinear;
import org.genscope.nn.ReLU;
import org.genscope.nn.Rng;
import org.genscope.nn.Sequential;
import org.junit.jupiter.api.Test;

/** pytorch-made's self-test: output d depends only on inputs before d in the ordering. */
class MadeMasksTest {
    @Test
    void outputDHasExactlyZeroGradientForInputsFromDOn() {
        int d = 10;
        int h = 30;
        Rng rng = new Rng(5);
        int[] m0 = MadeMasks.naturalOrder(d);
        int[] m1 = MadeMasks.hiddenDegrees(d, h, rng);
        int[] m2 = MadeMasks.hiddenDegrees(d, h, rng);
        MaskedLinear l1 = new MaskedLinear("l1", d, h, rng);
        MaskedLinear l2 = new MaskedLinear("l2", h, h, rng);
        MaskedLinear l3 = new MaskedLinear("l3", h, d, rng);
        l1.setMask(MadeMasks.hiddenMask(m0, m1));
        l2.setMask(MadeMasks.hiddenMask(m1, m2));
        l3.setMask(MadeMasks.outputMask(m2, m0));
        Sequential made = new Sequential(l1, new ReLU(), l2, new ReLU(), l3);

        FMatrixRMaj x = new FMatrixRMaj(8, d);
        for (int i = 0; i < x.getNumElements(); i++) x.data[i] = rng.nextInt(2);
        int allowedNonZero = 0;
        for (int out = 0; out < d; out++) {
            made.forward(x);
            FMatrixRMaj onehot = new FMatrixRMaj(8, d);
            for (int n = 0; n < 8; n++) onehot.set(n, out, 1f);
            FMatrixRMaj dx = made.backward(onehot);         // row n: ∂ logit_out / ∂ x_n
            for (int n = 0; n < 8; n++) {
                for (int j = 0; j < d; j++) {
                    float g = dx.get(n, j);
                    if (j >= out) assertEquals(0.0, Math.abs(g), "output " + out + " sees input " + j);
                    else if (g != 0f) allowedNonZero++;
                }
            }
        }
        assertTrue(allowedNonZero > 50, "the net should depend on earlier inputs: " + allowedNonZero);
    }

    @Test
    void hiddenDegreesAreInOneToDMinusOne() {
        int[] m = MadeMasks.hiddenDegrees(5, 1000, new Rng(1));
        int[] seen = new int[6];
        for (int v : m) seen[v]++;
        assertEquals(0, seen[0] + seen[5]);
        for (int v = 1; v <= 4; v++) assertTrue(seen[v] > 150, "degree " + v + " drawn " + seen[v] + " times");
    }
}
