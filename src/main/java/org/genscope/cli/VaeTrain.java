package org.genscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.genscope.compare.Evaluator;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.io.Metadata;
import org.genscope.io.ModelFile;
import org.genscope.nn.Activations;
import org.genscope.nn.GemmBackends;
import org.genscope.nn.Optimizer;
import org.genscope.nn.OptimizerKind;
import org.genscope.train.CosineDecay;
import org.genscope.train.EarlyStopping;
import org.genscope.train.JobState;
import org.genscope.train.StagedDecay;
import org.genscope.train.TaskExecutor;
import org.genscope.train.TrainConfig;
import org.genscope.train.TrainingJob;
import org.genscope.vae.DecoderKind;
import org.genscope.vae.Evaluation;
import org.genscope.vae.Vae;
import org.genscope.vae.VaeConfig;
import org.genscope.vae.VaeFile;
import org.genscope.vae.VaeTrainable;

/**
 * {@code genscope train vae …}: trains a VAE (Kingma &amp; Welling 2014) with early stopping on the validation ELBO,
 * optionally writing a checkpoint every epoch and resuming from one bit for bit, then reports the test ELBO and
 * importance-sampled log-likelihood and saves the model.
 */
final class VaeTrain implements ModelVerb {
    static final List<String> OPTIONS = List.of("train", "valid", "test", "binarize", "limit", "toy", "noise", "size",
        "split", "standardize", "resize", "invert",
        "hidden", "encoder-hidden", "decoder-hidden", "activation", "encoder-activation", "decoder-activation", "latent",
        "decoder", "samples", "beta", "warmup", "schedule", "checkpoint", "resume", "out", "curves", "test-k", "columns", "label");

