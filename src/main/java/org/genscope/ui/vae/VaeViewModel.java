package org.genscope.ui.vae;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.genscope.PlainNumber;
import org.genscope.cli.TrainCommand;
import org.genscope.data.DataOrigin;
import org.genscope.compare.TestSet;
import org.genscope.compare.Entry;
import org.genscope.compare.Candidate;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.data.SampleData;
import org.genscope.io.ModelFile;
import org.genscope.nn.OptimizerKind;
import org.genscope.train.JobState;
import org.genscope.train.TaskExecutor;
import org.genscope.train.TrainConfig;
import org.genscope.train.TrainingJob;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.shell.DatasetTarget;
import org.genscope.ui.train.RunLifecycle;
import org.genscope.vae.DecoderKind;
import org.genscope.vae.Vae;
import org.genscope.vae.VaeConfig;
import org.genscope.vae.VaePayload;
import org.genscope.vae.VaeTrainable;

/**
 * The VAE workspace's state, free of controls (unit-tested without a window): preset, data and settings with their
 * validation ({@link VaeSettings}), the run — new, or a model opened from a file ({@link VaeOpening}) — and the two
 * views that work on a trained model: the latent space ({@link LatentViewModel}) and the evaluation
 * ({@link EvaluationViewModel}).
 */
public final class VaeViewModel {
    /** A run as the views show it: what it trains on and the model's configuration. */
    record RunData(VaeData source, PreparedData data, VaeConfig config) {}

    private DataOrigin openedOrigin;
    private final UiExecutor ui;
    private final StringProperty message;
    private final ObservableList<VaeData> dataChoices = FXCollections.observableArrayList(VaeData.all());
    private final ObjectProperty<VaePreset> preset = new SimpleObjectProperty<>();
    private final ObjectProperty<VaeData> data = new SimpleObjectProperty<>(VaeData.LABELLED_MNIST);
    private final BooleanProperty binarize = new SimpleBooleanProperty(true);
    private final StringProperty hidden = new SimpleStringProperty();
    private final StringProperty activation = new SimpleStringProperty();
    private final ObjectProperty<Integer> latent = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> samples = new SimpleObjectProperty<>();
    private final StringProperty beta = new SimpleStringProperty();
    private final ObjectProperty<Integer> warmup = new SimpleObjectProperty<>();
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>();
    private final StringProperty learningRate = new SimpleStringProperty();
    private final ObjectProperty<Integer> epochs = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> batch = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> seed = new SimpleObjectProperty<>(1);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty dataNote = new SimpleStringProperty("");
    private final StringProperty presetNote = new SimpleStringProperty("");
    private final BooleanProperty binarizable = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<RunData> runData = new ReadOnlyObjectWrapper<>();
    private final RunLifecycle<Vae, VaePayload> run;
    private final LatentViewModel latentSpace;
    private final EvaluationViewModel evaluation;
    private final VaeOpening opening;
    private final StringBinding outOfDate;
    private DataSplits painted;
    private OpenedFile file;
    private boolean loadingPreset;

    /** @param message the status bar's line for the outcome of the latest action */
    public VaeViewModel(UiExecutor ui, StringProperty message) {
        this.ui = ui;
        this.message = message;
        run = new RunLifecycle<>("VAE", ui, error, message);
        run.setPlanner(this::plan);
        latentSpace = new LatentViewModel(ui, message);
        evaluation = new EvaluationViewModel(ui);
        opening = new VaeOpening(this);
        applyRecipe(data.get().recipe());
        describeData();
        data.addListener((o, a, d) -> {
            if (!loadingPreset && d != null) applyRecipe(d.recipe());
            describeData();
        });
        outOfDate = Bindings.createStringBinding(this::outOfDateReason, runData, data, binarize, hidden, activation,
                latent, samples, beta, warmup, run.job().stateProperty());
        for (ObservableValue<?> edited : List.of(data, binarize, hidden, activation, latent, samples, beta, warmup,
                optimizer, learningRate, epochs, batch)) {
            edited.addListener((o, a, b) -> {
                if (!loadingPreset) {
                    preset.set(null);
                    presetNote.set("");
                }
            });
        }
        preset.addListener((o, a, p) -> {
            if (p != null) loadPreset(p);
        });
    }

    private void loadPreset(VaePreset p) {
        loadingPreset = true;
        try {
            data.set(p.data().kind() == VaeData.Kind.TOY ? toyChoice(p.data()) : p.data());
            binarize.set(true);
            applyRecipe(p.recipe());
            presetNote.set(p.lesson());
        } finally {
            loadingPreset = false;
        }
    }

