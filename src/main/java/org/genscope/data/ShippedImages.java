package org.genscope.data;

/**
 * The MNIST sets shipped in {@code sample-data/}, read once per session and kept (a few tens of MB), values in
 * [0, 1]: binarized MNIST for the autoencoder, the labelled 10k sample to fit the linear classifier, t10k to test
 * it. Slow the first time (call it off the UI thread). Thread-safe.
 */
public final class ShippedImages {
    private static DataSplits binarized;
    private static Dataset labelled;
    private static Dataset test;

    private ShippedImages() {}

    /** Binarized MNIST's 50,000 training and 10,000 validation images (values 0/1). */
    public static synchronized DataSplits binarized() throws DataFormatException {
        if (binarized == null) binarized = SampleData.binarizedMnist();
        return binarized;
    }

    /** The labelled 10k MNIST sample, grey levels scaled to [0, 1] (x / 255). */
    public static synchronized Dataset labelled() throws DataFormatException {
        if (labelled == null) labelled = Normalization.scaleToUnit(SampleData.mnistSample10k(), 0, 255);
        return labelled;
    }

    /** MNIST t10k, labelled, scaled to [0, 1]. */
    public static synchronized Dataset test() throws DataFormatException {
        if (test == null) test = Normalization.scaleToUnit(SampleData.mnistTest(), 0, 255);
        return test;
    }
}
