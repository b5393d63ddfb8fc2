package org.genscope.cli;

import java.nio.file.Path;
import java.util.Map;
import org.genscope.data.Binarization;
import org.genscope.data.Columns;
import org.genscope.data.DataFiles;
import org.genscope.data.DataFormatException;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.data.SampleData;

/** Data for the MADE commands: files or the binarized MNIST sample data, checked against the model's family. */
final class MadeData {
    /** Held-out fractions when only a training file is given. */
    static final double SPLIT_FRACTION = 0.1;

    private MadeData() {}

    /**
     * {@code --train FILE [--valid FILE] [--test FILE]} (a missing split is cut from the training file: 10% each,
     * by the seed) or, without {@code --train}, binarized MNIST (50k/10k/10k); {@code --binarize T} thresholds
     * all splits at intensity T on the training split's scale ({@link Binarization#threshold}), {@code --limit N}
     * keeps the first N training examples.
     */
    static DataSplits splits(Map<String, String> opts, long seed) throws UsageException, CliException {
        DataSplits s;
        try {
            if (!opts.containsKey("train")) {
                if (opts.containsKey("valid") || opts.containsKey("test")) throw new UsageException("--valid and --test need --train");
                columns(opts, "train");
                s = SampleData.binarizedMnist();
            } else {
                Columns columns = columns(opts, "train");
                Dataset train = read(opts.get("train"), columns);
                Dataset valid = opts.containsKey("valid") ? read(opts.get("valid"), columns) : null;
                Dataset test = opts.containsKey("test") ? read(opts.get("test"), columns) : null;
                if (valid == null || test == null) {
                    double vf = valid == null ? SPLIT_FRACTION : 0;
                    double tf = test == null ? SPLIT_FRACTION : 0;
                    if (train.size() < 10) throw new CliException(opts.get("train") + ": too few examples (" + train.size() + ") to split off validation/test data");
                    DataSplits cut = DataSplits.random(train, vf, tf, seed);
                    s = new DataSplits(cut.train(), valid != null ? valid : cut.validation(), test != null ? test : cut.test());
                } else {
                    s = new DataSplits(train, valid, test);
                }
            }
        } catch (DataFormatException e) {
            throw new CliException(e.getMessage().replace('\n', ' '));
        }
        if (opts.containsKey("binarize")) s = Binarization.threshold(s, threshold(opts));
        if (opts.containsKey("limit")) {
            int n = (int) Options.integer(opts, "limit", 0, 1, Integer.MAX_VALUE);
            s = new DataSplits(s.train().head(n), s.validation(), s.test());
        }
        int d = s.train().dimension();
        for (Dataset x : new Dataset[] {s.validation(), s.test()}) {
            if (x.dimension() != d) throw new CliException(x.source() + ": " + x.dimension() + " features, the training data have " + d);
        }
        return s;
    }

    /** {@code --binarize T}: an intensity in [0, 1] ({@link Binarization#threshold}). */
    static float threshold(Map<String, String> opts) throws UsageException {
        return (float) Options.number(opts, "binarize", 0.5, 0, 1);
    }

    /**
     * {@code --columns a,b,…} and {@code --label NAME|none}: which columns of the data file ({@code --FILEOPTION})
     * are modelled and which holds labels; without them a column named label, labels, class or y_label holds
     * labels and the others are modelled ({@link Columns}).
     */
    static Columns columns(Map<String, String> opts, String fileOption) throws UsageException {
        if ((opts.containsKey("columns") || opts.containsKey("label")) && !opts.containsKey(fileOption)) {
            throw new UsageException("--columns and --label choose columns of a data file; give it with --" + fileOption);
        }
        return Columns.of(opts.get("columns"), opts.get("label"));
    }

    /** Usage lines of {@link #columns} for the commands that read data files, each line indented (no final newline). */
    static String columnsHelp(String indent) {
        return indent + "--columns A,B,... (the columns to model, by header name or number from 1)\n"
                + indent + "--label NAME|none (the column of class labels: kept as labels, never modelled;\n"
                + indent + "  default: a column named " + String.join(", ", Columns.LABEL_NAMES) + ")";
    }

    /** One data file as a dataset. */
    static Dataset read(String file, Columns columns) throws CliException {
        try {
            return DataFiles.readDataset(Path.of(file), null, columns);
        } catch (DataFormatException e) {
            throw new CliException(e.getMessage().replace('\n', ' '));
        }
    }

    /** Fails unless every value is 0 or 1 (for Bernoulli conditionals). */
    static void requireBinary(Dataset d) throws CliException {
        requireBinary(d, "Bernoulli conditionals", "--conditional gaussian|mixture");
    }

    /**
     * Fails unless every value is 0 or 1, naming the file, the {@code model} part that needs binary data and the
     * {@code alternative} option for continuous data.
     */
    static void requireBinary(Dataset d, String model, String alternative) throws CliException {
        if (!Binarization.isBinary(d.x().data)) {
            throw new CliException(d.source() + ": values other than 0 and 1; " + model + " need binary data"
                    + " (add --binarize 0.5, or use " + alternative + ")");
        }
    }
}
