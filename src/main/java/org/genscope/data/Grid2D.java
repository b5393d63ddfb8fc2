package org.genscope.data;

import org.ejml.data.FMatrixRMaj;

/**
 * An nx×ny grid of cells over [xmin, xmax]×[ymin, ymax]. Values on it are arrays of nx·ny entries, entry
 * iy·nx + ix at the cell centre (xmin + (ix + ½)Δx, ymin + (iy + ½)Δy): row 0 is at the bottom (y = ymin), as in
 * {@code Made.densityGrid}.
 */
public record Grid2D(double xmin, double xmax, double ymin, double ymax, int nx, int ny) {
    /** At most this many cells (16 MB of float per value array). */
    public static final int MAX_CELLS = 4_000_000;

    public Grid2D {
        if (nx < 1 || ny < 1 || (long) nx * ny > MAX_CELLS) throw new IllegalArgumentException("grid must have 1.." + MAX_CELLS + " cells, got " + nx + "×" + ny);
        if (!(xmax > xmin) || !(ymax > ymin) || !Double.isFinite(xmax - xmin) || !Double.isFinite(ymax - ymin)) {
            throw new IllegalArgumentException("bad grid rectangle [" + xmin + ", " + xmax + "]×[" + ymin + ", " + ymax + "]");
        }
    }

    /** A square n×n grid over the bounding box of 2-D points, widened by {@code margin} × its size on each side. */
    public static Grid2D around(FMatrixRMaj points, double margin, int n) {
        if (points.numCols != 2 || points.numRows == 0) throw new IllegalArgumentException("need a non-empty set of 2-D points");
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < points.numRows; i++) {
            for (int c = 0; c < 2; c++) {
                b[2 * c] = Math.min(b[2 * c], points.data[2 * i + c]);
                b[2 * c + 1] = Math.max(b[2 * c + 1], points.data[2 * i + c]);
            }
        }
        for (int c = 0; c < 2; c++) {
            double m = Math.max(1e-3, margin * (b[2 * c + 1] - b[2 * c]));
            b[2 * c] -= m;
            b[2 * c + 1] += m;
        }
        return new Grid2D(b[0], b[1], b[2], b[3], n, n);
    }

    public int cells() {
        return nx * ny;
    }

    public double dx() {
        return (xmax - xmin) / nx;
    }

    public double dy() {
        return (ymax - ymin) / ny;
    }

    /** Δx·Δy. */
    public double cellArea() {
        return dx() * dy();
    }

    /** {xmin, xmax, ymin, ymax}. */
    public double[] bounds() {
        return new double[] {xmin, xmax, ymin, ymax};
    }

    /** The cell centres, (nx·ny)×2, in value order. */
    public FMatrixRMaj centres() {
        FMatrixRMaj p = new FMatrixRMaj(cells(), 2);
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                p.data[2 * (iy * nx + ix)] = (float) (xmin + (ix + 0.5) * dx());
                p.data[2 * (iy * nx + ix) + 1] = (float) (ymin + (iy + 0.5) * dy());
            }
        }
        return p;
    }
}