    private VaeData toyChoice(VaeData toy) {
        return dataChoices.stream().filter(d -> d.toy() == toy.toy()).findFirst().orElseThrow();
    }

    private void applyRecipe(VaeRecipe r) {
        hidden.set(r.hidden());
        activation.set(r.activation());
        latent.set(r.latent());
        samples.set(r.samples());
        beta.set(number(r.beta()));
        warmup.set(r.warmup());
        optimizer.set(r.optimizer());
        learningRate.set(number(r.learningRate()));
        epochs.set(r.epochs());
        batch.set(r.batch());
    }

    /** The settings take over an opened model's configuration (a model is shown as the settings that built it). */
    void adopt(VaeConfig c) {
        hidden.set(VaeSettings.widthsText(c.encoderHidden(), c.decoderHidden()));
        activation.set(c.encoderActivation());
        latent.set(c.latent());
        samples.set(c.samples());
        beta.set(number(c.beta()));
        warmup.set((int) Math.min(Integer.MAX_VALUE, c.warmupSteps()));
        seed.set((int) Math.max(0, Math.min(Integer.MAX_VALUE, c.seed())));
    }

    /** A setting's number as the fields show it: 8, 0.001. */
    static String number(double v) {
        return PlainNumber.of(v);
    }

    private void describeData() {
        VaeData d = data.get();
        binarizable.set(d.kind() == VaeData.Kind.LABELLED_MNIST || d.kind() == VaeData.Kind.FILE && file != null && file.greyImages());
        dataNote.set(switch (d.kind()) {
            case BINARIZED_MNIST -> "The benchmark of the VAE and IWAE papers (Salakhutdinov & Murray's binarization): "
                    + "50,000 training, 10,000 validation and 10,000 test digits. The latent space shows the MNIST test "
                    + "digits with their labels.";
            case LABELLED_MNIST -> "10,000 labelled digits (9,000 train, 1,000 validate), grey levels binarized; the "
                    + "10,000 MNIST test digits are the test set and the latent space's dots.";
            case TOY -> "A 2-D density, " + d.toy().description() + ": 20,000 points (80/10/10), a Gaussian decoder.";
            case PAINTED -> painted == null ? "Paint a density in the Paint tab and press “Use as training data”."
                    : String.format(Locale.ROOT, "Your painted density: %,d training points, a Gaussian decoder.",
                    painted.train().size());
            case FILE -> file == null ? "Open a file with File ▸ Open dataset (Ctrl+O): binary or grey-level images, "
                    + "or 2-D points." : file.note();
        });
    }

    /** The settings as typed, checked; throws with the sentence for the error line. */
    VaeSettings settings() {
        return VaeSettings.parse(hidden.get(), activation.get(), value(latent), value(samples), beta.get(), value(warmup),
                optimizer.get(), learningRate.get(), value(epochs), value(batch), value(seed));
    }

    private static int value(ObjectProperty<Integer> p) {
        return p.get() == null ? 0 : p.get();
    }

    /** D and the decoder of the chosen data, known before it is loaded; throws if it cannot train yet. */
    private int[] shapeOfChoice() {
        VaeData d = data.get();
        switch (d.kind()) {
            case LABELLED_MNIST -> {
                if (!binarize.get()) throw new IllegalArgumentException(VaeDatasets.greyRefusal(fileName(SampleData.MNIST_SAMPLE_IMAGES)));
            }
            case PAINTED -> {
                if (painted == null) throw new IllegalArgumentException("Nothing painted yet: paint a density in the Paint tab and press “Use as training data”.");
            }
            case FILE -> {
                if (file == null) throw new IllegalArgumentException("No file opened yet: open one with File ▸ Open dataset (Ctrl+O).");
                if (file.greyImages() && !binarize.get()) throw new IllegalArgumentException(VaeDatasets.greyRefusal(file.name()));
                return new int[] {file.inputs(), file.binary() || file.greyImages() ? 1 : 0};
            }
            default -> { }
        }
        return new int[] {d.mnist() ? 784 : 2, d.mnist() ? 1 : 0};
    }

    private static String fileName(String sampleFile) {
        return sampleFile.substring(sampleFile.lastIndexOf('/') + 1);
    }

