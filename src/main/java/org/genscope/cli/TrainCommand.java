package org.genscope.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.genscope.data.CsvWriter;
import org.genscope.data.DataOrigin;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.data.ImageFolder;
import org.genscope.data.Toy2D;
import org.genscope.flow.FlowSpec;
import org.genscope.made.Conditional;
import org.genscope.made.Connectivity;
import org.genscope.made.Made;
import org.genscope.made.MadeConfig;
import org.genscope.made.OrderingKind;
import org.genscope.nn.OptimizerKind;
import org.genscope.vae.VaeConfig;
import org.genscope.wta.WtaConfig;
import org.genscope.wta.WtaKind;

/**
 * A run of the app as the {@code genscope train KIND …} command that trains the same model on the same data with the
 * same settings and seed (the app's Copy as command). One builder per model kind turns the configuration the app
 * trains from into the options of that command's own parser ({@link TrainSetup}), so each option has one meaning;
 * what no option can say is kept in {@link #notes} (comment lines of {@link #text}), never dropped silently.
 */
public final class TrainCommand {
    /** The data a run trained on, as far as the command line can name it. */
    public sealed interface Data {}

    /** Binarized MNIST from sample-data/ (50k/10k/10k): the default of {@code train made/vae/wta}. */
    public record Mnist() implements Data {}

    /** Binarized MNIST, mean-pooled over block×block squares and thresholded ({@code --pool B --binarize T}). */
    public record PooledMnist(int block, float threshold) implements Data {}

    /** A 2-D toy density: {@code size} points with {@code noise}, split off by the seed. */
    public record Toy(Toy2D toy, int size, double noise, double validFraction, double testFraction) implements Data {}

    /**
     * A file or folder the user opened: split 80/10/10 by the seed (unless {@code limit} &gt; 0, which keeps the first
     * {@code limit} examples to train on), thresholded at {@code binarize} (NaN: not) and standardized on request.
     */
    public record Opened(DataOrigin origin, double binarize, boolean standardize, int limit) implements Data {}

    /** Points that are in no file (painted): written to CSV files by the command itself, then trained on. */
    public record Points(String name, DataSplits splits) implements Data {}

    /** Data the command line cannot name; {@code what} says which, for the comment line. */
    public record Unnamed(String what) implements Data {}

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    private final String kind;
    private final List<String> args = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> files = new LinkedHashMap<>();

    private TrainCommand(String kind) {
        this.kind = kind;
    }

    /** {@code kind}: made, flow, vae or wta. */
    public String kind() {
        return kind;
    }

    /** The arguments after {@code genscope train KIND}. */
    public List<String> args() {
        return List.copyOf(args);
    }

