package org.genscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genscope.compare.Evaluator;
import org.genscope.data.Dataset;
import org.genscope.io.Metadata;
import org.genscope.nn.GemmBackends;
import org.genscope.nn.OptimizerKind;
import org.genscope.train.EarlyStopping;
import org.genscope.train.JobState;
import org.genscope.train.TaskExecutor;
import org.genscope.train.TrainConfig;
import org.genscope.train.TrainingJob;
import org.genscope.wta.ProbeResult;
import org.genscope.wta.WtaAutoencoder;
import org.genscope.wta.WtaConfig;
import org.genscope.wta.WtaFile;
import org.genscope.wta.WtaKind;
import org.genscope.wta.WtaPreset;
import org.genscope.wta.WtaTrainable;

/**
 * {@code genscope train wta …}: trains an FC- or Conv-WTA (Makhzani &amp; Frey 2015), reports its reconstruction
 * error on MNIST t10k and the test error of a linear classifier on its features, and saves it.
 */
final class WtaTrain implements ModelVerb {
    static final String[] OPTIONS = {"keep", "binarize", "resize", "invert", "preset", "kind", "hidden", "maps", "k", "spatial", "train", "valid",
        "valid-size", "limit", "epochs", "max-minutes", "batch", "lr", "weight-decay", "optimizer", "seed", "out", "curves", "probe",
        "probe-epochs", "patience", "eval-every", "checkpoint", "checkpoint-every", "quiet", "filter", "decoder-filter"};