    /** The run lifecycle's planner: a new VAE from the settings, or an opened one, on the chosen data. */
    private Callable<RunLifecycle.Prepared<VaePayload>> plan(Vae opened) {
        VaeSettings s = settings();
        int[] shape = shapeOfChoice();
        DecoderKind decoder = shape[1] == 1 ? DecoderKind.BERNOULLI : DecoderKind.GAUSSIAN;
        VaeConfig config = opened != null ? opened.config() : s.config(shape[0], decoder);
        VaeData source = data.get();
        boolean bin = binarize.get();
        DataSplits paintedNow = painted;
        OpenedFile fileNow = file;
        TrainCommand command = TrainCommand.vae(config, s.epochs(), s.batch(), s.optimizer(), s.learningRate(), switch (source.kind()) {
            case BINARIZED_MNIST -> new TrainCommand.Mnist();
            case LABELLED_MNIST -> new TrainCommand.Unnamed("the labelled MNIST sample as the workspace prepares it (binarized"
                    + " by one fixed random draw, 90/10 by the seed, tested on MNIST t10k)");
            case TOY -> new TrainCommand.Toy(source.toy(), VaeDatasets.TOY_POINTS, VaeDatasets.TOY_NOISE, VaeDatasets.VALID, VaeDatasets.TEST);
            case PAINTED -> new TrainCommand.Points("painted", paintedNow);
            case FILE -> fileNow == null || openedOrigin == null ? new TrainCommand.Unnamed("the file opened")
                    : fileNow.greyImages() ? new TrainCommand.Unnamed(fileNow.name() + " binarized by one fixed random draw"
                    + " (--binarize thresholds instead)")
                    : new TrainCommand.Opened(openedOrigin, Double.NaN, !fileNow.binary(), 0);
        });
        return () -> {
            PreparedData p = switch (source.kind()) {
                case BINARIZED_MNIST -> VaeDatasets.binarizedMnist();
                case LABELLED_MNIST -> VaeDatasets.labelledMnist(s.seed());
                case TOY -> VaeDatasets.toy(source.toy(), s.seed());
                case PAINTED -> VaeDatasets.points("painted", paintedNow);
                case FILE -> VaeDatasets.file(fileNow, bin, s.seed());
            };
            Vae vae = opened != null ? opened : new Vae(config);
            TrainingJob<VaePayload> job = job(vae, p, s, ui.jobs());
            TestSet test = source.kind() == VaeData.Kind.TOY ? TestSet.toy(source.toy(), VaeDatasets.TOY_NOISE)
                    : TestSet.of(p.splits().test());
            String trained = source.shortLabel() + ", seed " + s.seed();
            return new RunLifecycle.Prepared<>(job, () -> {
                runData.set(new RunData(source, p, vae.config()));
                latentSpace.reset(p.scatter());
                evaluation.reset();
            }, (key, run) -> new Entry(key, "VAE " + vae.config().architecture(), run + "; " + trained, new Candidate.OfVae(vae.copy()), test), command);
        };
    }

    /** The training job: validation about 30 times a run (at least once an epoch), a payload twice a second. */
    static TrainingJob<VaePayload> job(Vae vae, PreparedData p, VaeSettings s, TaskExecutor executor) {
        Dataset train = p.splits().train();
        VaeTrainable task = new VaeTrainable(vae, train, p.splits().validation());
        int b = Math.min(s.batch(), train.size());
        long perEpoch = Math.max(1, train.size() / b);
        long total = perEpoch * s.epochs();
        TrainConfig config = TrainConfig.builder().epochs(s.epochs()).batchSize(b).seed(s.seed())
                .evalEvery(Math.max(1, Math.min(perEpoch, total / 30))).payloadInterval(Duration.ofMillis(500)).build();
        return new TrainingJob<>(task, s.optimizer().create(vae.params(), s.learningRate()), config, executor);
    }

    /** Whether a run is training or paused (its views are live). */
    boolean live() {
        JobState state = run.job().stateProperty().get();
        return state == JobState.RUNNING || state == JobState.PAUSED;
    }

    private String outOfDateReason() {
        RunData r = runData.get();
        if (r == null) return "";
        boolean live = live();
        if (r.source() != data.get()) {
            return live ? "Training on " + r.source().shortLabel() + " goes on; the data chosen on the left ("
                    + data.get().shortLabel() + ") is for the next run."
                    : "Out of date: this is the VAE trained on " + r.source().shortLabel() + "; the data is now "
                    + data.get().shortLabel() + ". Press Train (Ctrl+Enter) to train on it.";
        }
        VaeConfig now;
        try {
            now = settings().config(r.config().inputs(), r.config().decoder());
        } catch (IllegalArgumentException e) {
            return "";                                             // the error line will say what is wrong at Train
        }
        if (now.withSeed(0).equals(r.config().withSeed(0))) return "";
        return live ? "The model settings on the left have changed; they are for the next run."
                : "Out of date: this is the VAE " + describe(r.config()) + "; the settings now describe "
                + describe(now) + ". Press Train (Ctrl+Enter) to train it.";
    }

