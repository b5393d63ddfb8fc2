package org.genscope.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genscope.Quoted;
import org.genscope.data.Binarization;
import org.genscope.data.Columns;
import org.genscope.data.DataFiles;
import org.genscope.data.DataFormatException;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.data.Downsample;
import org.genscope.data.ImageFolder;
import org.genscope.data.SampleData;
import org.genscope.data.Standardizer;

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
    static DataSplits splits(Map<String, String> opts, long seed, PrintStream out) throws UsageException, CliException {
        DataSplits s;
        double[] held = heldOut(opts);
        try {
            if (opts.containsKey("toy")) {
                if (opts.containsKey("train")) throw new UsageException("give either --toy or --train, not both");
                if (opts.containsKey("valid") || opts.containsKey("test")) throw new UsageException("--valid and --test need --train");
                s = DataSplits.random(FlowData.toy(opts, null, seed), held[0], held[1], seed);
            } else if (!opts.containsKey("train")) {
                if (opts.containsKey("valid") || opts.containsKey("test")) throw new UsageException("--valid and --test need --train");
                if (opts.containsKey("split")) throw new UsageException("--split cuts --train or --toy data; binarized MNIST comes split");
                columns(opts, "train");
                folderOptions(opts, false);
                s = SampleData.binarizedMnist();
            } else {
                Dataset train = read(opts, "train", out);
                Dataset valid = opts.containsKey("valid") ? read(opts, "valid", out) : null;
                Dataset test = opts.containsKey("test") ? read(opts, "test", out) : null;
                if (valid == null || test == null) {
                    double vf = valid == null ? held[0] : 0;
                    double tf = test == null ? held[1] : 0;
                    if (train.size() < 10) throw new CliException(opts.get("train") + ": too few examples (" + train.size() + ") to split off validation/test data");
                    DataSplits cut = DataSplits.random(train, vf, tf, seed);
                    s = new DataSplits(cut.train(), valid != null ? valid : cut.validation(), test != null ? test : cut.test());
                } else {
                    if (opts.containsKey("split")) throw new UsageException("--split cuts data off --train; --valid and --test are both given");
                    s = new DataSplits(train, valid, test);
                }
            }
        } catch (DataFormatException e) {
            throw new CliException(e.getMessage().replace('\n', ' '));
        }
        if (opts.containsKey("pool")) {
            int block = (int) Options.integer(opts, "pool", 1, 1, 1024);
            for (Dataset x : new Dataset[] {s.train(), s.validation(), s.test()}) {
                if (!x.isImage() || x.imageRows() % block != 0 || x.imageCols() % block != 0) {
                    throw new CliException(x.source() + ": --pool " + block + " needs images whose sides are multiples of " + block);
                }
            }
            s = s.map(d -> Downsample.meanPool(d, block));
        }
        if (opts.containsKey("binarize")) s = Binarization.threshold(s, threshold(opts));
        if (Options.flag(opts, "standardize")) s = Standardizer.standardize(s);
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

    /**
     * {@code --split V,T}: the fractions of {@code --train} (or {@code --toy}) data held out for validation and test,
     * cut at random by the seed; 0.1,0.1 when not given.
     */
    static double[] heldOut(Map<String, String> opts) throws UsageException {
        String v = opts.get("split");
        if (v == null) return new double[] {SPLIT_FRACTION, SPLIT_FRACTION};
        String[] parts = v.split(",", -1);
        try {
            if (parts.length == 2) {
                double valid = Double.parseDouble(parts[0].strip());
                double test = Double.parseDouble(parts[1].strip());
                if (valid >= 0 && test >= 0 && valid + test < 1) return new double[] {valid, test};
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new UsageException("--split expects two fractions V,T ≥ 0 with V + T < 1 (held out for validation and test), got " + Quoted.of(v));
    }

    /** The split fractions as {@code --split} takes them back exactly, or null for the default 0.1,0.1. */
    static String splitText(double valid, double test) {
        return valid == SPLIT_FRACTION && test == SPLIT_FRACTION ? null : valid + "," + test;
    }

    /**
     * The examples of the data file or image folder given with {@code --option}: a folder of pictures is read by
     * {@link ImageFolder} as the app's File ▸ Open image folder reads it ({@code --resize N}, {@code --invert true}),
     * each picture it cannot read printed as a warning on {@code out}; a file as {@link #read(String, Columns)}.
     */
    static Dataset read(Map<String, String> opts, String option, PrintStream out) throws UsageException, CliException {
        String name = opts.get(option);
        Path path = Path.of(name);
        if (!Files.isDirectory(path)) {
            folderOptions(opts, false);
            return read(name, columns(opts, option));
        }
        if (opts.containsKey("columns") || opts.containsKey("label")) {
            throw new UsageException("--columns and --label choose columns of a data file; " + name + " is a folder of pictures");
        }
        try {
            ImageFolder.Result r = ImageFolder.read(path, folderOptions(opts, true));
            for (ImageFolder.Unreadable u : r.unreadable()) out.println("warning: left out " + u.file() + ": " + u.reason());
            if (r.leftOut() > 0) {
                out.println("warning: left out " + r.leftOut() + " pictures beside the class folders of " + name);
            }
            return r.dataset();
        } catch (DataFormatException e) {
            throw new CliException(e.getMessage().replace('\n', ' '));
        }
    }

    /** The options that say how a folder of pictures is read. */
    static final List<String> FOLDER_OPTIONS = List.of("resize", "invert");

    /** {@code --resize N} (28) and {@code --invert true|false}; refused unless {@code folder} data is read. */
    private static ImageFolder.Options folderOptions(Map<String, String> opts, boolean folder) throws UsageException {
        if (!folder) {
            for (String k : FOLDER_OPTIONS) {
                if (opts.containsKey(k)) throw new UsageException("--" + k + " is for a folder of pictures given as the data");
            }
            return null;
        }
        int size = (int) Options.integer(opts, "resize", 28, ImageFolder.MIN_SIZE, ImageFolder.MAX_SIZE);
        return new ImageFolder.Options(size, Options.flag(opts, "invert"), false);
    }

    /** Usage lines of the data options every data-reading command shares (indented, no final newline). */
    static String folderHelp(String indent) {
        return indent + "a FOLDER instead of a file: its pictures (PNG, JPEG, GIF, BMP; one sub-folder per class gives labels)\n"
                + indent + "  as grey images, as File > Open image folder reads them: --resize N (N×N, " + ImageFolder.MIN_SIZE
                + "-" + ImageFolder.MAX_SIZE + "; 28)\n"
                + indent + "  --invert true (1 − grey: dark strokes on white become bright); unreadable pictures are left out with a warning";
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
