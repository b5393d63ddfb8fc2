package org.genscope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genscope.compare.Evaluator;
import org.genscope.compare.Figure;
import org.genscope.Quoted;
import org.genscope.data.DataSplits;
import org.genscope.io.Metadata;
import org.genscope.made.Conditional;
import org.genscope.made.Connectivity;
import org.genscope.made.DegreeRule;
import org.genscope.made.Made;
import org.genscope.made.MadeConfig;
import org.genscope.made.MadeFile;
import org.genscope.made.MadeTrainable;
import org.genscope.made.OrderingKind;
import org.genscope.made.Orderings;
import org.genscope.nn.Activations;
import org.genscope.nn.GemmBackends;
import org.genscope.nn.Init;
import org.genscope.nn.Optimizer;
import org.genscope.nn.OptimizerKind;
import org.genscope.nn.Rng;
import org.genscope.train.EarlyStopping;
import org.genscope.train.JobState;
import org.genscope.train.TaskExecutor;
import org.genscope.train.TrainConfig;
import org.genscope.train.TrainingJob;

/** {@code genscope train made …}: trains with early stopping on the validation NLL, reports test NLL, saves. */
final class MadeTrain implements ModelVerb {
    static final List<String> OPTIONS = List.of("train", "valid", "test", "binarize", "limit", "hidden", "masks",
        "order-agnostic", "ordering", "rule", "softmax-l", "direct", "conditional", "components", "activation", "valid-masks",
        "ensemble", "out", "curves", "init", "columns", "label", "toy", "noise", "size", "split", "pool", "standardize",
        "degrees", "resize", "invert");

