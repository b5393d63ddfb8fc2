package org.genscope.made;

import java.util.BitSet;
import org.ejml.data.FMatrixRMaj;

/**
 * Which units are joined by masked paths in a {@link Connectivity} (for "hover a unit: every input it sees, every
 * output it feeds"), by propagating sets of units layer by layer through the 0/1 masks. Arguments are checked by
 * the caller.
 */
final class ConnectivityPaths {
    private ConnectivityPaths() {}

    static boolean[] inputsSeenBy(Connectivity c, int layer, int unit) {
        BitSet active = single(unit);
        for (int l = layer - 1; l >= 0; l--) active = step(c.mask(l), active, false);
        return toArray(active, c.inputs());
    }

    static boolean[] outputsFedBy(Connectivity c, int layer, int unit) {
        BitSet active = single(unit);
        for (int l = layer; l <= c.hiddenLayers(); l++) active = step(c.mask(l), active, true);
        return toArray(active, c.inputs());
    }

    /** For every output the set of inputs it sees, carried up through the layers at once. */
    static boolean[][] reachable(Connectivity c) {
        BitSet[] seen = new BitSet[c.inputs()];
        for (int j = 0; j < seen.length; j++) seen[j] = single(j);
        for (int l = 0; l <= c.hiddenLayers(); l++) {
            FMatrixRMaj m = c.mask(l);
            BitSet[] next = new BitSet[m.numCols];
            for (int k = 0; k < m.numCols; k++) next[k] = new BitSet();
            for (int j = 0; j < m.numRows; j++) {
                for (int k = 0; k < m.numCols; k++) if (m.data[j * m.numCols + k] != 0f) next[k].or(seen[j]);
            }
            seen = next;
        }
        boolean[][] r = new boolean[c.inputs()][];
        for (int d = 0; d < r.length; d++) r[d] = toArray(seen[d], c.inputs());
        return r;
    }

    private static BitSet single(int unit) {
        BitSet b = new BitSet();
        b.set(unit);
        return b;
    }

    /** Units of the next layer up (or down) connected to an active one through mask m (in×out). */
    private static BitSet step(FMatrixRMaj m, BitSet active, boolean up) {
        BitSet next = new BitSet();
        for (int j = 0; j < m.numRows; j++) {
            for (int k = 0; k < m.numCols; k++) {
                if (m.data[j * m.numCols + k] != 0f && active.get(up ? j : k)) next.set(up ? k : j);
            }
        }
        return next;
    }

    private static boolean[] toArray(BitSet b, int n) {
        boolean[] a = new boolean[n];
        for (int i = b.nextSetBit(0); i >= 0 && i < n; i = b.nextSetBit(i + 1)) a[i] = true;
        return a;
    }
}