    @Override
    public String usage() {
        return """
                genscope train wta [--preset %s] [--kind fc|conv] [OPTIONS]
                  Trains a winner-take-all autoencoder (Makhzani & Frey 2015) and saves it. Without --train: the
                  50,000 binarized-MNIST training images, validated on the first --valid-size 1000 of its validation
                  split; then the reconstruction error on MNIST t10k and a linear classifier on the features of the
                  labelled 10k sample, tested on t10k.
                  model     --kind fc: --hidden 2000[,2000]   (ReLU encoder widths; default 2000)
                            --kind conv: --maps 128[,128]      (maps of each 5×5 convolution; one number = two layers)
                            --k 5   (lifetime sparsity, percent of the mini-batch each unit keeps, in (0, 100];
                                     100 = off)   --spatial true|false (conv: one winner per map; default true)
                            --filter 5   --decoder-filter 11 (conv: odd filter sizes, at most the image size)
                  data      --train FILE   --valid FILE   --valid-size N   --limit N (first N training images)
                            (IDX/CSV/NPY images; grey levels above 1 are divided by the file's maximum; the
                            model takes the images' size; t10k and the classifier need 28×28)
                  training  --epochs 50   --max-minutes M (stop after M minutes, keep the best)   --batch 100
                            --optimizer %s (adam)   --lr 0.001   --weight-decay 0 (decoupled λ: each step
                            w ← w·(1 − lr·λ); the conv-plain preset's 10 makes its delta filters)
                            --seed 42   --patience 0 (epochs without a better
                            validation error before stopping; 0 = off)   --eval-every STEPS (default: each epoch)
                            --checkpoint FILE --checkpoint-every STEPS (a checkpoint also opens as a model file)
                  output    --out wta.safetensors   --curves FILE (.svg plot, else CSV)   --quiet true
                            --probe true|false (the linear classifier; default true)   --probe-epochs 30
                """.formatted(String.join("|", Arrays.stream(WtaPreset.values()).map(WtaPreset::key).toList()),
                OptimizerKind.names("|"));
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> o = Options.parse(args, OPTIONS);
        Options.noPositional(o);
        TrainSetup.Wta setup = setup(o, out);
        long seed = setup.seed();
        Dataset train = setup.train();
        WtaConfig config = setup.config();
        double lr = setup.lr();
        double weightDecay = setup.weightDecay();
        int batch = setup.batch();
        int epochs = setup.epochs();
        int patience = setup.patience();
        long evalEvery = Options.integer(o, "eval-every", 0, 0, Long.MAX_VALUE);
        double budget = Options.number(o, "max-minutes", 0, 0, 1e7);
        int probeEpochs = (int) Options.integer(o, "probe-epochs", 30, 1, 100_000);
        boolean probe = Options.flag(o, "probe") || !o.containsKey("probe");
        boolean quiet = Options.flag(o, "quiet");
        OptimizerKind optimizer = setup.optimizer();
        Path outFile = CliFiles.output(o.getOrDefault("out", "wta.safetensors"), "out", "wta.safetensors");
        Path curves = o.containsKey("curves") ? CliFiles.output(o.get("curves"), "curves", "wta-mse.svg") : null;
        Path checkpoint = o.containsKey("checkpoint") ? CliFiles.output(o.get("checkpoint"), "checkpoint", "wta.ckpt") : null;
        long checkpointEvery = Options.integer(o, "checkpoint-every", o.containsKey("checkpoint") ? 500 : 0, 0, Long.MAX_VALUE);
        if (checkpointEvery > 0 && !o.containsKey("checkpoint")) throw new UsageException("--checkpoint-every needs --checkpoint FILE");

        Dataset valid = setup.validation();
        boolean mnist = config.height() == 28 && config.width() == 28;
        Dataset test = mnist ? WtaData.sample(WtaData.Which.TEST) : null;

        WtaAutoencoder ae = WtaAutoencoder.create(config);
        WtaTrainable task = new WtaTrainable(ae, train, valid);
        TrainConfig.Builder tc = TrainConfig.builder().epochs(epochs).batchSize(batch).seed(seed).evalEvery(evalEvery)
                .payloadInterval(Duration.ofDays(365)).snapshotInterval(Duration.ofSeconds(1));
        if (checkpointEvery > 0) tc.checkpoints(checkpointEvery, checkpoint);
        out.printf(Locale.ROOT, "WTA %s (%s), %d parameters, %s lr %s%s, batch %d, GEMM %s%n", config.architecture(),
                config.sparsity(), config.parameterCount(), optimizer, lr,
                weightDecay > 0 ? ", weight decay " + weightDecay : "", batch, GemmBackends.describe());
        out.printf(Locale.ROOT, "data: train %s, valid %s%n", train, valid == null ? "none" : valid);

        TrainingJob<?> job = new TrainingJob<>(task, optimizer.create(ae.params(), lr, weightDecay), tc.build(), TaskExecutor.currentThread());
        EarlyStopping stop = new EarlyStopping(ae.params(), patience, job::stop);
        if (budget > 0) stop.setTimeBudget(Duration.ofNanos((long) (budget * 60e9)));
        job.addListener(stop);
        if (!quiet) job.addListener(evalEvery > 0 ? ProgressLines.perValidation(out) : ProgressLines.perEpoch(out, stop));
        long t0 = System.nanoTime();
        job.start();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (job.state() == JobState.FAILED) throw new CliException("training failed: " + job.latest().message());
        if (curves != null) {
            CurveExport.write(curves, "WTA " + config.architecture() + ": reconstruction error (MSE per pixel)",
                    job.latest(), "MSE per pixel", "mse");
            out.println("curves written to " + curves);
        }
        if (!setup.keepLast()) stop.restoreBest();
        long steps = job.latest().step();
        out.printf(Locale.ROOT, "trained %d steps, %d epochs (%.1f s, %.2f s/epoch%s); %s%n", steps,
                stop.epochs(), seconds, seconds / Math.max(1e-9, (double) steps * batch / train.size()),
                stop.outOfTime() ? ", time budget reached" : "",
                Double.isFinite(stop.best()) ? String.format(Locale.ROOT, "best validation MSE %.5f", stop.best())
                        : "no validation data (the last parameters are kept)");
        Metadata meta = Metadata.builder().putAll(task.metadata()).seed(seed)
                .hyperparameter("optimizer", optimizer.toString()).hyperparameter("learning_rate", lr)
                .hyperparameter("weight_decay", weightDecay)
                .hyperparameter("batch_size", Integer.toString(batch)).hyperparameter("epochs", Integer.toString(epochs))
                .metric("train_seconds", seconds)
                .put(Metadata.METRIC + "steps", Long.toString(steps));
        if (Double.isFinite(stop.best())) meta.metric("validation_mse", stop.best());
        if (test != null) {
            double testMse = Figures.of(() -> Evaluator.reconstruction(ae, test.x(), outFile.toString())).value();
            out.printf(Locale.ROOT, "reconstruction error on %s: %.5f per pixel (squared, sparsity as in training)%n",
                    test.name(), testMse);
            meta.metric("test_mse", testMse);
        } else {
            out.println("not 28×28 images: no MNIST t10k reconstruction error and no MNIST classifier");
        }
        if (probe && test != null) {
            ProbeResult r = WtaProbeReport.run(ae, probeEpochs, out);
            meta.metric("probe_test_error", r.testError());
        }
        try {
            WtaFile.save(outFile, ae, meta.build());
        } catch (IOException e) {
            throw new CliException("cannot write " + outFile + ": " + e.getMessage());
        }
        out.println("saved " + outFile);
        return 0;
    }

    private static double presetLr(Map<String, String> o) throws UsageException {
        return o.containsKey("preset") ? preset(o).learningRate : 1e-3;
    }

