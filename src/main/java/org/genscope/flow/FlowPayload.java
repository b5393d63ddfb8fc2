package org.genscope.flow;

import org.genscope.data.Grid2D;

/**
 * What the app shows of a training flow, built on the training thread from the current parameters.
 *
 * @param density   for D = 2: p(x) at the centres of {@code grid} (order as in {@link Grid2D}); else null
 * @param grid      the density grid (by default 100×100 over the training data's bounds, 10% margin), or null
 * @param samples   n×D model samples x = f⁻¹(z), row-major
 * @param count     n
 * @param dimension D
 * @param model     a private deep copy of the model at this moment, for the per-layer views
 *                  ({@link FlowDiagnostics}); the training thread never touches it again. Not thread-safe: use it
 *                  from one thread at a time.
 */
public record FlowPayload(float[] density, Grid2D grid, float[] samples, int count, int dimension, FlowModel model) {
    public FlowPayload {
        density = density == null ? null : density.clone();
        samples = samples.clone();
    }

    @Override
    public float[] density() {
        return density == null ? null : density.clone();
    }

    @Override
    public float[] samples() {
        return samples.clone();
    }
}
