package org.genscope.wta;

import org.ejml.data.FMatrixRMaj;

/**
 * Max pooling of feature maps for the classifier (forward only: nothing is trained through it). Each map of H×W is
 * cut into non-overlapping P×P windows (the last row and column of windows may be smaller) and each window
 * replaced by its maximum: B × (C·H·W) in NCHW becomes B × (C·⌈H/P⌉·⌈W/P⌉).
 */
final class MaxPooling {
    private MaxPooling() {}

    static FMatrixRMaj pool(FMatrixRMaj maps, int channels, int h, int w, int p) {
        int ph = (h + p - 1) / p;
        int pw = (w + p - 1) / p;
        FMatrixRMaj out = new FMatrixRMaj(maps.numRows, channels * ph * pw);
        for (int b = 0; b < maps.numRows; b++) {
            for (int c = 0; c < channels; c++) {
                int in = b * maps.numCols + c * h * w;
                int o = b * out.numCols + c * ph * pw;
                for (int i = 0; i < ph; i++) {
                    for (int j = 0; j < pw; j++) {
                        float m = Float.NEGATIVE_INFINITY;
                        for (int y = i * p; y < Math.min(h, (i + 1) * p); y++) {
                            for (int x = j * p; x < Math.min(w, (j + 1) * p); x++) m = Math.max(m, maps.data[in + y * w + x]);
                        }
                        out.data[o + i * pw + j] = m;
                    }
                }
            }
        }
        return out;
    }
}
