package org.genscope.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.genscope.data.Dataset;
import org.genscope.wta.LinearProbe;
import org.genscope.wta.ProbeResult;
import org.genscope.wta.WtaAutoencoder;

/**
 * The paper's measure of a winner-take-all autoencoder, shared by {@code train wta} and {@code eval wta}: a linear
 * (softmax) classifier trained on the features of the labelled MNIST sample, tested on t10k, printed with its
 * confusion matrix. The weight decay is chosen among {@link #DECAYS} by the error on the held-out 10% of the
 * labelled sample (never by the test set).
 */
final class WtaProbeReport {
    /** Decoupled weight decays tried (Adam at 1e-3 shrinks the weights by lr·λ per step). */
    static final double[] DECAYS = {0, 1, 3};

    private WtaProbeReport() {}

    static ProbeResult run(WtaAutoencoder model, int epochs, PrintStream out) throws CliException {
        Dataset labelled = WtaData.sample(WtaData.Which.LABELLED);
        Dataset test = WtaData.sample(WtaData.Which.TEST);
        long t0 = System.nanoTime();
        var trainF = model.features(labelled.x());
        var testF = model.features(test.x());
        out.printf(Locale.ROOT, "features: %d per image (%.0f s for %d + %d images)%n", trainF.numCols,
                (System.nanoTime() - t0) / 1e9, labelled.size(), test.size());
        ProbeResult r = null;
        double decay = 0;
        for (double d : DECAYS) {
            LinearProbe.Settings s = LinearProbe.Settings.defaults().withEpochs(epochs).withWeightDecay(d);
            ProbeResult q = LinearProbe.fit(trainF, labelled.labels(), testF, test.labels(), 10, s, LinearProbe.Progress.NONE);
            out.printf(Locale.ROOT, "  weight decay %s: held-out error %.2f%%%n", d, 100 * q.validationError());
            if (r == null || q.validationError() < r.validationError()) {
                r = q;
                decay = d;
            }
        }
        Finite.figure(r.testError(), "the classifier's test error", "linear classifier");
        out.printf(Locale.ROOT, "linear classifier (softmax, trained on %s, weight decay %s, %d epochs, best held-out epoch"
                + " %d): test error %.2f%% on %s (%d of %d), train error %.2f%%%n", labelled.name(), decay, r.epochs(),
                r.bestEpoch(), 100 * r.testError(), test.name(), Math.round(r.testError() * r.testCount()), r.testCount(),
                100 * r.trainError());
        out.println("confusion matrix (rows: true digit, columns: predicted):");
        StringBuilder head = new StringBuilder("      ");
        for (int c = 0; c < 10; c++) head.append(String.format("%6d", c));
        out.println(head);
        int[][] m = r.confusion();
        for (int t = 0; t < 10; t++) {
            StringBuilder row = new StringBuilder(String.format("  %2d  ", t));
            for (int p = 0; p < 10; p++) row.append(String.format("%6d", m[t][p]));
            out.println(row);
        }
        return r;
    }
}
