package org.genscope.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.genscope.compare.NoFigureException;
import org.genscope.compare.ProbeSelection;
import org.genscope.data.DataFormatException;
import org.genscope.wta.ProbeResult;
import org.genscope.wta.WtaAutoencoder;

/**
 * The paper's measure of a winner-take-all autoencoder, shared by {@code train wta} and {@code eval wta}: the linear
 * classifier of {@link ProbeSelection} (the Compare view's too), printed with its confusion matrix.
 */
final class WtaProbeReport {
    private WtaProbeReport() {}

    static ProbeResult run(WtaAutoencoder model, int epochs, PrintStream out) throws CliException {
        ProbeSelection p;
        try {
            p = ProbeSelection.run(model, epochs, "linear classifier");
        } catch (DataFormatException e) {
            throw new CliException(e.getMessage().replace('\n', ' '));
        } catch (NoFigureException e) {
            throw new CliException(e.getMessage());
        }
        out.printf(Locale.ROOT, "features: %d per image (%.0f s for %d + %d images)%n", p.features(), p.seconds(),
                p.labelledSize(), p.best().testCount());
        double[] held = p.heldOut();
        for (int i = 0; i < held.length; i++) {
            out.printf(Locale.ROOT, "  weight decay %s: held-out error %.2f%%%n", ProbeSelection.DECAYS[i], 100 * held[i]);
        }
        ProbeResult r = p.best();
        out.printf(Locale.ROOT, "linear classifier (softmax, trained on %s, weight decay %s, %d epochs, best held-out epoch"
                + " %d): test error %s%% on %s (%d of %d), train error %.2f%%%n", p.labelled(), p.decay(), r.epochs(),
                r.bestEpoch(), p.figure().formatted(), p.test(), Math.round(r.testError() * r.testCount()), r.testCount(),
                100 * r.trainError());
        out.println("confusion matrix (rows: true digit, columns: predicted):");
        StringBuilder head = new StringBuilder("      ");
        for (int c = 0; c < 10; c++) head.append(String.format("%6d", c));
        out.println(head);
        int[][] m = r.confusion();
        for (int t = 0; t < 10; t++) {
            StringBuilder row = new StringBuilder(String.format("  %2d  ", t));
            for (int p2 = 0; p2 < 10; p2++) row.append(String.format("%6d", m[t][p2]));
            out.println(row);
        }
        return r;
    }
}
