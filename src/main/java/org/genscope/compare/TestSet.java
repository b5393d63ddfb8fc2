package org.genscope.compare;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.genscope.data.DataFormatException;
import org.genscope.data.Dataset;
import org.genscope.data.ShippedImages;
import org.genscope.data.Toy2D;

/**
 * The data a group of models is measured on, with its identity: two entries are comparable exactly when their test
 * sets have the same {@link #id}. A 2-D toy's test set is a fixed sample of its own (drawn with {@link #TOY_SEED}, so
 * no run trained on these points, whatever its seed), so every model of that density meets the same points; any other
 * data is identified by its name, shape and contents (the shipped binarized MNIST test set is then one id wherever it
 * was loaded).
 *
 * @param id      what makes two test sets the same (compare with equals)
 * @param title   the group's heading, e.g. "binarized-mnist-test (10,000 × 784)"
 * @param data    the examples
 * @param entropy the true differential entropy of the density in nats, the NLL no model can beat, when known
 */
public record TestSet(String id, String title, Dataset data, OptionalDouble entropy) {
    /** Points in a toy's test sample. */
    public static final int TOY_SIZE = 10_000;
    /** Seed of a toy's test sample: one no training default uses (training draws with the run's seed). */
    public static final long TOY_SEED = 0x7E57_5E7L;
    /** Name of the shipped binarized MNIST test split ({@code SampleData.binarizedMnist().test()}). */
    public static final String BINARIZED_MNIST = "binarized-mnist-test";

    public TestSet {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(data);
        Objects.requireNonNull(entropy);
    }

    /** The fixed test sample of {@code toy} at this noise, with its entropy where known in closed form. */
    public static TestSet toy(Toy2D toy, double noise) {
        Dataset d = toy.generate(TOY_SIZE, noise, TOY_SEED);
        return new TestSet(String.format(Locale.ROOT, "toy:%s:%s", toy.id(), noise),
                String.format(Locale.ROOT, "2-D toy %s, noise %s (%,d test points)", toy.id(), noise, TOY_SIZE), d,
                toy.entropy(noise));
    }

    /** A run's own test split (or the shipped binarized MNIST test set), identified by its contents. */
    public static TestSet of(Dataset test) {
        return of(test, OptionalDouble.empty());
    }

    /** As {@link #of(Dataset)}, with the density's true entropy (e.g. of a painted density). */
    public static TestSet of(Dataset test, OptionalDouble entropy) {
        String id = String.format(Locale.ROOT, "data:%s:%dx%d:%08x", test.name(), test.size(), test.dimension(), contents(test));
        return new TestSet(id, String.format(Locale.ROOT, "%s (%,d × %,d)", test.name(), test.size(), test.dimension()), test,
                entropy);
    }

    /**
     * MNIST t10k as grey levels in [0, 1] (x / 255), where a winner-take-all autoencoder's reconstruction error is
     * measured and its linear classifier tested.
     */
    public static TestSet mnistT10k() throws DataFormatException {
        Dataset d = ShippedImages.test();
        return new TestSet("mnist-t10k", String.format(Locale.ROOT, "MNIST t10k, grey levels (%,d images)", d.size()), d,
                OptionalDouble.empty());
    }

    /**
     * What the group's figures are measured on, in words for the Compare view, e.g. "the toy's fixed sample of
     * 10,000 test points (drawn with its own seed: no training run saw them)".
     */
    public String measuredOn() {
        if (id.startsWith("toy:")) {
            return String.format(Locale.ROOT, "the toy's fixed sample of %,d test points (drawn with its own seed: no "
                    + "training run saw them)", data.size());
        }
        if (binarizedMnist()) return "the 10,000 images of the shipped binarized MNIST test set";
        if (id.equals("mnist-t10k")) return String.format(Locale.ROOT, "the %,d images of MNIST t10k", data.size());
        return String.format(Locale.ROOT, "the run's own test split (%,d examples, never trained on)", data.size());
    }

    /** Whether this is the shipped binarized MNIST test set, where the papers' figures were measured. */
    public boolean binarizedMnist() {
        return data.name().equals(BINARIZED_MNIST) && data.size() == 10_000 && data.dimension() == 784;
    }

    /** A hash of every value (float bits), so equal splits of different runs share an id and others do not. */
    private static int contents(Dataset d) {
        float[] x = d.x().data;
        int h = 1;
        for (int i = 0, n = d.size() * d.dimension(); i < n; i++) h = 31 * h + Float.floatToIntBits(x[i]);
        return h;
    }
}
