package org.genscope.ui.made;

import org.ejml.data.FMatrixRMaj;
import org.genscope.made.Connectivity;

/**
 * The MADE network as a layered graph for drawing: rows 0..L are inputs and hidden layers (labelled by their
 * connectivity integers m(k)), row L+1 is the outputs (labelled by m⁰(d)). Edges come from the masks
 * (in×out, {@code masks[r]} joins row r to row r+1) plus optional direct input→output connections.
 * Reachability answers "which inputs can this unit see, which outputs does it feed".
 */
final class GraphModel {
    final int[][] labels;
    final FMatrixRMaj[] masks;
    final FMatrixRMaj direct;
    /** Hidden units with no incoming or no outgoing connection. */
    final boolean[][] dead;

    /** The graph of {@code c}, with its direct input→output connections if {@code direct}. */
    GraphModel(Connectivity c, boolean direct) {
        int rows = c.hiddenLayers() + 2;
        labels = new int[rows][];
        masks = new FMatrixRMaj[rows - 1];
        dead = new boolean[rows][];
        for (int r = 0; r < rows; r++) {
            labels[r] = c.degrees(r);
            dead[r] = new boolean[labels[r].length];
        }
        for (int r = 0; r < rows - 1; r++) masks[r] = c.mask(r);
        for (int r = 1; r < rows - 1; r++) {
            boolean[] noIn = c.noInputs(r);
            boolean[] noOut = c.noOutputs(r);
            for (int k = 0; k < noIn.length; k++) dead[r][k] = noIn[k] || noOut[k];
        }
        this.direct = direct ? c.directMask() : null;
    }

    int rows() {
        return labels.length;
    }

    int width(int row) {
        return labels[row].length;
    }

    boolean edge(int row, int from, int to) {
        return masks[row].get(from, to) != 0f;
    }

    /** Units with a path to (row, unit): result[r][k] (row r ≤ row). Includes the unit itself. */
    boolean[][] ancestors(int row, int unit) {
        boolean[][] seen = empty();
        seen[row][unit] = true;
        for (int r = row; r > 0; r--) {
            for (int k = 0; k < width(r); k++) {
                if (!seen[r][k]) continue;
                for (int j = 0; j < width(r - 1); j++) {
                    if (edge(r - 1, j, k)) seen[r - 1][j] = true;
                }
            }
        }
        if (direct != null && row == rows() - 1) {
            for (int j = 0; j < width(0); j++) {
                if (direct.get(j, unit) != 0f) seen[0][j] = true;
            }
        }
        return seen;
    }

    /** Units reachable from (row, unit): result[r][k] (row r ≥ row). Includes the unit itself. */
    boolean[][] descendants(int row, int unit) {
        boolean[][] seen = empty();
        seen[row][unit] = true;
        for (int r = row; r < rows() - 1; r++) {
            for (int k = 0; k < width(r); k++) {
                if (!seen[r][k]) continue;
                for (int j = 0; j < width(r + 1); j++) {
                    if (edge(r, k, j)) seen[r + 1][j] = true;
                }
            }
        }
        if (direct != null && row == 0) {
            int out = rows() - 1;
            for (int d = 0; d < width(out); d++) {
                if (direct.get(unit, d) != 0f) seen[out][d] = true;
            }
        }
        return seen;
    }

    private boolean[][] empty() {
        boolean[][] b = new boolean[rows()][];
        for (int r = 0; r < rows(); r++) b[r] = new boolean[width(r)];
        return b;
    }
}
