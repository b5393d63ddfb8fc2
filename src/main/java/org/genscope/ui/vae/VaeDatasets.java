package org.genscope.ui.vae;

import java.util.Locale;
import org.genscope.data.Binarization;
import org.genscope.data.DataFormatException;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.data.Normalization;
import org.genscope.data.SampleData;
import org.genscope.data.Standardizer;
import org.genscope.data.Toy2D;
import org.genscope.nn.Rng;
import org.genscope.vae.DecoderKind;

/**
 * Where the VAE workspace's data comes from and how it is made ready (pure data work, no JavaFX: runs off the FX
 * thread). Grey levels become binary pixels for the Bernoulli decoder as binarized MNIST was made (Salakhutdinov &amp;
 * Murray 2008): each pixel is 1 with probability its intensity, one fixed draw ({@value #BINARIZE_SEED}), so the same
 * file always gives the same pixels. 2-D points are standardized on their training split.
 */
final class VaeDatasets {
    /** The draw that binarizes grey levels (the year binarized MNIST was published). */
    static final long BINARIZE_SEED = 2008;
    static final int TOY_POINTS = 20_000;
    static final double TOY_NOISE = 0.05;
    static final double VALID = 0.1;
    static final double TEST = 0.1;
    /** Largest D drawn as images (64×64); larger data trains from the command line. */
    static final int MAX_INPUTS = 4096;
    /** Fewest examples of a file: 10% each go to validation and test. */
    static final int MIN_EXAMPLES = 30;

    private VaeDatasets() {}

    /** The benchmark's splits; the scatter shows the labelled MNIST test digits (the same digits, binarized). */
    static PreparedData binarizedMnist() throws DataFormatException {
        return new PreparedData("binarized MNIST", SampleData.binarizedMnist(), mnistTest(),
                "the 10,000 MNIST test digits, binarized (the digits of binarized MNIST's test split, with their "
                        + "labels)", DecoderKind.BERNOULLI);
    }

    /** The labelled 10,000-digit sample, binarized, 90/10 train/validation; the MNIST test digits as the test split. */
    static PreparedData labelledMnist(long seed) throws DataFormatException {
        Dataset all = binarized(SampleData.mnistSample10k());
        DataSplits cut = DataSplits.random(all, VALID, 0, seed);
        Dataset test = mnistTest();
        return new PreparedData("MNIST with labels", new DataSplits(cut.train(), cut.validation(), test), test,
                "the 10,000 MNIST test digits, binarized, never trained on", DecoderKind.BERNOULLI);
    }

    /** The labelled MNIST test set, binarized: the latent scatter's digits. */
    static Dataset mnistTest() throws DataFormatException {
        return binarized(SampleData.mnistTest());
    }

    static PreparedData toy(Toy2D toy, long seed) {
        Dataset all = toy.generate(TOY_POINTS, TOY_NOISE, seed);
        return points(toy.id(), DataSplits.random(all, VALID, TEST, seed));
    }

    /** 2-D points already split (a toy, a painting, a file): Gaussian decoder, the test split in the scatter. */
    static PreparedData points(String name, DataSplits splits) {
        int n = splits.test().size();
        return new PreparedData(name, splits, splits.test(), String.format(Locale.ROOT, "the %,d points of the test "
                + "split", n), DecoderKind.GAUSSIAN);
    }

    /**
     * Checks a file opened with File ▸ Open dataset and says what it holds; the exception's sentence names the file
     * and what to do when the workspace cannot use it.
     */
    static OpenedFile check(String fileName, Dataset data) {
        int d = data.dimension();
        String cli = "genscope train vae --train " + fileName;
        if (d < 2) throw new IllegalArgumentException(fileName + " has one column; the workspace trains on images and 2-D points.");
        if (d > MAX_INPUTS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s has D = %,d values per example; the "
                    + "workspace draws up to D = %,d (64×64 images). Train it from the command line: %s", fileName, d,
                    MAX_INPUTS, cli));
        }
        if (data.size() < MIN_EXAMPLES) {
            throw new IllegalArgumentException(fileName + " has only " + data.size() + " examples; give at least "
                    + MIN_EXAMPLES + " (10% each are held out for validation and test).");
        }
        boolean binary = Binarization.isBinary(data.x().data);
        if (!binary && !data.isImage() && d != 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s holds continuous values in D = %d "
                    + "dimensions; the workspace draws images and 2-D points. Train it from the command line with a "
                    + "Gaussian decoder: %s --decoder gaussian", fileName, d, cli));
        }
        return new OpenedFile(fileName, data, binary);
    }

    /** An opened file made ready: binary as it is, grey images binarized (if allowed), 2-D points standardized. */
    static PreparedData file(OpenedFile f, boolean binarize, long seed) {
        if (f.greyImages() && !binarize) throw new IllegalArgumentException(greyRefusal(f.name()));
        Dataset d = f.data();
        if (f.binary() || f.greyImages()) {
            Dataset ready = f.binary() ? (d.isImage() ? d : asStrip(d)) : binarized(d);
            DataSplits s = DataSplits.random(ready, VALID, TEST, seed);
            return new PreparedData(f.name(), s, s.test(), String.format(Locale.ROOT, "the %,d examples of the test "
                    + "split of %s", s.test().size(), f.name()), DecoderKind.BERNOULLI);
        }
        return points(f.name(), Standardizer.standardize(DataSplits.random(d, VALID, TEST, seed)));
    }

    /** Why grey levels cannot train the Bernoulli decoder as they are, and what to do. */
    static String greyRefusal(String fileName) {
        return fileName + " holds grey levels, but the Bernoulli decoder models pixels that are 0 or 1: tick "
                + "“Binarize grey levels” and press Train again.";
    }

    /** Grey levels scaled to [0, 1], then one fixed Bernoulli draw per pixel. */
    static Dataset binarized(Dataset grey) {
        return Binarization.stochastic(Normalization.scaleToUnit(grey), new Rng(BINARIZE_SEED));
    }

    /** Binary vectors that are not images, drawn as 1×D strips. */
    private static Dataset asStrip(Dataset d) {
        return new Dataset(d.name(), d.source(), d.x(), d.hasLabels() ? d.labels() : null, 1, d.dimension());
    }
}