    @Override
    public String usage() {
        return """
                genscope train vae [--train FILE [--valid FILE] [--test FILE] | --toy NAME] [OPTIONS]
                  Trains a variational autoencoder (Kingma & Welling 2014) and saves it. Without --train or --toy:
                  binarized MNIST from sample-data/ (50k/10k/10k). A missing --valid/--test is cut from --train (10%% each).
                  data      --binarize T (1 where the intensity, in [0, 1], is above T; as train made)   --limit N (first N training examples)
                            --toy NAME [--noise S] [--size N]: 2-D points (%s), for --decoder gaussian
                  model     --hidden 200,200 (both sides; none for no hidden layer), or --encoder-hidden / --decoder-hidden
                            --activation %s (both sides), or --encoder-activation / --decoder-activation
                            --latent L (1-%d; default 50 for images, 2 otherwise)
                            --decoder bernoulli|gaussian (default: bernoulli for binary data and images)
                            --samples S (draws of z per example and step; 1)
                            --beta B (weight of the KL term; 1 is the ELBO)   --warmup N (β rises from 0 over N steps; 0)
                  training  --optimizer %s (adam)   --lr 0.001   --schedule constant|cosine|iwae (over --epochs;
                                     iwae: Burda et al.'s 8 stages, lr·10^(−i/7) for 3^i/3280 of the run)
                            --batch 100   --epochs 100   --seed 42
                            --patience 30 (epochs without a better validation ELBO before stopping; 0 = off)
                            --max-minutes M (stop after M minutes of training and keep the best so far)
                            --checkpoint FILE (written after every epoch and when training ends)
                            --resume FILE (continue a checkpoint exactly: give the same options as the run that wrote it)
                  output    --out vae.safetensors   --curves FILE (train/validation −ELBO curves: .svg plot, else CSV series,step,neg_elbo)
                            --test-k K (importance samples per test example for the final figures; 100)   --quiet true
                  Prints one line per epoch (train: the objective with β; valid: −ELBO), then the test ELBO, its
                  two terms and the importance-sampled log-likelihood (nats) of the best-validation parameters.
                """.formatted(org.genscope.data.Toy2D.names(), String.join("|", Activations.NAMES), VaeConfig.MAX_LATENT,
                OptimizerKind.names("|"));
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> o = Options.parse(args, Options.joined(OPTIONS, EpochTraining.OPTIONS));
        Options.noPositional(o);
        TrainSetup.Vae setup = setup(o, out);
        EpochTraining t = setup.training();
        long seed = t.seed();
        int batch = t.batch();
        int epochs = t.epochs();
        double lr = t.lr();
        OptimizerKind optimizer = t.optimizer();
        String schedule = setup.schedule();
        int testK = (int) Options.integer(o, "test-k", 100, 1, 100_000);
        Path outFile = CliFiles.output(o.getOrDefault("out", "vae.safetensors"), "out", "vae.safetensors");
        Path checkpoint = o.containsKey("checkpoint") ? CliFiles.output(o.get("checkpoint"), "checkpoint", "vae.ckpt") : null;
        Path resume = o.containsKey("resume") ? Path.of(o.get("resume")) : null;
        Path curves = o.containsKey("curves") ? CliFiles.output(o.get("curves"), "curves", "vae-elbo.svg") : null;
        DataSplits data = setup.data();
        VaeConfig config = setup.config();
        if (resume != null) requireSameModel(resume, config);

        Vae vae = new Vae(config);
        VaeTrainable task = new VaeTrainable(vae, data.train(), data.validation());
        Optimizer opt = optimizer.create(vae.params(), lr);
        int stepsPerEpoch = data.train().size() / Math.min(batch, data.train().size());
        TrainConfig.Builder tb = TrainConfig.builder().epochs(epochs).batchSize(batch).seed(seed)
                .payloadInterval(Duration.ofDays(365)).snapshotInterval(Duration.ofSeconds(1));
        if (checkpoint != null) tb.checkpoints(stepsPerEpoch, checkpoint);
        TrainConfig tc = tb.build();
        out.printf(Locale.ROOT, "VAE %s, %s/%s, %s decoder, S = %d, β = %s%s, %s lr %s%s, batch %d, GEMM %s%n",
                config.architecture(), config.encoderActivation(), config.decoderActivation(), config.decoder(),
                config.samples(), config.beta(), config.warmupSteps() > 0 ? " (warm-up " + config.warmupSteps() + " steps)" : "",
                optimizer, lr, schedule.equals("constant") ? "" : " (" + schedule + " schedule)", batch, GemmBackends.describe());
        out.printf(Locale.ROOT, "data: train %s, valid %s, test %s%n", data.train(), data.validation(), data.test());

        TrainingJob<?> job = new TrainingJob<>(task, opt, tc, TaskExecutor.currentThread());
        long totalSteps = (long) epochs * stepsPerEpoch;
        if (schedule.equals("cosine")) job.addListener(new CosineDecay(opt, lr, totalSteps));
        if (schedule.equals("iwae")) job.addListener(new StagedDecay(opt, lr, totalSteps));
        if (resume != null) {
            try {
                job.restore(resume).join();
            } catch (CompletionException e) {
                throw new CliException("cannot resume: " + e.getCause().getMessage());
            }
            out.printf(Locale.ROOT, "resumed from %s at step %d (epoch %d)%n", resume, job.latest().step(), job.latest().epoch());
        }
        int startEpoch = job.latest().epoch();
        EarlyStopping stop = t.stopping(job, vae.params(), out);
        stop.resumedAfter(startEpoch);
        long t0 = System.nanoTime();
        job.start();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (job.state() == JobState.FAILED) throw new CliException("training failed: " + job.latest().message());
        if (checkpoint != null) {
            job.saveCheckpoint(checkpoint).join();                // where this run stopped, to resume from
            out.println("checkpoint written to " + checkpoint);
        }
        if (curves != null) {
            CurveExport.write(curves, "VAE " + config.architecture() + ": negative ELBO", job.latest(), "−ELBO (nats)", "neg_elbo");
            out.println("curves written to " + curves);
        }
        if (!t.keepLast()) stop.restoreBest();

        out.printf(Locale.ROOT, "stopped after %d epochs (%.1f s, %.2f s/epoch%s); best validation −ELBO %.4f at epoch %d%n",
                stop.epochs(), seconds, seconds / Math.max(1, stop.epochs() - startEpoch),
                stop.outOfTime() ? ", time budget reached" : "", stop.best(), stop.bestEpoch());
        // the samples genscope eval vae draws by default: the figure printed here is the one eval prints for the file
        Evaluation e = Evaluator.vae(vae, data.test().x(), testK, Evaluator.SEED, VaeEval.progress(out, testK));
        VaeEval.print(out, e, "test", outFile.toString());
        int active = vae.latentStatistics(data.test().x()).activeUnits();
        out.printf(Locale.ROOT, "active units %d of %d%n", active, config.latent());

        Metadata meta = Metadata.builder().putAll(task.metadata()).seed(seed)
                .hyperparameter("optimizer", optimizer.toString()).hyperparameter("learning_rate", lr)
                .hyperparameter("schedule", schedule).hyperparameter("batch_size", Integer.toString(batch))
                .hyperparameter("epochs", Integer.toString(epochs)).hyperparameter("patience", Integer.toString(t.patience()))
                .metric("test_elbo", e.meanElbo()).metric("test_reconstruction", e.meanReconstruction()).metric("test_kl", e.meanKl())
                .metric("test_log_likelihood", e.meanLogLikelihood()).metric("validation_elbo", -stop.best())
                .metric("train_seconds", seconds)
                .put(Metadata.METRIC + "test_k", Integer.toString(testK))
                .put(Metadata.METRIC + "active_units", Integer.toString(active))
                .put(Metadata.METRIC + "best_epoch", Integer.toString(stop.bestEpoch()))
                .put(Metadata.METRIC + "epochs", Integer.toString(stop.epochs()));
        try {
            VaeFile.save(outFile, vae, meta.build());
        } catch (IOException ex) {
            throw new CliException("cannot write " + outFile + ": " + ex.getMessage());
        }
        out.println("saved " + outFile);
        return 0;
    }

