package org.genscope.ui.vae;

import java.util.Locale;
import org.genscope.data.Dataset;

/**
 * A file opened with File ▸ Open dataset, checked ({@link VaeDatasets#check}) but not yet prepared: how it is
 * prepared depends on the "Binarize grey levels" setting at the time of training.
 *
 * @param name   the file's name
 * @param data   its examples as read
 * @param binary whether every value is 0 or 1
 */
record OpenedFile(String name, Dataset data, boolean binary) {
    /** Grey-level images, which the Bernoulli decoder can model only binarized. */
    boolean greyImages() {
        return !binary && data.isImage();
    }

    /** D. */
    int inputs() {
        return data.dimension();
    }

    /** One sentence on what the file holds and how it will train. */
    String note() {
        String what = String.format(Locale.ROOT, "%s: %,d examples, D = %,d", name, data.size(), data.dimension());
        if (binary) return what + ", binary: a Bernoulli decoder, as they are.";
        if (greyImages()) return what + ", grey-level images " + data.imageRows() + "×" + data.imageCols()
                + ": binarized for the Bernoulli decoder (the box above).";
        return what + ", 2-D points: standardized, a Gaussian decoder.";
    }
}
