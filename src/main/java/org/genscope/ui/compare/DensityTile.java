package org.genscope.ui.compare;

import org.genscope.data.Grid2D;

/**
 * One small multiple of a 2-D group: a model's density p(x) on the group's grid (row 0 at the bottom), or the
 * group's test points (density null).
 *
 * @param key the entry it draws (its run), or null for the test points
 */
record DensityTile(String key, String title, float[] density, Grid2D grid, float[] points) {
    /** This tile titled as row {@code number} of the table, e.g. "3 · MADE 2-64-64-30", so tile, row and bar match. */
    DensityTile numbered(int number) {
        return new DensityTile(key, number + " · " + title, density, grid, points);
    }
}
