package org.genscope.cli;

import java.io.PrintStream;
import java.util.Map;
import org.genscope.data.Binarization;
import org.genscope.data.DataFormatException;
import org.genscope.data.Dataset;
import org.genscope.data.Normalization;
import org.genscope.data.SampleData;
import org.genscope.data.ShippedImages;
import org.genscope.wta.WtaConfig;

/**
 * Images for the winner-take-all commands, as values in [0, 1]: a file given by the user (grey levels 0..255 are
 * divided by their maximum), or the shipped MNIST sets — binarized MNIST's 50,000 training and 10,000 validation
 * images for the autoencoder, the labelled 10k sample for the classifier, t10k to test both.
 */
final class WtaData {
    private WtaData() {}

    /** --train FILE or binarized MNIST's training split. */
    static Dataset train(Map<String, String> o, PrintStream out) throws UsageException, CliException {
        Dataset d = o.containsKey("train") ? images(o, "train", out) : sample(Which.TRAIN);
        if (!o.containsKey("train") && !o.containsKey("valid")) {
            for (String k : MadeData.FOLDER_OPTIONS) if (o.containsKey(k)) throw new UsageException("--" + k + " is for a folder of pictures given as the data");
        }
        if (o.containsKey("binarize")) d = Binarization.threshold(d, MadeData.threshold(o));
        if (o.containsKey("limit")) d = d.head((int) Options.integer(o, "limit", 0, 1, Integer.MAX_VALUE));
        return d;
    }

    /** The images of the file or folder given with {@code --option} ({@link MadeData#read}), scaled to [0, 1]. */
    static Dataset images(Map<String, String> o, String option, PrintStream out) throws UsageException, CliException {
        return unit(MadeData.read(o, option, out));
    }

    /** --valid FILE or binarized MNIST's validation split, its first --valid-size images. */
    static Dataset validation(Map<String, String> o, PrintStream out) throws UsageException, CliException {
        int n = (int) Options.integer(o, "valid-size", 1000, 0, Integer.MAX_VALUE);
        if (n == 0) return null;
        Dataset d = o.containsKey("valid") ? images(o, "valid", out) : sample(Which.VALID);
        if (o.containsKey("binarize")) d = Binarization.threshold(d, MadeData.threshold(o));
        return d.head(n);
    }

    enum Which { TRAIN, VALID, LABELLED, TEST }

    /** One of the shipped sets, scaled to [0, 1]; labelled ones keep their labels. */
    static Dataset sample(Which w) throws CliException {
        try {
            return switch (w) {
                case TRAIN -> SampleData.binarizedMnist().train();
                case VALID -> SampleData.binarizedMnist().validation();
                case LABELLED -> ShippedImages.labelled();
                case TEST -> ShippedImages.test();
            };
        } catch (DataFormatException e) {
            throw new CliException(e.getMessage().replace('\n', ' '));
        }
    }

    private static Dataset unit(Dataset d) throws CliException {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : d.x().data) {
            if (!Float.isFinite(v)) throw new CliException(d.source() + ": holds a non-finite value; images must be finite");
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo < 0) throw new CliException(d.source() + ": holds negative values (" + lo + "); images must be grey levels ≥ 0");
        return hi > 1 ? Normalization.scaleToUnit(d, 0, hi) : d;
    }

    /** {rows, cols} of an image dataset; a file of vectors is taken as square images when it can be. */
    static int[] imageSize(Dataset d) throws CliException {
        if (d.isImage()) return new int[] {d.imageRows(), d.imageCols()};
        int side = (int) Math.round(Math.sqrt(d.dimension()));
        if (side * side == d.dimension()) return new int[] {side, side};
        throw new CliException(d.source() + ": " + d.dimension() + " values per example are not an image (give an IDX"
                + " file of images, or square images flattened)");
    }

    /** Fails naming the file unless its examples have the model's H·W pixels. */
    static void requireFits(Dataset d, WtaConfig c, String model) throws CliException {
        if (d.dimension() != c.inputs()) {
            throw new CliException(d.source() + ": images of " + d.dimension() + " pixels"
                    + (d.isImage() ? " (" + d.imageRows() + "×" + d.imageCols() + ")" : "") + ", but " + model + " takes "
                    + c.height() + "×" + c.width() + " = " + c.inputs());
        }
    }
}
