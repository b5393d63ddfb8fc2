package org.genscope.made;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;

class ConnectivityTest {
    private static float[] flat(FMatrixRMaj m) {
        float[] a = new float[m.getNumElements()];
        System.arraycopy(m.data, 0, a, 0, a.length);
        return a;
    }

    @Test
    void masksOfD3WithFourHiddenUnitsEqualTheHandWorkedMatrices() {
        // m⁰ = (1, 2, 3), m¹ = (1, 2, 1, 2)
        Connectivity c = Connectivity.of(new int[] {1, 2, 3}, new int[] {1, 2, 1, 2});
        FMatrixRMaj w = c.mask(0);   // [j, k] = m¹(k) ≥ m⁰(j)
        assertEquals(3, w.numRows);
        assertEquals(4, w.numCols);
        assertArrayEquals(new float[] {
            1, 1, 1, 1,
            0, 1, 0, 1,
            0, 0, 0, 0}, flat(w));
        FMatrixRMaj v = c.mask(1);   // [k, d] = m⁰(d) > m¹(k)
        assertArrayEquals(new float[] {
            0, 1, 1,
            0, 0, 1,
            0, 1, 1,
            0, 0, 1}, flat(v));
        assertArrayEquals(new float[] {
            0, 1, 1,
            0, 0, 1,
            0, 0, 0}, flat(c.directMask()));
        assertEquals(6.0 / 12, c.keptFraction(0), 1e-12);
        assertEquals(6.0 / 12, c.keptFraction(1), 1e-12);
    }

    @Test
    void masksOfAPermutedOrderingEqualTheHandWorkedMatrices() {
        // m⁰ = (3, 1, 2): input 1 first, then 2, then 0; m¹ = (2, 1)
        Connectivity c = Connectivity.of(new int[] {3, 1, 2}, new int[] {2, 1});
        assertArrayEquals(new float[] {0, 0, 1, 1, 1, 0}, flat(c.mask(0)));
        assertArrayEquals(new float[] {1, 0, 0, 1, 0, 1}, flat(c.mask(1)));
        assertArrayEquals(new int[] {1, 2, 0}, c.sequence());
        assertArrayEquals(new boolean[] {false, true, true}, c.inputsSeenBy(2, 0));  // output 0 comes last
        assertArrayEquals(new boolean[] {false, false, false}, c.inputsSeenBy(2, 1)); // output 1 comes first
    }

    @Test
    void hoverSetsFollowThePathsOfTheHandWorkedExample() {
        Connectivity c = Connectivity.of(new int[] {1, 2, 3}, new int[] {1, 2, 1, 2});
        assertArrayEquals(new boolean[] {true, true, false}, c.inputsSeenBy(1, 1));
        assertArrayEquals(new boolean[] {false, false, true}, c.outputsFedBy(1, 1));
        assertArrayEquals(new boolean[] {false, true, true}, c.outputsFedBy(0, 0));
        assertArrayEquals(new boolean[] {false, false, false}, c.outputsFedBy(0, 2));
        boolean[][] r = c.reachable();
        assertArrayEquals(new boolean[] {false, false, false}, r[0]);
        assertArrayEquals(new boolean[] {true, false, false}, r[1]);
        assertArrayEquals(new boolean[] {true, true, false}, r[2]);
    }

    @Test
    void sampledDegreesStayInRangeAndNeverLeaveAUnitWithoutInputs() {
        Rng rng = new Rng(3);
        for (DegreeRule rule : DegreeRule.values()) {
            for (int trial = 0; trial < 40; trial++) {
                int d = 2 + rng.nextInt(12);
                int[] widths = new int[1 + rng.nextInt(3)];
                for (int l = 0; l < widths.length; l++) widths[l] = 1 + rng.nextInt(20);
                double l = rng.nextDouble() * 4 - 2;
                Connectivity c = Connectivity.sample(d, widths, Orderings.random(d, rng), rule, l, rng);
                for (int layer = 1; layer <= widths.length; layer++) {
                    int lo = java.util.Arrays.stream(c.degrees(layer - 1)).min().getAsInt();
                    for (int m : c.degrees(layer)) assertTrue(m >= lo && m <= d - 1, rule + ": degree " + m);
                    for (boolean none : c.noInputs(layer)) assertFalse(none, rule + " made a unit without inputs");
                }
                boolean[][] r = c.reachable();
                int[] m0 = c.ordering();
                for (int out = 0; out < d; out++) {
                    for (int j = 0; j < d; j++) if (r[out][j]) assertTrue(m0[j] < m0[out], "output " + out + " sees " + j);
                }
            }
        }
    }

