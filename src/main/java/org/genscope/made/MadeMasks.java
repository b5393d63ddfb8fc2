package org.genscope.made;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;

/**
 * Connectivity masks of MADE (Germain, Gregor, Murray &amp; Larochelle 2015, §4): every unit gets a degree,
 * inputs 1..D in the natural ordering, hidden units m(k) uniform in {1, …, D−1}; a hidden unit may see the
 * units of the layer below whose degree is ≤ its own (eq. 12: M[k, j] = 1 iff m(k) ≥ m0(j)), and output d may
 * see hidden units of degree strictly below d (eq. 13: M[d, k] = 1 iff m0(d) &gt; m(k)). So output d depends
 * on inputs 1..d−1 only, and the product of the outputs' conditionals is a normalised joint.
 *
 * <p>Masks are returned in the in×out layout of {@link org.genscope.nn.MaskedLinear} (rows = units of the layer
 * below, columns = units of the layer above), the transpose of the paper's matrices.
 */
public final class MadeMasks {
    private MadeMasks() {}

    /** Degrees of the inputs in the natural ordering: m0(j) = j + 1 for j = 0..D−1. */
    public static int[] naturalOrder(int d) {
        if (d < 2) throw new IllegalArgumentException("MADE needs at least 2 dimensions, got " + d);
        int[] m = new int[d];
        for (int j = 0; j < d; j++) m[j] = j + 1;
        return m;
    }

    /** Degrees of h hidden units, each uniform in {1, …, D−1}. */
    public static int[] hiddenDegrees(int d, int h, Rng rng) {
        if (d < 2) throw new IllegalArgumentException("MADE needs at least 2 dimensions, got " + d);
        int[] m = new int[h];
        for (int k = 0; k < h; k++) m[k] = rng.nextInt(1, d - 1);
        return m;
    }

    /** Mask into a hidden layer: entry [j, k] = 1 iff degreeAbove[k] ≥ degreeBelow[j] (eq. 12). */
    public static FMatrixRMaj hiddenMask(int[] degreeBelow, int[] degreeAbove) {
        FMatrixRMaj m = new FMatrixRMaj(degreeBelow.length, degreeAbove.length);
        for (int j = 0; j < degreeBelow.length; j++) {
            for (int k = 0; k < degreeAbove.length; k++) m.set(j, k, degreeAbove[k] >= degreeBelow[j] ? 1f : 0f);
        }
        return m;
    }

    /** Mask into the output layer: entry [k, d] = 1 iff outputDegree[d] &gt; degreeBelow[k] (eq. 13). */
    public static FMatrixRMaj outputMask(int[] degreeBelow, int[] outputDegree) {
        FMatrixRMaj m = new FMatrixRMaj(degreeBelow.length, outputDegree.length);
        for (int k = 0; k < degreeBelow.length; k++) {
            for (int d = 0; d < outputDegree.length; d++) m.set(k, d, outputDegree[d] > degreeBelow[k] ? 1f : 0f);
        }
        return m;
    }
}