    @Override
    public String usage() {
        return """
                genscope train made [--train FILE [--valid FILE] [--test FILE]] [OPTIONS]
                  Trains MADE (Germain et al. 2015) and saves it. Without --train: binarized MNIST from
                  sample-data/ (50k/10k/10k). A missing --valid/--test is cut from --train (10%% each).
                  data      --binarize T (1 where the intensity is above T, else 0; T in [0, 1]: values in [0, 1]
                              are intensities as they are, grey levels 0..255 are divided by 255, other ranges
                              are scaled by the training data's min and max)   --limit N (first N training examples)
                            --toy NAME [--noise S] [--size N] (2-D points, for --conditional mixture)
                            --split V,T (fractions of --train/--toy held out; 0.1,0.1)   --pool B (mean-pool B×B blocks first)
                            --standardize true (mean 0, deviation 1 on the training split)
                %s
                %s
                  model     --hidden 500[,500...]   --activation %s
                            --ordering natural|random|reverse|m1,m2,...   --rule uniform|even|softmax   --softmax-l 0
                            --degrees a,b,.../c,d,... (mask 0's hidden m(k), layer by layer; default drawn from the seed)
                            --direct true|false   --masks K (1)   --order-agnostic true|false
                            --conditional bernoulli|gaussian|mixture   --components K (mixture)
                  training  --optimizer %s (adam)   --lr 0.001   --batch 100   --epochs 200
                            --init uniform|orthogonal (uniform: PyTorch's default; orthogonal: the authors' code)
                            --patience 30 (epochs without a better validation NLL before stopping; 0 = off)
                            --valid-masks N (masks in the validation ensemble; default min(K, 8))   --seed 42
                            --max-minutes M (stop after M minutes of training and keep the best so far;
                              0, the default, sets no limit)
                  output    --out made.safetensors   --ensemble N (masks for the test ensemble; default K)
                            --curves FILE (train/validation NLL curves: .svg plot, else CSV)
                            --quiet true (no per-epoch lines)   --keep best|last (the parameters saved; best validation)
                  Prints one line per epoch, then the test NLL (nats) of the best-validation parameters.
                """.formatted(MadeData.columnsHelp("            "), MadeData.folderHelp("            "), String.join("|", Activations.NAMES), OptimizerKind.names("|"));
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> o = Options.parse(args, Options.joined(OPTIONS, EpochTraining.OPTIONS));
        Options.noPositional(o);
        Path outFile = CliFiles.output(o.getOrDefault("out", "made.safetensors"), "out", "made.safetensors");
        Path curves = o.containsKey("curves") ? CliFiles.output(o.get("curves"), "curves", "made-nll.svg") : null;
        TrainSetup.Made setup = setup(o, out);
        EpochTraining t = setup.training();
        long seed = t.seed();
        int batch = t.batch();
        double lr = t.lr();
        OptimizerKind optimizer = t.optimizer();
        String init = setup.init();
        DataSplits data = setup.data();
        MadeConfig config = setup.config();
        int k = config.numMasks();
        int validMasks = (int) Options.integer(o, "valid-masks", Math.min(k, 8), 1, k);
        int ensemble = (int) Options.integer(o, "ensemble", k, 1, k);

        Made made = Made.withFirstMask(config, setup.mask0());
        if (init.equals("orthogonal")) Init.orthogonal(made.params(), new Rng(seed ^ 0x6F7274686FL));
        MadeTrainable task = new MadeTrainable(made, data.train(), data.validation(), validMasks);
        Optimizer opt = optimizer.create(made.params(), lr);
        TrainConfig tc = TrainConfig.builder().epochs(t.epochs()).batchSize(batch).seed(seed)
                .payloadInterval(Duration.ofDays(365)).snapshotInterval(Duration.ofSeconds(1)).build();
        out.printf(Locale.ROOT, "MADE %s, %d masks%s, %s, %s lr %s, batch %d, GEMM %s%n", config.architecture(), k,
                config.orderAgnostic() ? " (order-agnostic)" : "", config.conditional().name().toLowerCase(Locale.ROOT),
                optimizer, lr, batch, GemmBackends.describe());
        out.printf(Locale.ROOT, "data: train %s, valid %s, test %s%n", data.train(), data.validation(), data.test());

        TrainingJob<?> job = new TrainingJob<>(task, opt, tc, TaskExecutor.currentThread());
        EarlyStopping stop = t.stopping(job, made.params(), out);
        long t0 = System.nanoTime();
        job.start();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (job.state() == JobState.FAILED) throw new CliException("training failed: " + job.latest().message());
        if (!t.keepLast()) stop.restoreBest();

        // Training leaves the mask of its last update in use (update t trains with mask t mod K): the one-mask
        // figure is mask 0's, the mask a loaded model, `eval made` and `sample made` start from.
        made.useMask(0);
        String noFigure = null;
        double testNll = Double.NaN;
        double ensembleNll = Double.NaN;
        try {
            List<Figure> f = Figures.of(() -> Evaluator.made(made, data.test().x(), ensemble, "the trained MADE", data.test().source()));
            testNll = f.get(0).value();
            ensembleNll = ensemble == 1 ? testNll : f.get(1).value();
        } catch (CliException e) {
            noFigure = e.getMessage();
        }
        out.printf(Locale.ROOT, "stopped after %d epochs (%.1f s, %.2f s/epoch%s); best validation NLL %.4f at epoch %d%n",
                stop.epochs(), seconds, seconds / Math.max(1, stop.epochs()), stop.outOfTime() ? ", time budget reached" : "",
                stop.best(), stop.bestEpoch());
        if (noFigure == null) {
            out.printf(Locale.ROOT, "test NLL %.4f nats (mask 0)%n", testNll);
            if (ensemble > 1) out.printf(Locale.ROOT, "test NLL %.4f nats (ensemble of %d masks)%n", ensembleNll, ensemble);
        }

        Map<String, String> extra = new LinkedHashMap<>(task.metadata());
        Metadata meta = Metadata.builder().putAll(extra).seed(seed)
                .hyperparameter("optimizer", optimizer.toString()).hyperparameter("learning_rate", lr).hyperparameter("init", init)
                .hyperparameter("batch_size", Integer.toString(batch)).hyperparameter("epochs", Integer.toString(t.epochs()))
                .hyperparameter("patience", Integer.toString(t.patience()))
                .metric("validation_nll", stop.best()).metric("train_seconds", seconds)
                .put(Metadata.METRIC + "best_epoch", Integer.toString(stop.bestEpoch()))
                .put(Metadata.METRIC + "epochs", Integer.toString(stop.epochs()))
                .put(Metadata.METRIC + "ensemble_masks", Integer.toString(ensemble));
        if (noFigure == null) meta.metric("test_nll", testNll).metric("test_nll_ensemble", ensembleNll);
        CliFiles.write(outFile, f -> MadeFile.save(f, made, meta.build()));
        out.println("saved " + outFile);
        if (curves != null) {
            CurveExport.write(curves, "MADE " + config.architecture() + ": negative log-likelihood", job.latest());
            out.println("curves written to " + curves);
        }
        if (noFigure != null) throw new CliException(noFigure + "; the model is saved to " + outFile + " without a test NLL");
        return 0;
    }

