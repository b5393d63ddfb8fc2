package org.genscope.made;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;

/**
 * Output d never depends on inputs at or after its position in the ordering, checked from the network's numbers
 * (derivatives and perturbations), never from the mask bookkeeping, over many random configurations.
 */
class AutoregressivePropertyTest {
    /** A random small configuration: depth 0..3, widths 1..24, any ordering, rule, conditional, direct or not. */
    static MadeConfig randomConfig(Rng rng) {
        int d = 2 + rng.nextInt(9);
        int[] hidden = new int[rng.nextInt(4)];
        for (int l = 0; l < hidden.length; l++) hidden[l] = 1 + rng.nextInt(24);
        OrderingKind kind = OrderingKind.values()[rng.nextInt(3)];
        int[] custom = kind == OrderingKind.CUSTOM ? Orderings.random(d, rng) : null;
        DegreeRule rule = DegreeRule.values()[rng.nextInt(3)];
        Conditional cond = Conditional.values()[rng.nextInt(3)];
        int k = cond == Conditional.MIXTURE ? 1 + rng.nextInt(3) : 1;
        boolean direct = hidden.length > 0 && rng.nextInt(2) == 0;
        String act = new String[] {"relu", "tanh", "elu"}[rng.nextInt(3)];
        return new MadeConfig(d, hidden, kind, custom, rule, rng.nextDouble() * 2 - 1, direct, 1 + rng.nextInt(3),
                rng.nextInt(2) == 0, cond, k, act, rng.nextLong());
    }

    @Test
    void measuredDependenciesRespectTheOrderingForManyRandomConfigurations() {
        Rng rng = new Rng(2015);
        int seen = 0;
        for (int trial = 0; trial < 150; trial++) {
            MadeConfig c = randomConfig(rng);
            Made made = new Made(c);
            for (int k = 0; k < made.numMasks(); k++) {
                made.useMask(k);
                int[] m0 = made.connectivity().ordering();
                boolean[][] dep = made.dependencies();
                assertEquals(0, made.orderingViolations(), c + " mask " + k);
                for (int d = 0; d < c.inputs(); d++) {
                    for (int j = 0; j < c.inputs(); j++) {
                        if (dep[d][j]) {
                            assertTrue(m0[j] < m0[d], c + " mask " + k + ": output " + d + " depends on input " + j);
                            seen++;
                        }
                    }
                }
            }
        }
        assertTrue(seen > 1000, "the networks should depend on earlier inputs at all: " + seen);
    }

    @Test
    void aBrokenMaskIsCaughtByTheMeasuredDependencies() {
        Made made = new Made(new MadeConfig(5, new int[] {12}, OrderingKind.NATURAL, null, DegreeRule.UNIFORM, 0, false, 1,
                false, Conditional.BERNOULLI, 1, "tanh", 3));
        assertEquals(0, made.orderingViolations());
        var output = made.network().layers().get(1);
        FMatrixRMaj allOn = new FMatrixRMaj(12, 5);
        allOn.fill(1f);                                  // the bug: an unmasked output layer
        output.setMask(allOn);
        assertTrue(made.orderingViolations() > 0, "an output layer without its mask must be reported");
    }

    @Test
    void perturbingLaterInputsNeverChangesAnOutput() {
        Rng rng = new Rng(77);
        for (int trial = 0; trial < 60; trial++) {
            MadeConfig c = randomConfig(rng);
            Made made = new Made(c);
            int d = c.inputs();
            int p = c.paramsPerDimension();
            int[] m0 = made.connectivity().ordering();
            FMatrixRMaj x = new FMatrixRMaj(1, d);
            for (int j = 0; j < d; j++) x.data[j] = (float) rng.nextGaussian();
            float[] base = made.network().forward(x).data.clone();
            for (int j = 0; j < d; j++) {
                FMatrixRMaj y = x.copy();
                y.data[j] += 1.5f;
                float[] moved = made.network().forward(y).data;
                for (int o = 0; o < p * d; o++) {
                    int dim = o % d;
                    if (m0[j] >= m0[dim]) assertEquals(base[o], moved[o], 0f, c + ": output " + o + " moved with input " + j);
                }
            }
        }
    }

    @Test
    void theFirstOutputInTheOrderingIsConstantInX() {
        // a public-code bug: the output with m⁰(d) = 1 kept a path (e.g. a direct connection) to later inputs
        Rng rng = new Rng(5);
        for (int trial = 0; trial < 40; trial++) {
            MadeConfig c = randomConfig(rng);
            Made made = new Made(c);
            int d = c.inputs();
            int first = made.connectivity().sequence()[0];
            FMatrixRMaj x = new FMatrixRMaj(20, d);
            for (int i = 0; i < x.getNumElements(); i++) x.data[i] = (float) (3 * rng.nextGaussian());
            FMatrixRMaj theta = made.network().forward(x);
            for (int p = 0; p < c.paramsPerDimension(); p++) {
                float v = theta.get(0, p * d + first);
                for (int n = 1; n < 20; n++) assertEquals(v, theta.get(n, p * d + first), 0f, c + ": output of the first input varies");
            }
        }
    }

    @Test
    void sampledMasksHaveNoHiddenUnitWithoutInputs() {
        Rng rng = new Rng(11);
        for (int trial = 0; trial < 60; trial++) {
            MadeConfig c = randomConfig(rng);
            for (Connectivity m : new Made(c).masks()) {
                for (int l = 1; l <= m.hiddenLayers(); l++) {
                    for (boolean none : m.noInputs(l)) assertFalse(none, c + ": a hidden unit without inputs");
                }
            }
        }
    }
}
