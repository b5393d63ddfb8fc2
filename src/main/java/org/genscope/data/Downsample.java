package org.genscope.data;

import org.ejml.data.FMatrixRMaj;

/**
 * Smaller images by block averaging: each f×f block of an image becomes one pixel holding the block's mean.
 * With a threshold afterwards this turns binarized MNIST into tiny binary digits (4×4, D = 16) whose MADE can be
 * drawn unit by unit.
 */
public final class Downsample {
    private Downsample() {}

    /** Mean-pools every image by {@code factor} (which must divide both image sides). */
    public static Dataset meanPool(Dataset d, int factor) {
        if (!d.isImage()) throw new IllegalArgumentException(d.name() + " is not an image dataset");
        int rows = d.imageRows();
        int cols = d.imageCols();
        if (factor < 1 || rows % factor != 0 || cols % factor != 0) {
            throw new IllegalArgumentException("factor " + factor + " does not divide " + rows + "×" + cols);
        }
        int r2 = rows / factor;
        int c2 = cols / factor;
        FMatrixRMaj x = d.x();
        FMatrixRMaj y = new FMatrixRMaj(d.size(), r2 * c2);
        float scale = 1f / (factor * factor);
        for (int n = 0; n < d.size(); n++) {
            int in = n * rows * cols;
            int out = n * r2 * c2;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    y.data[out + (i / factor) * c2 + j / factor] += x.data[in + i * cols + j] * scale;
                }
            }
        }
        return new Dataset(d.name() + " " + r2 + "x" + c2, d.source(), y, d.hasLabels() ? d.labels() : null, r2, c2);
    }
}
