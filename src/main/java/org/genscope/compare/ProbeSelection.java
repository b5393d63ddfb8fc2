package org.genscope.compare;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.DataFormatException;
import org.genscope.data.Dataset;
import org.genscope.data.ShippedImages;
import org.genscope.wta.LinearProbe;
import org.genscope.wta.ProbeResult;
import org.genscope.wta.WtaAutoencoder;

/**
 * The paper's measure of a winner-take-all autoencoder (Makhzani &amp; Frey 2015, Tables 1–2): a linear softmax
 * classifier trained on the features of the labelled 10k MNIST sample and tested on MNIST t10k. The weight decay is
 * chosen among {@link #DECAYS} by the error on the held-out 10% of the labelled sample, never by the test set.
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
    /** Classifier epochs of {@code genscope eval wta} and the Compare view. */
    public static final int EPOCHS = 30;

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

    /** Fits the classifiers on the shipped sets (off the UI thread: tens of seconds to minutes); fails for non-28×28 models. */
    public static ProbeSelection run(WtaAutoencoder model, int epochs, String name) throws DataFormatException {
        Dataset labelled = ShippedImages.labelled();
        Dataset test = ShippedImages.test();
        if (model.config().inputs() != labelled.dimension()) {
            throw new IllegalArgumentException(name + " takes " + model.config().height() + "×" + model.config().width()
                    + " images; the classifier is fitted on MNIST (28×28)");
        }
        long t0 = System.nanoTime();
        FMatrixRMaj trainF = model.features(labelled.x());
        FMatrixRMaj testF = model.features(test.x());
        double seconds = (System.nanoTime() - t0) / 1e9;
        ProbeResult best = null;
        double decay = 0;
        List<Double> held = new ArrayList<>();
        for (double d : DECAYS) {
            LinearProbe.Settings s = LinearProbe.Settings.defaults().withEpochs(epochs).withWeightDecay(d);
            ProbeResult q = LinearProbe.fit(trainF, labelled.labels(), testF, test.labels(), 10, s, LinearProbe.Progress.NONE);
            held.add(q.validationError());
            if (best == null || q.validationError() < best.validationError()) {
                best = q;
                decay = d;
            }
        }
        Finite.figure(best.testError(), "the classifier's test error", name);
        return new ProbeSelection(best, decay, held.stream().mapToDouble(Double::doubleValue).toArray(), labelled.name(),
                labelled.size(), test.name(), trainF.numCols, seconds);
    }
}