    /** "the model at step 1,200", or for a model not trained here (opened, or new) "the model as it is". */
    static String modelAt(long step) {
        return step > 0 ? String.format(Locale.ROOT, "the model at step %,d", step) : "the model as it is";
    }

    /** "784-200-200-(2)-200-200-784, tanh, β = 8" (S and warm-up when set). */
    static String describe(VaeConfig c) {
        return c.architecture() + ", " + c.encoderActivation() + ", β = " + number(c.beta())
                + (c.samples() > 1 ? ", S = " + c.samples() : "") + (c.warmupSteps() > 0 ? ", warm-up " + c.warmupSteps() : "");
    }

    /** File ▸ Open dataset while this workspace is visible: checked off the FX thread, then made the chosen data. */
    DatasetTarget.Use<OpenedFile> useDataset(DataOrigin origin, Dataset d) {
        String name = origin.name();
        return new DatasetTarget.Use<>(() -> VaeDatasets.check(name, d), f -> {
            file = f;
            openedOrigin = origin;
            choose(VaeData.Kind.FILE);
            return opening.dataArrived("The VAE workspace will train on it: " + f.note(), f.inputs(),
                    f.binary() || f.greyImages() ? DecoderKind.BERNOULLI : DecoderKind.GAUSSIAN, name);
        });
    }

    /** The Paint tab's points become the training data (and a VAE waiting for them is shown). */
    void usePainted(DataSplits splits) {
        painted = splits;
        choose(VaeData.Kind.PAINTED);
        message.set(opening.dataArrived("The VAE workspace will train on your painted density.", 2, DecoderKind.GAUSSIAN,
                "the painting"));
    }

    /** Makes the entry of {@code kind} the chosen data (or refreshes it when it already is). */
    void choose(VaeData.Kind kind) {
        VaeData entry = dataChoices.stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
        if (data.get() == entry) describeData();
        else data.set(entry);
    }

    /** Opens a VAE saved by Genscope (the app or {@code genscope train vae}); see {@link VaeOpening}. */
    void openModel(Path path) {
        opening.open(path);
    }

    /** The same for a model already read (an entry of a session file). */
    void openModel(ModelFile file) {
        opening.open(file);
    }

    boolean hasPainted() {
        return painted != null;
    }

    /** The painted points last used as training data, or null. */
    DataSplits painted() {
        return painted;
    }

    OpenedFile file() {
        return file;
    }

    UiExecutor ui() {
        return ui;
    }

    StringProperty message() {
        return message;
    }

    public RunLifecycle<Vae, VaePayload> run() {
        return run;
    }

    public LatentViewModel latentSpace() {
        return latentSpace;
    }

    public EvaluationViewModel evaluation() {
        return evaluation;
    }

    public ObservableList<VaeData> dataChoices() {
        return dataChoices;
    }

    public ObjectProperty<VaePreset> presetProperty() {
        return preset;
    }

    public ObjectProperty<VaeData> dataProperty() {
        return data;
    }

    public BooleanProperty binarizeProperty() {
        return binarize;
    }

    /** Whether the chosen data has grey levels (the binarize setting applies). */
    public BooleanProperty binarizableProperty() {
        return binarizable;
    }

    public StringProperty hiddenProperty() {
        return hidden;
    }

    public StringProperty activationProperty() {
        return activation;
    }

    public ObjectProperty<Integer> latentProperty() {
        return latent;
    }

    public ObjectProperty<Integer> samplesProperty() {
        return samples;
    }

    public StringProperty betaProperty() {
        return beta;
    }

    public ObjectProperty<Integer> warmupProperty() {
        return warmup;
    }

    public ObjectProperty<OptimizerKind> optimizerProperty() {
        return optimizer;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public ObjectProperty<Integer> epochsProperty() {
        return epochs;
    }

    public ObjectProperty<Integer> batchProperty() {
        return batch;
    }

    public ObjectProperty<Integer> seedProperty() {
        return seed;
    }

    /** The error line under the settings. */
    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty dataNoteProperty() {
        return dataNote;
    }

    public StringProperty presetNoteProperty() {
        return presetNote;
    }

    /** The run shown now (set when a run is prepared, before its job is attached). */
    public ReadOnlyObjectProperty<RunData> runDataProperty() {
        return runData.getReadOnlyProperty();
    }

    /** Why the views of the last run no longer show what the settings describe, or empty. */
    public StringBinding outOfDateProperty() {
        return outOfDate;
    }
}
