package org.genscope.ui.wta;

import org.genscope.data.DataFormatException;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.data.ShippedImages;

/**
 * Where the WTA workspace's images come from: binarized MNIST's training set (the autoencoder's usual data), the
 * labelled 10k grey MNIST sample (the classifier's data, so features and pixels are the same images), or a file of
 * images the user opened (File ▸ Open dataset). Each gives training images and up to {@value #HELD_OUT} held-out
 * ones: the validation error and the probe batch the views look at.
 */
enum WtaData {
    BINARIZED("binarized MNIST (50,000 training images)", "binarized MNIST"),
    LABELLED("labelled MNIST sample (10,000 grey images)", "MNIST 10k sample"),
    FILE("your file of images (File ▸ Open dataset)", "your file");

    /** Held-out images per run: enough for a stable validation error, few enough to evaluate in a blink. */
    static final int HELD_OUT = 500;

    private final String label;
    private final String shortLabel;

    WtaData(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    String shortLabel() {
        return shortLabel;
    }

    /** The images of a shipped choice, values in [0, 1] (slow the first time: call off the FX thread). */
    DataSplits load() throws DataFormatException {
        return switch (this) {
            case BINARIZED -> {
                DataSplits b = ShippedImages.binarized();
                yield new DataSplits(b.train(), b.validation().head(HELD_OUT), b.test());
            }
            case LABELLED -> {
                Dataset all = ShippedImages.labelled();
                yield split(all, all.size() - HELD_OUT);
            }
            case FILE -> throw new IllegalStateException("a file's images come from File ▸ Open dataset");
        };
    }

    /** The first {@code train} images to train on, the rest (at most {@value #HELD_OUT}) held out. */
    static DataSplits split(Dataset all, int train) {
        int[] fit = new int[train];
        int[] held = new int[Math.min(HELD_OUT, all.size() - train)];
        for (int i = 0; i < fit.length; i++) fit[i] = i;
        for (int i = 0; i < held.length; i++) held[i] = train + i;
        return new DataSplits(all.subset(fit, all.name() + "-train"), all.subset(held, all.name() + "-valid"), null);
    }

    @Override
    public String toString() {
        return label;
    }
}