    private static WtaPreset preset(Map<String, String> o) throws UsageException {
        try {
            return WtaPreset.byKey(o.get("preset"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--preset: " + e.getMessage());
        }
    }

    /** The model from --preset and/or --kind, --hidden/--maps, --k, --spatial (explicit options win). */
    static WtaConfig config(Map<String, String> o, long seed, int height, int width) throws UsageException {
        WtaConfig base = o.containsKey("preset") ? preset(o).config : null;
        String kindName = o.getOrDefault("kind", base == null ? "fc" : base.kind().name().toLowerCase(Locale.ROOT));
        WtaKind kind = switch (kindName.toLowerCase(Locale.ROOT)) {
            case "fc" -> WtaKind.FC;
            case "conv" -> WtaKind.CONV;
            default -> throw new UsageException("--kind must be fc or conv, got '" + kindName + "'");
        };
        if (base != null && base.kind() != kind) base = null;
        if (kind == WtaKind.FC && o.containsKey("maps")) throw new UsageException("--maps is for --kind conv; an FC-WTA takes --hidden");
        if (kind == WtaKind.CONV && o.containsKey("hidden")) throw new UsageException("--hidden is for --kind fc; a Conv-WTA takes --maps");
        if (kind == WtaKind.FC && o.containsKey("spatial") && Options.flag(o, "spatial")) {
            throw new UsageException("spatial sparsity acts on feature maps; an FC-WTA has none (use --kind conv)");
        }
        int[] widths;
        if (kind == WtaKind.FC) {
            widths = o.containsKey("hidden") ? ints(o, "hidden") : base != null ? base.hidden() : new int[] {2000};
        } else {
            widths = o.containsKey("maps") ? ints(o, "maps") : base != null ? base.hidden() : new int[] {128, 128};
            if (widths.length == 1) widths = new int[] {widths[0], widths[0]};
        }
        double k = Options.number(o, "k", base != null ? base.kPercent() : 5, -1e9, 1e9);
        boolean spatial = kind == WtaKind.CONV && (o.containsKey("spatial") ? Options.flag(o, "spatial")
                : base == null || base.spatial());
        int filter = (int) Options.integer(o, "filter", base != null && base.kind() == kind ? base.encoderKernel() : 5, -1_000_000, 1_000_000);
        int decoder = (int) Options.integer(o, "decoder-filter", base != null && base.kind() == kind ? base.decoderKernel() : 11, -1_000_000, 1_000_000);
        if (kind == WtaKind.FC && (o.containsKey("filter") || o.containsKey("decoder-filter"))) {
            throw new UsageException("--filter and --decoder-filter are for --kind conv");
        }
        try {
            return kind == WtaKind.FC ? WtaConfig.fc(height, width, k, seed, widths)
                    : new WtaConfig(WtaKind.CONV, height, width, widths, filter, decoder, k, spatial, seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** What the options train, without training: the images (checked against the model), the model, the training. */
    static TrainSetup.Wta setup(Map<String, String> o, PrintStream out) throws UsageException, CliException {
        long seed = Options.integer(o, "seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
        config(o, seed, 28, 28);                           // bad settings fail before any data is read
        double lr = Options.number(o, "lr", presetLr(o), 1e-12, 100);
        double weightDecay = Options.number(o, "weight-decay", o.containsKey("preset") ? preset(o).weightDecay : 0, 0,
                1e6);
        if (lr * weightDecay >= 1) {
            throw new UsageException("--weight-decay " + weightDecay + " with --lr " + lr + " would shrink every weight to "
                    + "zero or below each step (lr·λ must be < 1)");
        }
        Dataset train = WtaData.train(o, out);
        int[] hw = WtaData.imageSize(train);
        WtaConfig config = config(o, seed, hw[0], hw[1]);
        int batch = (int) Options.integer(o, "batch", 100, 1, 1_000_000);
        int epochs = (int) Options.integer(o, "epochs", 50, 1, 1_000_000);
        int patience = (int) Options.integer(o, "patience", 0, 0, 1_000_000);
        Dataset valid = WtaData.validation(o, out);
        if (valid != null) WtaData.requireFits(valid, config, "a " + config.architecture() + " autoencoder");
        return new TrainSetup.Wta(train, valid, config, MadeTrain.optimizer(o), lr, weightDecay, batch, epochs, patience,
                EpochTraining.keepLast(o), seed);
    }

    private static int[] ints(Map<String, String> o, String key) throws UsageException {
        String s = o.get(key);
        try {
            return Arrays.stream(s.split(",")).mapToInt(w -> Integer.parseInt(w.trim())).toArray();
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " expects numbers like 128 or 128,128, got '" + s + "'");
        }
    }
}
