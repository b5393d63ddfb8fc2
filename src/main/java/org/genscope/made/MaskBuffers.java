package org.genscope.made;

import java.util.ArrayList;
import java.util.List;
import org.genscope.nn.Param;

/**
 * The K masks of a {@link Made} as non-trained buffers, so model files and checkpoints carry them exactly:
 * {@code made.ordering} [K, D] holds each mask's m⁰ (1..D) and {@code made.degrees<l>} [K, H_l] the degrees of
 * hidden layer l (1..D−1). Float32 like every buffer; the values are small integers, which float holds exactly.
 */
final class MaskBuffers {
    static final String ORDERING = "made.ordering";
    static final String DEGREES = "made.degrees";

    private MaskBuffers() {}

    static List<Param> create(MadeConfig c) {
        List<Param> b = new ArrayList<>();
        b.add(new Param(ORDERING, c.numMasks(), c.inputs()));
        int[] hidden = c.hidden();
        for (int l = 0; l < hidden.length; l++) b.add(new Param(DEGREES + (l + 1), c.numMasks(), hidden[l]));
        return List.copyOf(b);
    }

    /** Writes mask k into row k of every buffer. */
    static void write(int k, Connectivity c, List<Param> buffers) {
        for (int l = 0; l < buffers.size(); l++) {
            int[] deg = c.degrees(l);
            Param p = buffers.get(l);
            for (int i = 0; i < deg.length; i++) p.value.data[k * deg.length + i] = deg[i];
        }
    }

    /** Row k of the buffers as a connectivity (validated: a permutation and degrees in range). */
    static Connectivity read(int k, List<Param> buffers) {
        int[][] deg = new int[buffers.size()][];
        for (int l = 0; l < deg.length; l++) {
            Param p = buffers.get(l);
            deg[l] = new int[p.value.numCols];
            for (int i = 0; i < deg[l].length; i++) {
                float v = p.value.data[k * deg[l].length + i];
                if (v != Math.rint(v) || Math.abs(v) > 1e9) {
                    throw new IllegalArgumentException(p.name + " row " + k + " holds " + v + ", not an integer degree");
                }
                deg[l][i] = (int) v;
            }
        }
        int[][] hidden = new int[deg.length - 1][];
        System.arraycopy(deg, 1, hidden, 0, hidden.length);
        return Connectivity.of(deg[0], hidden);
    }
}
