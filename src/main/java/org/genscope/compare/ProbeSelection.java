package org.genscope.compare;

import java.util.concurrent.CancellationException;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.DataFormatException;
import org.genscope.data.Dataset;
import org.genscope.data.ShippedImages;
import org.genscope.nn.Mat;
import org.genscope.wta.LinearProbe;
import org.genscope.wta.ProbeResult;
import org.genscope.wta.WtaAutoencoder;

/**
 * The paper's measure of a winner-take-all autoencoder (Makhzani &amp; Frey 2015, Tables 1–2): a linear softmax
 * classifier trained on the features of the labelled 10k MNIST sample and tested on MNIST t10k. The weight decay is
 * chosen among {@link #DECAYS} by the error on the held-out 10% of the labelled sample, never by the test set. The
 * one implementation of that measure: {@code genscope eval wta}, the Compare view and the WTA workspace's Features tab
 * all call it, so they print the same figure for the same model and epochs.
 *
 * @param best      the chosen classifier's result
 * @param decay     its weight decay
 * @param heldOut   the held-out error of each of {@link #DECAYS}, in order
 * @param labelled  the labelled set's name and size, for the report
 * @param test      the test set's name
 * @param features  features per image
 * @param seconds   time to compute the features of both sets
 */
public record ProbeSelection(ProbeResult best, double decay, double[] heldOut, String labelled, int labelledSize,
                             String test, int features, double seconds) {
    /** Decoupled weight decays tried (Adam at 1e-3 shrinks the weights by lr·λ per step). */
    public static final double[] DECAYS = {0, 1, 3};
    /** Classifier epochs of {@code genscope eval wta}, the Compare view and the WTA workspace's Features tab. */
    public static final int EPOCHS = 30;
    /** Images per feature batch (progress is reported after each). */
    private static final int CHUNK = 500;

    public ProbeSelection {
        heldOut = heldOut.clone();
    }

    @Override
    public double[] heldOut() {
        return heldOut.clone();
    }

    /** The test error as a leaderboard figure. */
    public Figure figure() {
        return new Figure(Figure.Measure.CLASSIFIER_ERROR, best.testError(), "softmax on the features, weight decay " + decay
                + ", " + best.epochs() + " epochs");
    }

    /** Reports the fraction of the work done, in [0, 1]; returns false to stop (a {@link CancellationException}). */
    @FunctionalInterface
    public interface Progress {
        boolean done(double fraction);

        Progress NONE = f -> true;
    }

    /** Fits the classifiers on the shipped sets (off the UI thread: tens of seconds to minutes); fails for non-28×28 models. */
    public static ProbeSelection run(WtaAutoencoder model, int epochs, String name) throws DataFormatException {
        return run(model, epochs, name, Progress.NONE);
    }

    /**
     * As {@link #run(WtaAutoencoder, int, String)}, reporting progress: the features of both sets (the first half),
     * then each weight decay's epochs.
     *
     * @throws CancellationException when {@code progress} returns false
     */
    public static ProbeSelection run(WtaAutoencoder model, int epochs, String name, Progress progress)
            throws DataFormatException {
        Dataset labelled = ShippedImages.labelled();
        Dataset test = ShippedImages.test();
        if (model.config().inputs() != labelled.dimension()) {
            throw new IllegalArgumentException(name + " takes " + model.config().height() + "×" + model.config().width()
                    + " images; the classifier is fitted on MNIST (28×28)");
        }
        long t0 = System.nanoTime();
        FMatrixRMaj trainF = features(model, labelled.x(), f -> progress.done(0.25 * f));
        FMatrixRMaj testF = features(model, test.x(), f -> progress.done(0.25 + 0.25 * f));
        double seconds = (System.nanoTime() - t0) / 1e9;
        return select(trainF, labelled, testF, test, epochs, seconds, name, f -> progress.done(0.5 + 0.5 * f));
    }

    /**
     * The classifier on given features of the labelled and the test set (a model's, or the raw pixels as a baseline):
     * one fit per weight decay of {@link #DECAYS}, the one of the lowest held-out error kept.
     *
     * @param seconds time it took to compute the features, for the report
     * @throws CancellationException when {@code progress} returns false
     */
    public static ProbeSelection select(FMatrixRMaj trainF, Dataset labelled, FMatrixRMaj testF, Dataset test, int epochs,
                                        double seconds, String name, Progress progress) {
        ProbeResult best = null;
        double decay = 0;
        double[] held = new double[DECAYS.length];
        for (int i = 0; i < DECAYS.length; i++) {
            int done = i;
            LinearProbe.Settings s = LinearProbe.Settings.defaults().withEpochs(epochs).withWeightDecay(DECAYS[i]);
            ProbeResult q = LinearProbe.fit(trainF, labelled.labels(), testF, test.labels(), 10, s,
                    (e, total, loss, err) -> progress.done((done + (double) e / total) / DECAYS.length));
            if (!progress.done((i + 1.0) / DECAYS.length)) throw new CancellationException();
            held[i] = q.validationError();
            if (best == null || q.validationError() < best.validationError()) {
                best = q;
                decay = DECAYS[i];
            }
        }
        Finite.figure(best.testError(), "the classifier's test error", name);
        return new ProbeSelection(best, decay, held, labelled.name(), labelled.size(), test.name(), trainF.numCols, seconds);
    }

    /** The model's features of {@code x} in chunks of {@value #CHUNK} images, reporting the fraction done. */
    private static FMatrixRMaj features(WtaAutoencoder m, FMatrixRMaj x, Progress progress) {
        FMatrixRMaj out = null;
        for (int from = 0; from < x.numRows; from += CHUNK) {
            int to = Math.min(x.numRows, from + CHUNK);
            FMatrixRMaj f = m.features(Mat.rows(x, from, to));
            if (out == null) out = new FMatrixRMaj(x.numRows, f.numCols);
            System.arraycopy(f.data, 0, out.data, from * f.numCols, f.getNumElements());
            if (!progress.done((double) to / x.numRows)) throw new CancellationException();
        }
        return out;
    }
}
