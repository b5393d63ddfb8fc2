package org.genscope.wta;

/**
 * How well a linear classifier reads the classes off a representation: the paper's measure of the features
 * (Makhzani &amp; Frey 2015, Tables 1 and 2, test error of a linear classifier on the autoencoder's features).
 *
 * @param testError       fraction of test examples misclassified, in [0, 1]
 * @param confusion       confusion[true][predicted] counts on the test set
 * @param trainError      error on the examples the classifier was fitted on
 * @param validationError error on the held-out part of the labelled data at the chosen epoch
 * @param bestEpoch       the epoch (1-based) whose weights were kept (lowest validation error)
 * @param epochs          epochs run
 * @param features        dimension of the representation
 */
public record ProbeResult(double testError, int[][] confusion, double trainError, double validationError, int bestEpoch,
                          int epochs, int features) {
    public ProbeResult {
        confusion = copy(confusion);
    }

    @Override
    public int[][] confusion() {
        return copy(confusion);
    }

    private static int[][] copy(int[][] m) {
        int[][] c = new int[m.length][];
        for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
        return c;
    }

    /** Test examples counted. */
    public int testCount() {
        int n = 0;
        for (int[] row : confusion) for (int v : row) n += v;
        return n;
    }
}
