package org.genscope.ui.made;

import java.util.Locale;
import org.genscope.data.Binarization;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.data.Standardizer;

/**
 * A dataset the user opened (File ▸ Open dataset), made ready for MADE and split 80/10/10 by the seed given:
 * <ul>
 *   <li>values all 0 or 1: used as they are (Bernoulli conditionals);</li>
 *   <li>images with grey levels: thresholded at intensity ½ ({@link Binarization#threshold}: 0..255 grey levels
 *       divided by 255, other ranges scaled by their min and max), the rule {@code --binarize} follows too;</li>
 *   <li>2-D points: standardized with the training split's mean and deviation (mixture-of-Gaussian conditionals);</li>
 *   <li>anything else (continuous, D &gt; 2) is refused with the command that trains it: the workspace can only
 *       draw binary data (as images) and 2-D densities.</li>
 * </ul>
 * Binary vectors that are not images are shown as 1×D strips. Pure data work, no JavaFX: runs off the FX thread.
 */
record OpenedData(String fileName, DataSplits splits, boolean binary, String note) implements MadeSource {
    /** Largest D the workspace draws (32×32 images); larger data trains from the command line. */
    static final int MAX_INPUTS = 1024;
    /** Fewest examples: 10% each go to validation and test. */
    static final int MIN_EXAMPLES = 30;
    static final double VALID = 0.1;
    static final double TEST = 0.1;

    /** Prepares {@code data} read from {@code fileName}; the message of the exception says why it cannot be used. */
    static OpenedData prepare(String fileName, Dataset data, long seed) {
        int d = data.dimension();
        String cli = "genscope train made --train " + fileName;
        if (d < 2) throw new IllegalArgumentException(fileName + " has one column; MADE models D ≥ 2 variables jointly.");
        if (d > MAX_INPUTS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s has D = %,d variables; the workspace "
                    + "draws masks up to D = %,d. Train it from the command line: %s", fileName, d, MAX_INPUTS, cli));
        }
        if (data.size() < MIN_EXAMPLES) {
            throw new IllegalArgumentException(fileName + " has only " + data.size() + " examples; MADE needs at least "
                    + MIN_EXAMPLES + " (10% each are held out for validation and test).");
        }
        if (Binarization.isBinary(data.x().data)) {
            Dataset shaped = data.isImage() ? data
                    : new Dataset(data.name(), data.source(), data.x(), data.hasLabels() ? data.labels() : null, 1, d);
            return new OpenedData(fileName, DataSplits.random(shaped, VALID, TEST, seed), true,
                    data.isImage() ? "Binary images: Bernoulli conditionals."
                            : "Binary vectors: Bernoulli conditionals; samples are drawn as 1×" + d + " strips.");
        }
        if (data.isImage()) {
            Dataset binary = Binarization.threshold(data, 0.5f);
            return new OpenedData(fileName, DataSplits.random(binary, VALID, TEST, seed), true,
                    "Grey-level images scaled to [0, 1] and thresholded at ½: Bernoulli conditionals.");
        }
        if (d == 2) {
            DataSplits split = Standardizer.standardize(DataSplits.random(data, VALID, TEST, seed));
            return new OpenedData(fileName, split, false,
                    "2-D points, standardized (mean 0, deviation 1 on the training split): mixture-of-Gaussian conditionals.");
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s holds continuous values in D = %d "
                + "dimensions; the workspace trains binary data (drawn as images) and 2-D points. Train it from the "
                + "command line with mixture-of-Gaussian conditionals: %s --conditional mixture", fileName, d, cli));
    }

    @Override
    public int inputs() {
        return splits.train().dimension();
    }

    @Override
    public boolean trainable() {
        return true;
    }

    @Override
    public Recipe recipe() {
        return binary ? Recipe.binary(inputs()) : Recipe.TWO_D;
    }

    @Override
    public DataSplits load(long seed) {
        return splits;
    }

    @Override
    public String shortLabel() {
        return fileName;
    }

    @Override
    public String toString() {
        return "File: " + fileName + " (D = " + inputs() + ")";
    }
}
