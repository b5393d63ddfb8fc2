package org.genscope.ui.compare;

import org.genscope.data.Grid2D;

/**
 * One small multiple of a 2-D group: a model's density p(x) on the group's grid (row 0 at the bottom), or the
 * group's test points (density null).
 */
record DensityTile(String title, float[] density, Grid2D grid, float[] points) {}
