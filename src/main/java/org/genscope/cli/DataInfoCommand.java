package org.genscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genscope.Quoted;
import org.genscope.data.ArrayData;
import org.genscope.data.Binarization;
import org.genscope.data.Columns;
import org.genscope.data.CsvWriter;
import org.genscope.data.DataFiles;
import org.genscope.data.DataFormatException;
import org.genscope.data.Dataset;
import org.genscope.data.Labels;
import org.genscope.data.Toy2D;

/**
 * {@code genscope data info FILE [--labels FILE]}: format, shape, dtype, value range, binary or not, label counts.
 * {@code genscope data toy NAME [--n N] [--noise S] [--seed K] [--out FILE]}: a 2-D toy set as CSV.
 */
public final class DataInfoCommand implements Command {
    /** A 1-D integer file with at most this many distinct values is shown as labels. */
    private static final int MAX_CLASSES = 1000;

    @Override
    public String name() {
        return "data";
    }

    @Override
    public String summary() {
        return "inspect a data file (IDX, CSV, NPY) or write a 2-D toy set";
    }

    @Override
    public String usage() {
        return """
                usage: genscope data info FILE [--labels FILE] [--columns A,B,...] [--label NAME|none]
                       genscope data toy NAME [--n 1000] [--noise 0.05] [--seed 1] [--out FILE.csv]

                info  prints the format (detected from the content; gzip is undone transparently), shape, dtype,
                      value range (min/max/mean), whether all values are 0 or 1, and the count per class for a
                      label file, for a table's label column (a column named %s,
                      or the one --label names; --columns picks the columns a model would see), or for the labels
                      given with --labels.
                toy   samples NAME (one of: %s) and writes x,y[,label] as CSV
                      to --out, or to standard output.
                """.formatted(String.join(", ", Columns.LABEL_NAMES), Toy2D.names());
    }

    @Override
    public int run(List<String> args, PrintStream out) throws UsageException, CliException {
        if (args.isEmpty()) throw new UsageException("expected 'info FILE' or 'toy NAME'");
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "info" -> info(Options.parse(rest, "labels", "columns", "label"), out);
            case "toy" -> toy(Options.parse(rest, "n", "noise", "seed", "out"), out);
            default -> throw new UsageException("unknown sub-command " + Quoted.of(args.get(0)) + " (expected info or toy)");
        };
    }

    private int info(Map<String, String> opts, PrintStream out) throws UsageException, CliException {
        String file = Options.positional(opts, "FILE");
        try {
            ArrayData a = DataFiles.read(Path.of(file));
            Columns columns = Columns.of(opts.get("columns"), opts.get("label"));
            Columns.Selection roles = columns.select(a);
            Dataset d = columns.dataset(a, file);
            boolean chosen = roles.label() >= 0 || roles.features().length != a.featureSize();
            out.println("file     " + a.source());
            out.println("format   " + a.format());
            out.println("shape    " + a.shapeText() + " (" + shapeNote(a) + ")");
            out.println("dtype    " + a.dtype());
            if (chosen) {
                out.println("columns  modelled: " + String.join(", ", roles.featureNames())
                        + (roles.label() >= 0 ? "; labels: " + roles.labelName() : ""));
            }
            String of = chosen ? " (modelled columns)" : "";
            double[] s = stats(d.x().data);
            out.printf(Locale.ROOT, "values   min %s, max %s, mean %.6g%s%n", num(s[0]), num(s[1]), s[2], of);
            out.println("binary   " + (Binarization.isBinary(d.x().data) ? "yes (only 0 and 1)" : "no") + of);
            int[] labels = d.labels();
            if (opts.containsKey("labels")) {
                if (labels != null) throw new CliException(opts.get("labels") + ": labels given twice: " + file + " has the label column " + roles.labelName());
                labels = Labels.fromArray(DataFiles.read(Path.of(opts.get("labels"))));
                if (labels.length != a.count()) {
                    throw new CliException(opts.get("labels") + ": " + labels.length + " labels, but " + file + " has "
                            + a.count() + " examples");
                }
            } else if (labels == null && looksLikeLabels(a)) {
                labels = Labels.fromArray(a);
            }
            if (labels != null) out.println("labels   " + classes(Labels.counts(labels)));
            return 0;
        } catch (DataFormatException e) {
            throw new CliException(e.getMessage().replace('\n', ' '));
        }
    }

    private int toy(Map<String, String> opts, PrintStream out) throws UsageException, CliException {
        String name = Options.positional(opts, "NAME");
        Toy2D toy;
        try {
            toy = Toy2D.byName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int n = (int) Options.integer(opts, "n", 1000, 1, 100_000_000);
        double noise = Options.number(opts, "noise", 0.05, 0, 100);
        long seed = Options.integer(opts, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        Path target = opts.containsKey("out") ? CliFiles.output(opts.get("out"), "out", "points.csv") : null;
        Dataset d = toy.generate(n, noise, seed);
        if (target != null) {
            CliFiles.write(target, f -> CsvWriter.write(f, d));
            out.println("wrote " + n + " points of " + toy.id() + " to " + target);
        } else {
            try {
                CsvWriter.write(out, d);
            } catch (IOException e) {
                throw new CliException("cannot write to standard output: " + CliFiles.reason(e));
            }
        }
        return 0;
    }

    /** A 1-D (or single-column) array of few distinct integers is treated as a label file. */
    private static boolean looksLikeLabels(ArrayData a) {
        if (a.featureSize() != 1 || a.dtype().startsWith("float")) return false;
        java.util.Set<Float> distinct = new java.util.HashSet<>();
        for (float v : a.data()) {
            if (v != Math.rint(v) || distinct.add(v) && distinct.size() > MAX_CLASSES) return false;
        }
        return true;
    }

    private static String shapeNote(ArrayData a) {
        int[] s = a.shape();
        String note = s[0] + " examples";
        if (s.length > 1) note += " × " + a.featureSize() + " features";
        if (s.length == 3) note += ", images " + s[1] + "×" + s[2];
        return note;
    }

    /** {min, max, mean}, the mean accumulated in double. */
    private static double[] stats(float[] x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (float v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            sum += v;
        }
        return new double[] {lo, hi, sum / x.length};
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String classes(Map<Integer, Integer> counts) {
        StringBuilder sb = new StringBuilder(counts.size() + " classes:");
        counts.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }
}
