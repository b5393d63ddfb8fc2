package org.genscope.made;

/**
 * What the app shows of a training MADE, immutable (arrays are copied in and out): samples drawn with the mask in
 * use, that mask, and for 2-D continuous data the model's density on a grid.
 *
 * @param samples     n×D samples, row-major
 * @param count       n
 * @param dimension   D
 * @param imageRows   image height when the data are images (rows·cols = D), else 0
 * @param imageCols   image width, else 0
 * @param connectivity the mask the samples were drawn with
 * @param maskIndex   its index among the model's K masks
 * @param density     for D = 2 continuous data: p at the centres of a grid×grid grid over {@code bounds}, row 0 at
 *                    the bottom (see {@link Made#densityGrid}); else null
 * @param bounds      {xmin, xmax, ymin, ymax} of that grid, else null
 * @param grid        cells per side of the density grid, else 0
 */
public record MadePayload(float[] samples, int count, int dimension, int imageRows, int imageCols,
                          Connectivity connectivity, int maskIndex, float[] density, double[] bounds, int grid) {
    public MadePayload {
        samples = samples.clone();
        density = density == null ? null : density.clone();
        bounds = bounds == null ? null : bounds.clone();
    }

    @Override
    public float[] samples() {
        return samples.clone();
    }

    @Override
    public float[] density() {
        return density == null ? null : density.clone();
    }

    @Override
    public double[] bounds() {
        return bounds == null ? null : bounds.clone();
    }
}