    /** What the options train, without training: the data (checked against the decoder), the model, the training. */
    static TrainSetup.Vae setup(Map<String, String> o, PrintStream out) throws UsageException, CliException {
        EpochTraining t = EpochTraining.parse(o, 100);
        String schedule = Options.choice(o, "schedule", "constant", "constant", "cosine", "iwae");
        DataSplits data = splits(o, t.seed(), out);
        VaeConfig config = config(o, data.train(), t.seed());
        if (config.decoder() == DecoderKind.BERNOULLI) {
            for (Dataset d : List.of(data.train(), data.validation(), data.test())) {
                MadeData.requireBinary(d, "a Bernoulli decoder", "--decoder gaussian");
            }
        }
        return new TrainSetup.Vae(data, config, t, schedule);
    }

    /** Files (--train), a 2-D toy (--toy) or binarized MNIST. */
    private static DataSplits splits(Map<String, String> o, long seed, PrintStream out) throws UsageException, CliException {
        if (!o.containsKey("toy")) {
            for (String k : List.of("noise", "size")) if (o.containsKey(k)) throw new UsageException("--" + k + " needs --toy");
        }
        return MadeData.splits(o, seed, out);
    }

    /**
     * The model configuration from the options over {@link VaeConfig#defaults}; without --decoder, Bernoulli for
     * binary data and for images (grey levels then get the advice to binarize), Gaussian otherwise.
     */
    static VaeConfig config(Map<String, String> o, Dataset train, long seed) throws UsageException {
        int d = train.dimension();
        VaeConfig c = VaeConfig.defaults(d);
        boolean binary = train.isImage() || org.genscope.data.Binarization.isBinary(train.x().data);
        c = c.withDecoder(binary ? DecoderKind.BERNOULLI : DecoderKind.GAUSSIAN);
        int[] both = o.containsKey("hidden") ? Options.widths("hidden", o.get("hidden")) : null;
        int[] enc = o.containsKey("encoder-hidden") ? Options.widths("encoder-hidden", o.get("encoder-hidden")) : both != null ? both : c.encoderHidden();
        int[] dec = o.containsKey("decoder-hidden") ? Options.widths("decoder-hidden", o.get("decoder-hidden")) : both != null ? both : c.decoderHidden();
        String act = o.getOrDefault("activation", c.encoderActivation());
        try {
            DecoderKind kind = o.containsKey("decoder") ? DecoderKind.byName(o.get("decoder")) : c.decoder();
            return new VaeConfig(d, enc, o.getOrDefault("encoder-activation", act),
                    (int) Options.integer(o, "latent", c.latent(), Integer.MIN_VALUE, Integer.MAX_VALUE),
                    dec, o.getOrDefault("decoder-activation", act), kind,
                    (int) Options.integer(o, "samples", 1, Integer.MIN_VALUE, Integer.MAX_VALUE),
                    Options.number(o, "beta", 1, -Double.MAX_VALUE, Double.MAX_VALUE),
                    Options.integer(o, "warmup", 0, Long.MIN_VALUE, Long.MAX_VALUE), seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** A checkpoint must hold the VAE these options describe (its tensors would fit a different one silently otherwise). */
    private static void requireSameModel(Path file, VaeConfig config) throws CliException {
        VaeConfig saved;
        try {
            saved = VaeFile.config(ModelFile.read(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CliException(file + ": no such file");
        } catch (IOException e) {
            throw new CliException(e.getMessage().replace('\n', ' '));
        }
        if (!saved.equals(config)) {
            throw new CliException(file + ": holds " + saved + ", but these options describe " + config
                    + "; resume with the options of the run that wrote it");
        }
    }
}