    /** What the options train: the data (read and checked), the model with its mask 0, and the training settings. */
    static TrainSetup.Made setup(Map<String, String> o, PrintStream out) throws UsageException, CliException {
        EpochTraining t = EpochTraining.parse(o, 200);
        String init = Options.choice(o, "init", "uniform", "uniform", "orthogonal");
        DataSplits data = MadeData.splits(o, t.seed(), out);
        MadeConfig config = config(o, data.train().dimension(), t.seed());
        if (config.conditional() == Conditional.BERNOULLI) {
            for (var d : List.of(data.train(), data.validation(), data.test())) MadeData.requireBinary(d);
        }
        return new TrainSetup.Made(data, config, mask0(o, config), t, init);
    }

    /**
     * Mask 0: drawn from the seed ({@link Made#firstMask}), or with {@code --degrees a,b,…/c,d,…} its hidden units'
     * m(k), layer by layer (as edited in the app's mask builder), on the ordering the configuration gives.
     */
    private static Connectivity mask0(Map<String, String> o, MadeConfig config) throws UsageException {
        Connectivity drawn = Made.firstMask(config);
        String v = o.get("degrees");
        if (v == null) return drawn;
        String[] layers = v.split("/", -1);
        if (layers.length != config.hidden().length) {
            throw new UsageException("--degrees gives " + layers.length + " layers (separated by /), --hidden has " + config.hidden().length);
        }
        int[][] degrees = new int[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            degrees[l] = Options.widths("degrees", layers[l]);
            if (degrees[l].length != config.hidden()[l]) {
                throw new UsageException("--degrees gives " + degrees[l].length + " values for hidden layer " + (l + 1) + " of " + config.hidden()[l] + " units");
            }
        }
        try {
            return Connectivity.of(drawn.ordering(), degrees);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--degrees: " + e.getMessage());
        }
    }

    /** The model configuration from the options. */
    static MadeConfig config(Map<String, String> o, int d, long seed) throws UsageException {
        int[] hidden = Options.widths("hidden", o.getOrDefault("hidden", "500"));
        int[] custom = o.getOrDefault("ordering", "").contains(",") ? customOrdering(o.get("ordering"), d) : null;
        String ord = custom != null ? "custom" : Options.choice(o, "ordering", "natural", "natural", "random", "reverse");
        OrderingKind kind = ord.equals("random") ? OrderingKind.RANDOM : ord.equals("natural") ? OrderingKind.NATURAL : OrderingKind.CUSTOM;
        if (ord.equals("reverse")) custom = Orderings.reverse(d);
        DegreeRule rule = DegreeRule.valueOf(Options.choice(o, "rule", "uniform", "uniform", "even", "softmax").toUpperCase(Locale.ROOT));
        Conditional cond = Conditional.valueOf(Options.choice(o, "conditional", "bernoulli", "bernoulli", "gaussian", "mixture").toUpperCase(Locale.ROOT));
        int comps = cond == Conditional.MIXTURE ? (int) Options.integer(o, "components", 5, 1, MadeConfig.MAX_COMPONENTS) : 1;
        if (cond != Conditional.MIXTURE && o.containsKey("components")) throw new UsageException("--components needs --conditional mixture");
        try {
            return new MadeConfig(d, hidden, kind, custom, rule,
                    Options.number(o, "softmax-l", 0, -100, 100), Options.flag(o, "direct"),
                    (int) Options.integer(o, "masks", 1, 1, MadeConfig.MAX_MASKS), Options.flag(o, "order-agnostic"), cond, comps,
                    o.getOrDefault("activation", "relu"), seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code --ordering m1,m2,…}: m⁰ of each input in turn, a permutation of 1..D. */
    private static int[] customOrdering(String text, int d) throws UsageException {
        int[] m = Options.widths("ordering", text);
        if (m.length != d) throw new UsageException("--ordering lists " + m.length + " values for D = " + d + " inputs");
        boolean[] seen = new boolean[d + 1];
        for (int v : m) {
            if (v < 1 || v > d || seen[v]) throw new UsageException("--ordering must list each of 1.." + d + " once, got " + Quoted.of(text));
            seen[v] = true;
        }
        return m;
    }

    /** --optimizer, through the factory the app uses too ({@link OptimizerKind}); Adam by default. */
    static OptimizerKind optimizer(Map<String, String> o) throws UsageException {
        try {
            return OptimizerKind.byName(o.getOrDefault("optimizer", "adam"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--optimizer: " + e.getMessage());
        }
    }
}