    @Test
    void evenRuleCyclesThroughEveryAdmissibleDegree() {
        Connectivity c = Connectivity.sample(4, new int[] {7}, Orderings.natural(4), DegreeRule.EVEN, 0, new Rng(1));
        assertArrayEquals(new int[] {1, 2, 3, 1, 2, 3, 1}, c.degrees(1));
    }

    @Test
    void softmaxRuleDrawsDegreesWithProbabilityProportionalToExpLK() {
        int d = 5;
        double l = 0.8;
        int n = 40_000;
        Connectivity c = Connectivity.sample(d, new int[] {n}, Orderings.natural(d), DegreeRule.SOFTMAX, l, new Rng(9));
        int[] count = new int[d];
        for (int m : c.degrees(1)) count[m]++;
        double z = 0;
        for (int k = 1; k < d; k++) z += Math.exp(l * k);
        for (int k = 1; k < d; k++) {
            double p = Math.exp(l * k) / z;
            double sd = Math.sqrt(n * p * (1 - p));
            assertEquals(n * p, count[k], 4.5 * sd, "degree " + k);
        }
    }

    @Test
    void editsThatKillUnitsAreFlagged() {
        // layer 1 all degree 3, layer 2 all degree 3: fine
        Connectivity c = Connectivity.of(Orderings.natural(4), new int[] {3, 3}, new int[] {3, 3});
        assertArrayEquals(new boolean[2], c.noInputs(1));
        assertArrayEquals(new boolean[2], c.noInputs(2));
        assertArrayEquals(new boolean[] {true, true, true, false}, c.noInputs(3)); // outputs need m⁰(d) > 3
        // unit 0 of layer 2 at degree 1 < min m¹ = 3: it sees nothing
        Connectivity e = c.withDegree(2, 0, 1);
        assertArrayEquals(new boolean[] {true, false}, e.noInputs(2));
        // every unit of layer 2 at degree 1: layer-1 units (degree 3) feed nothing
        Connectivity f = e.withDegree(2, 1, 1);
        assertArrayEquals(new boolean[] {true, true}, f.noOutputs(1));
        assertArrayEquals(new boolean[] {false, false, false, true}, c.noOutputs(0)); // input with m⁰ = D, by design
        assertArrayEquals(new int[] {3, 3}, c.degrees(2), "edits return copies");
    }

    @Test
    void withOrderingKeepsHiddenDegrees() {
        Connectivity c = Connectivity.sample(6, new int[] {5, 4}, Orderings.natural(6), DegreeRule.UNIFORM, 0, new Rng(2));
        Connectivity r = c.withOrdering(Orderings.reverse(6));
        assertArrayEquals(c.degrees(1), r.degrees(1));
        assertArrayEquals(c.degrees(2), r.degrees(2));
        assertArrayEquals(new int[] {6, 5, 4, 3, 2, 1}, r.ordering());
        assertArrayEquals(r.ordering(), r.degrees(3));
    }

    @Test
    void badInputsAreRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> Connectivity.of(new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Connectivity.of(new int[] {1, 1, 3}));
        assertThrows(IllegalArgumentException.class, () -> Connectivity.of(new int[] {1, 2, 3}, new int[] {3}));
        Connectivity c = Connectivity.of(new int[] {1, 2, 3}, new int[] {1, 2});
        var e = assertThrows(IllegalArgumentException.class, () -> c.withDegree(1, 0, 0));
        assertTrue(e.getMessage().contains("1..2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.withDegree(2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> c.mask(2));
        assertThrows(IllegalArgumentException.class,
                () -> Connectivity.sample(3, new int[] {0}, Orderings.natural(3), DegreeRule.UNIFORM, 0, new Rng(1)));
    }

    @Test
    void orderingsConvertToAndFromSequences() {
        int[] m0 = Orderings.random(9, new Rng(4));
        assertArrayEquals(m0, Orderings.fromSequence(Orderings.sequence(m0)));
        assertArrayEquals(new int[] {2, 1, 0}, Orderings.sequence(Orderings.reverse(3)));
        assertThrows(IllegalArgumentException.class, () -> Orderings.fromSequence(new int[] {0, 0}));
    }
}
