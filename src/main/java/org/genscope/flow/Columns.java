package org.genscope.flow;

import org.ejml.data.FMatrixRMaj;

/** Column gathers and scatters of row-major batches, and the shape check every layer makes. */
final class Columns {
    private Columns() {}

    /** Throws unless x has d columns. */
    static void check(FMatrixRMaj x, int d, String who) {
        if (x.numCols != d) throw new IllegalArgumentException(who + ": input has " + x.numCols + " columns, expected " + d);
    }

    /** The columns {@code cols} of x, in that order (B×|cols|, new). */
    static FMatrixRMaj gather(FMatrixRMaj x, int[] cols) {
        FMatrixRMaj out = new FMatrixRMaj(x.numRows, cols.length);
        int n = x.numCols;
        for (int i = 0; i < x.numRows; i++) {
            for (int k = 0; k < cols.length; k++) out.data[i * cols.length + k] = x.data[i * n + cols[k]];
        }
        return out;
    }

    /** target[:, cols[k]] = src[:, k]. */
    static void scatter(FMatrixRMaj src, int[] cols, FMatrixRMaj target) {
        int n = target.numCols;
        for (int i = 0; i < target.numRows; i++) {
            for (int k = 0; k < cols.length; k++) target.data[i * n + cols[k]] = src.data[i * cols.length + k];
        }
    }

    /** target[:, cols[k]] += src[:, k]. */
    static void scatterAdd(FMatrixRMaj src, int[] cols, FMatrixRMaj target) {
        int n = target.numCols;
        for (int i = 0; i < target.numRows; i++) {
            for (int k = 0; k < cols.length; k++) target.data[i * n + cols[k]] += src.data[i * cols.length + k];
        }
    }
}
