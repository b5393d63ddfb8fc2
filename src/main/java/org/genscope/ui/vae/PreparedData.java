package org.genscope.ui.vae;

import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.vae.DecoderKind;

/**
 * A run's data as the workspace uses it: the splits it trains, validates and evaluates on, the examples its latent
 * scatter encodes (labelled where labels exist), and the decoder the data calls for.
 *
 * @param name        what the data is, for notes and out-of-date lines
 * @param splits      train / validation / test
 * @param scatter     the examples encoded in the Latent space tab (the test digits, or the test split)
 * @param scatterNote one sentence on what the scatter's dots are
 * @param decoder     Bernoulli for binary data, Gaussian for 2-D points
 */
record PreparedData(String name, DataSplits splits, Dataset scatter, String scatterNote, DecoderKind decoder) {
    /** D. */
    int inputs() {
        return splits.train().dimension();
    }

    /** Whether the examples are images (reconstructions, samples and decodings are drawn as pictures). */
    boolean images() {
        return splits.train().isImage();
    }
}
