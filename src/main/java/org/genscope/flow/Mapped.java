package org.genscope.flow;

import org.ejml.data.FMatrixRMaj;

/**
 * A batch pushed through a flow layer: the transformed points (rows = examples) and log|det J| of the map at each
 * row, in nats. Arrays are shared, not copied (hot path); the producer does not touch them again.
 *
 * @param points the image of the input batch, B×D
 * @param logDet log|det J| per row, length B
 */
public record Mapped(FMatrixRMaj points, double[] logDet) {
    public Mapped {
        if (points.numRows != logDet.length) {
            throw new IllegalArgumentException(points.numRows + " points but " + logDet.length + " log-determinants");
        }
    }
}
