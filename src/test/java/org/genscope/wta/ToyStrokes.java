package org.genscope.wta;

import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Dataset;
import org.genscope.nn.Rng;

/** A toy set of pen strokes: each image holds a few short straight segments at random places and angles. */
final class ToyStrokes {
    private ToyStrokes() {}

    /** n images of size×size, each the union of {@code strokes} segments of 4 pixels (horizontal, vertical, diagonal). */
    static Dataset make(int n, int size, int strokes, long seed) {
        Rng rng = new Rng(seed);
        int[][] dirs = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};
        FMatrixRMaj x = new FMatrixRMaj(n, size * size);
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < strokes; s++) {
                int[] d = dirs[rng.nextInt(4)];
                int r = rng.nextInt(size);
                int c = rng.nextInt(size);
                for (int t = 0; t < 4; t++) {
                    int rr = r + t * d[0];
                    int cc = c + t * d[1];
                    if (rr >= 0 && rr < size && cc >= 0 && cc < size) x.data[i * size * size + rr * size + cc] = 1f;
                }
            }
        }
        return new Dataset("strokes", "toy", x, null, size, size);
    }
}
