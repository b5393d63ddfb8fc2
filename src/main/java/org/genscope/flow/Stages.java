package org.genscope.flow;

import java.util.List;
import org.ejml.data.FMatrixRMaj;

/**
 * A batch of points carried through a flow layer by layer (see {@link FlowDiagnostics#stages}): stage 0 is the
 * batch as given, stage k the batch after k layers in the chosen direction, stage K the other end.
 *
 * <p>{@link Direction#TO_DATA} (generative, sampling): stage 0 is in base space and step k applies the inverse of
 * forward layer K−k, so stage K is in data space. {@link Direction#TO_BASE} (normalising, density): stage 0 is in
 * data space and step k applies forward layer k−1. The variable at TO_DATA stage k is the variable at TO_BASE
 * stage K−k: h_{K−k} in the notation of {@link FlowSequence}.
 *
 * @param direction which way the points went
 * @param points    K+1 matrices B×D, stage 0..K (fresh; the caller may keep them)
 * @param logDet    K+1 arrays: log|det| of the map from stage 0 to stage k, per row (stage 0: zeros)
 * @param layers    the K layer indices in forward order applied at steps 1..K (TO_BASE: 0..K−1; TO_DATA: K−1..0)
 */
public record Stages(Direction direction, List<FMatrixRMaj> points, List<double[]> logDet, int[] layers) {
    /** Which way a batch is carried. */
    public enum Direction {
        /** Base → data: x = f⁻¹(z), the sampling direction. */
        TO_DATA,
        /** Data → base: z = f(x), the density direction. */
        TO_BASE
    }

    public Stages {
        points = List.copyOf(points);
        logDet = List.copyOf(logDet);
        layers = layers.clone();
    }

    /** K, the number of layers (stages are 0..K). */
    public int count() {
        return layers.length;
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }
}
