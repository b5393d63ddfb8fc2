package org.genscope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genscope.compare.Evaluator;
import org.genscope.data.DataSplits;
import org.genscope.flow.FlowDiagnostics;
import org.genscope.flow.FlowFile;
import org.genscope.flow.FlowModel;
import org.genscope.flow.FlowPayload;
import org.genscope.flow.FlowPreset;
import org.genscope.flow.FlowSpec;
import org.genscope.flow.FlowTrainable;
import org.genscope.flow.FlowTraining;
import org.genscope.io.Metadata;
import org.genscope.train.JobState;
import org.genscope.train.TaskExecutor;
import org.genscope.train.TrainConfig;
import org.genscope.train.TrainingJob;

/** {@code genscope train flow …}: maximum-likelihood training of a normalizing flow, test NLL, model file. */
final class FlowTrain implements ModelVerb {
    static final String[] OPTIONS = {"preset", "layers", "base", "activation", "scale-bound", "toy", "noise", "size",
        "train", "valid", "test", "steps", "batch", "lr", "schedule", "seed", "every", "out", "curves", "columns", "label",
        "split", "standardize", "resize", "invert"};

    @Override
    public String usage() {
        return """
                genscope train flow [--preset ID] [--layers SPEC] [DATA] [OPTIONS]
                  Trains a normalizing flow by maximum likelihood (Adam) and saves it.
                  presets   %s
                            (a preset sets layers, data and training; options given as well override it)
                  model     --layers SPEC, comma-separated, *N repeats: nice:64-64 realnvp:64-64 scale actnorm
                                     linear glow:64-64 maf:64-64 iaf:64-64 reverse shuffle   (default realnvp:64-64*8)
                            --base standard|learnable   --activation relu|tanh|elu|...   --scale-bound 3
                  data      --toy NAME [--noise S] [--size N]   (%s; default moons)
                            or --train FILE [--valid FILE] [--test FILE] (CSV/NPY of points; missing splits: 10%% each)
                %s
                  training  --steps 3000   --batch 256   --lr 0.002   --schedule cosine|constant   --seed 42
                  output    --out flow.safetensors   --every 500 (steps between progress lines; 0 = none)
                            --curves FILE (train/validation NLL curves: .svg plot, else CSV)
                  Prints the test NLL in nats, and for toys with a closed-form entropy H the gap NLL − H.
                """.formatted(FlowPreset.ids(), org.genscope.data.Toy2D.names(), MadeData.columnsHelp("            "));
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> o = Options.parse(args, OPTIONS);
        Options.noPositional(o);
        TrainSetup.Flow setup = setup(o, out);
        FlowPreset preset = preset(o);
        long seed = setup.seed();
        int steps = setup.steps();
        int batch = setup.batch();
        double lr = setup.lr();
        String schedule = setup.cosine() ? "cosine" : "constant";
        int every = (int) Options.integer(o, "every", 500, 0, Integer.MAX_VALUE);
        Path outFile = CliFiles.output(o.getOrDefault("out", "flow.safetensors"), "out", "flow.safetensors");
        Path curves = o.containsKey("curves") ? CliFiles.output(o.get("curves"), "curves", "flow-nll.svg") : null;
        FlowSpec spec = setup.spec();
        DataSplits data = setup.data();
        double entropy = FlowData.entropy(o, preset);

        FlowModel model;
        try {
            model = spec.build(data.train().dimension());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        FlowTrainable task = new FlowTrainable(model, data.train(), data.validation(), null);
        TrainConfig tc = TrainConfig.builder().maxSteps(steps).batchSize(Math.min(batch, data.train().size())).seed(seed)
                .evalEvery(every > 0 ? every : Math.max(1, steps / 20)).payloadInterval(Duration.ofDays(365)).snapshotInterval(Duration.ofSeconds(1)).build();
        out.printf(Locale.ROOT, "flow on %d variables: %s, %s networks, %d parameters%n", model.dimension(), spec.describe(), spec.activation(),
                model.params().stream().mapToInt(p -> p.size()).sum());
        out.printf(Locale.ROOT, "data: train %s, valid %s, test %s%n", data.train(), data.validation(), data.test());
        out.printf(Locale.ROOT, "training: %d steps, batch %d, Adam lr %s (%s)%n", steps, tc.batchSize(), lr, schedule);

        TrainingJob<FlowPayload> job = FlowTraining.job(task, tc, lr, schedule.equals("cosine"), TaskExecutor.currentThread());
        long t0 = System.nanoTime();
        if (every > 0) job.addListener(ProgressLines.perValidation(out));
        job.start();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (job.state() == JobState.FAILED) throw new CliException("training failed: " + job.latest().message());

        String noFigure = null;
        double testNll = Double.NaN;
        double inverseError = Double.NaN;
        try {
            testNll = Figures.of(() -> Evaluator.flow(model, data.test().x(), "the trained flow", data.test().source())).value();
            inverseError = Finite.figure(FlowDiagnostics.inverseError(model, data.test().x()),
                    "the inversion error max |f⁻¹(f(x)) − x| on " + data.test().source(), "the trained flow");
        } catch (CliException e) {
            noFigure = e.getMessage();
        }
        out.printf(Locale.ROOT, "trained %d steps in %.1f s (%.2f ms/step)%n", steps, seconds, 1000 * seconds / steps);
        if (noFigure == null) {
            out.printf(Locale.ROOT, "test NLL %.4f nats; max |f⁻¹(f(x)) − x| = %.2g%n", testNll, inverseError);
            if (!Double.isNaN(entropy)) out.printf(Locale.ROOT, "entropy H = %.4f nats (closed form); gap NLL − H = %.4f%n", entropy, testNll - entropy);
        }

        Metadata meta = Metadata.builder().putAll(task.metadata()).seed(seed)
                .hyperparameter("optimizer", FlowTraining.OPTIMIZER.toString()).hyperparameter("learning_rate", lr).hyperparameter("schedule", schedule)
                .hyperparameter("batch_size", Integer.toString(tc.batchSize())).hyperparameter("steps", Integer.toString(steps))
                .metric("train_seconds", seconds);
        if (noFigure == null) meta.metric("test_nll", testNll).metric("inverse_error", inverseError);
        if (!Double.isNaN(entropy)) meta.metric("entropy", entropy);
        CliFiles.write(outFile, f -> FlowFile.save(f, model, meta.build()));
        out.println("saved " + outFile);
        if (curves != null) {
            CurveExport.write(curves, "Flow " + spec.layersText() + ": negative log-likelihood", job.latest());
            out.println("curves written to " + curves);
        }
        if (noFigure != null) throw new CliException(noFigure + "; the model is saved to " + outFile + " without a test NLL");
        return 0;
    }

    /** What the options train (a preset's settings under those given), without training. */
    static TrainSetup.Flow setup(Map<String, String> o, PrintStream out) throws UsageException, CliException {
        FlowPreset preset = preset(o);
        long seed = Options.integer(o, "seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
        int steps = (int) Options.integer(o, "steps", preset != null ? preset.steps() : 3000, 1, 100_000_000);
        int batch = (int) Options.integer(o, "batch", preset != null ? preset.batchSize() : 256, 1, 1_000_000);
        double lr = Options.number(o, "lr", preset != null ? preset.learningRate() : 2e-3, 1e-12, 10);
        String schedule = Options.choice(o, "schedule", "cosine", "cosine", "constant");
        FlowSpec spec = spec(o, preset, seed);
        DataSplits data = FlowData.splits(o, preset, seed, out);
        return new TrainSetup.Flow(data, spec, steps, batch, lr, schedule.equals("cosine"), seed);
    }

    private static FlowPreset preset(Map<String, String> o) throws UsageException {
        if (!o.containsKey("preset")) return null;
        try {
            return FlowPreset.byId(o.get("preset"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The spec from --layers/--base/--activation/--scale-bound over the preset's (or RealNVP×8). */
    private static FlowSpec spec(Map<String, String> o, FlowPreset preset, long seed) throws UsageException {
        try {
            FlowSpec s = preset != null ? preset.spec() : FlowSpec.parse("realnvp:64-64*8");
            if (o.containsKey("layers")) s = s.withLayers(FlowSpec.parseLayers(o.get("layers")));
            String base = Options.choice(o, "base", s.learnableBase() ? "learnable" : "standard", "standard", "learnable");
            return s.withLearnableBase(base.equals("learnable")).withActivation(o.getOrDefault("activation", s.activation()))
                    .withScaleBound(Options.number(o, "scale-bound", s.scaleBound(), 1e-3, 100)).withSeed(seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