    /** What the command cannot reproduce of the run (empty when it trains exactly the same model). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * The command for a shell: comment lines for the {@link #notes}, the data files it writes first (here-documents),
     * then {@code genscope train KIND …} with every argument that needs it in single quotes.
     */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (String n : notes) sb.append("# ").append(n).append('\n');
        files.forEach((name, content) -> sb.append("cat > ").append(quote(name)).append(" <<'EOF'\n").append(content).append("EOF\n"));
        sb.append("genscope train ").append(kind);
        for (String a : args) sb.append(' ').append(quote(a));
        return sb.append('\n').toString();
    }

    /** This command with one more note (e.g. what the run started from that no option can give). */
    public TrainCommand withNote(String note) {
        TrainCommand t = new TrainCommand(kind);
        t.args.addAll(args);
        t.notes.addAll(notes);
        t.notes.add(note);
        t.files.putAll(files);
        return t;
    }

    /** The command on one line for a label: the data files it writes named, not shown; no notes. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        if (!files.isEmpty()) sb.append("(writes ").append(String.join(", ", files.keySet())).append(", then) ");
        sb.append("genscope train ").append(kind);
        for (String a : args) sb.append(' ').append(quote(a));
        return sb.toString();
    }

    /** {@code s} as one shell word: as it is when it holds only safe characters, else in single quotes. */
    static String quote(String s) {
        if (!s.isEmpty() && PLAIN.matcher(s).matches()) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** {@code train made}: mask 0 given with --degrees when it is not the one the seed draws (edited by hand). */
    public static TrainCommand made(MadeConfig c, Connectivity mask0, int epochs, int batch, OptimizerKind optimizer,
                                    double lr, Data data) {
        TrainCommand t = new TrainCommand("made");
        t.data(data);
        t.add("--hidden", c.hidden().length == 0 ? "none" : join(c.hidden()));
        if (c.ordering() == OrderingKind.RANDOM) t.add("--ordering", "random");
        if (c.ordering() == OrderingKind.CUSTOM) t.add("--ordering", join(c.customOrder()));
        t.add("--rule", c.rule().name().toLowerCase(Locale.ROOT));
        if (c.softmaxL() != 0) t.add("--softmax-l", Double.toString(c.softmaxL()));
        if (c.directConnections()) t.add("--direct", "true");
        t.add("--masks", Integer.toString(c.numMasks()));
        if (c.orderAgnostic()) t.add("--order-agnostic", "true");
        t.add("--conditional", c.conditional().name().toLowerCase(Locale.ROOT));
        if (c.conditional() == Conditional.MIXTURE) t.add("--components", Integer.toString(c.components()));
        t.add("--activation", c.activation());
        if (!mask0.equals(Made.firstMask(c))) {
            StringBuilder deg = new StringBuilder();
            for (int l = 1; l <= mask0.hiddenLayers(); l++) deg.append(l > 1 ? "/" : "").append(join(mask0.degrees(l)));
            t.add("--degrees", deg.toString());
        }
        t.epochs(c.seed(), epochs, batch, optimizer, lr);
        return t;
    }

    /** {@code train flow}: the layers, base and networks of {@code spec}, its seed, Adam with the cosine schedule. */
    public static TrainCommand flow(FlowSpec spec, int steps, int batch, double lr, Data data) {
        TrainCommand t = new TrainCommand("flow");
        t.data(data);
        t.add("--layers", spec.layersText());
        t.add("--base", spec.learnableBase() ? "learnable" : "standard");
        t.add("--activation", spec.activation());
        t.add("--scale-bound", Double.toString(spec.scaleBound()));
        t.add("--steps", Integer.toString(steps));
        t.add("--batch", Integer.toString(batch));
        t.add("--lr", Double.toString(lr));
        t.add("--schedule", "cosine");
        t.add("--seed", Long.toString(spec.seed()));
        return t;
    }

    /** {@code train vae}: the networks, latent size, decoder, samples, β and warm-up of {@code c}, constant step size. */
    public static TrainCommand vae(VaeConfig c, int epochs, int batch, OptimizerKind optimizer, double lr, Data data) {
        TrainCommand t = new TrainCommand("vae");
        t.data(data);
        t.add("--encoder-hidden", c.encoderHidden().length == 0 ? "none" : join(c.encoderHidden()));
        t.add("--decoder-hidden", c.decoderHidden().length == 0 ? "none" : join(c.decoderHidden()));
        t.add("--encoder-activation", c.encoderActivation());
        t.add("--decoder-activation", c.decoderActivation());
        t.add("--latent", Integer.toString(c.latent()));
        t.add("--decoder", c.decoder().toString().toLowerCase(Locale.ROOT));
        t.add("--samples", Integer.toString(c.samples()));
        t.add("--beta", Double.toString(c.beta()));
        t.add("--warmup", Long.toString(c.warmupSteps()));
        t.add("--schedule", "constant");
        t.epochs(c.seed(), epochs, batch, optimizer, lr);
        return t;
    }

    /** {@code train wta}: the autoencoder of {@code c}, Adam, no early stopping, the last parameters kept. */
    public static TrainCommand wta(WtaConfig c, int epochs, int batch, double lr, double weightDecay, int heldOut,
                                   Data data) {
        TrainCommand t = new TrainCommand("wta");
        t.data(data);
        t.add("--kind", c.kind() == WtaKind.FC ? "fc" : "conv");
        t.add(c.kind() == WtaKind.FC ? "--hidden" : "--maps", join(c.hidden()));
        if (c.kind() == WtaKind.CONV) {
            t.add("--filter", Integer.toString(c.encoderKernel()));
            t.add("--decoder-filter", Integer.toString(c.decoderKernel()));
            t.add("--spatial", Boolean.toString(c.spatial()));
        }
        t.add("--k", Double.toString(c.kPercent()));
        t.add("--valid-size", Integer.toString(data instanceof Mnist ? heldOut : 0));
        t.add("--epochs", Integer.toString(epochs));
        t.add("--batch", Integer.toString(batch));
        t.add("--optimizer", OptimizerKind.ADAM.toString());
        t.add("--lr", Double.toString(lr));
        t.add("--weight-decay", Double.toString(weightDecay));
        t.add("--patience", "0");
        t.add("--keep", "last");
        t.add("--seed", Long.toString(c.seed()));
        return t;
    }

    private void epochs(long seed, int epochs, int batch, OptimizerKind optimizer, double lr) {
        add("--epochs", Integer.toString(epochs));
        add("--batch", Integer.toString(batch));
        add("--optimizer", optimizer.toString());
        add("--lr", Double.toString(lr));
        add("--patience", "0");                      // the app trains every epoch and keeps the last parameters
        add("--keep", "last");
        add("--seed", Long.toString(seed));
    }

    private void data(Data data) {
        if (data instanceof PooledMnist p) {
            add("--pool", Integer.toString(p.block()));
            add("--binarize", Float.toString(p.threshold()));
        } else if (data instanceof Toy toy) {
            add("--toy", toy.toy().id());
            add("--size", Integer.toString(toy.size()));
            add("--noise", Double.toString(toy.noise()));
            String split = MadeData.splitText(toy.validFraction(), toy.testFraction());
            if (split != null) add("--split", split);
        } else if (data instanceof Opened o) {
            add("--train", o.origin().path().toAbsolutePath().normalize().toString());
            if (o.origin().folder() != null) {
                add("--resize", Integer.toString(o.origin().folder().size()));
                if (o.origin().folder().invert()) add("--invert", "true");
            }
            boolean folderBinarized = o.origin().folder() != null && o.origin().folder().binarize();
            if (!Double.isNaN(o.binarize()) || folderBinarized) {
                add("--binarize", Double.toString(Double.isNaN(o.binarize()) ? ImageFolder.BINARIZE_AT : o.binarize()));
            }
            if (o.standardize()) add("--standardize", "true");
            if (o.limit() > 0) add("--limit", Integer.toString(o.limit()));
        } else if (data instanceof Points p) {
            String[] split = {"train", "valid", "test"};
            DataSplits s = p.splits();
            List<Dataset> parts = List.of(s.train(), s.validation(), s.test());
            for (int i = 0; i < 3; i++) {
                String file = p.name() + "-" + split[i] + ".csv";
                StringBuilder csv = new StringBuilder();
                try {
                    CsvWriter.write(csv, parts.get(i));
                } catch (IOException e) {
                    throw new IllegalStateException(e);              // a StringBuilder does not fail
                }
                files.put(file, csv.toString());
                add("--" + split[i], file);
            }
        } else if (data instanceof Unnamed u) {
            notes.add("not on the command line: " + u.what() + "; this command does not train on it, give the data"
                    + " yourself (see genscope help train " + kind + ")");
        }
    }

    private void add(String option, String value) {
        args.add(option);
        args.add(value);
    }

    private static String join(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }
}
