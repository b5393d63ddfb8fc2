package org.genscope.ui.made;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.genscope.cli.TrainCommand;
import org.genscope.compare.TestSet;
import org.genscope.data.DataOrigin;
import org.genscope.compare.Entry;
import org.genscope.compare.Candidate;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.io.Metadata;
import org.genscope.io.ModelFile;
import org.genscope.made.AncestralTrace;
import org.genscope.made.Conditional;
import org.genscope.made.Connectivity;
import org.genscope.made.Made;
import org.genscope.made.MadeConfig;
import org.genscope.made.MadeFile;
import org.genscope.made.MadePayload;
import org.genscope.nn.OptimizerKind;
import org.genscope.nn.Rng;
import org.genscope.train.JobState;
import org.genscope.train.TrainingJob;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.LatestWins;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.shell.DatasetTarget;
import org.genscope.ui.train.RunLifecycle;

/**
 * The MADE workspace's state, free of controls (unit-tested without a window): the network being built
 * ({@link MadeBuilderModel}), the data and training settings with their validation, the autoregressive check of the
 * current network, and the run — new, opened from a file, or waiting for the data it was trained on.
 */
public final class MadeViewModel {
    /** A run as the training views show it: its data, where it came from, and the network it trains. */
    public record RunData(Dataset train, boolean images, MadeSource source, Connectivity network) {}

    /** The autoregressive check of one network: measured dependencies, or why they could not be measured. */
    record Check(Connectivity network, boolean[][] dependencies, String error) {}

    private record Opened(Path file, Made made, MadeData data) {}

    private record CheckRequest(Connectivity network, MadeConfig config) {}

    private final UiExecutor ui;
    private final StringProperty message;
    private final MadeBuilderModel builder = new MadeBuilderModel();
    private final ObservableList<MadeSource> dataChoices = FXCollections.observableArrayList(MadeData.values());
    private final ObjectProperty<MadeSource> data = new SimpleObjectProperty<>(MadeData.SANDBOX);
    private final ObjectProperty<Integer> masks = new SimpleObjectProperty<>(1);
    private final BooleanProperty orderAgnostic = new SimpleBooleanProperty(false);
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(OptimizerKind.ADAM);
    private final StringProperty learningRate = new SimpleStringProperty("0.001");
    private final ObjectProperty<Integer> epochs = new SimpleObjectProperty<>(20);
    private final ObjectProperty<Integer> batch = new SimpleObjectProperty<>(100);
    private final ReadOnlyObjectWrapper<RunData> runData = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Check> check = new ReadOnlyObjectWrapper<>();
    private final RunLifecycle<Made, MadePayload> run;
    private final StringBinding outOfDate;
    private final LatestWins<CheckRequest, Check> checker;
    private Made trainedModel;
    private DataOrigin openedOrigin;

    /** @param message the status bar's line for the outcome of the latest action */
    public MadeViewModel(UiExecutor ui, StringProperty message) {
        this.ui = ui;
        this.message = message;
        run = new RunLifecycle<>("MADE", ui, builder.errorProperty(), message);
        run.setPlanner(this::plan);
        checker = new LatestWins<>(ui, MadeViewModel::measure, check::set,
                e -> check.set(new Check(null, null, BackgroundTask.describe(e))));
        data.addListener((o, a, d) -> onData(d));
        optimizer.addListener((o, a, k) -> learningRate.set(Double.toString(k.defaultLearningRate)));
        builder.connectivityProperty().addListener((o, a, c) -> checkAutoregressive());
        builder.directProperty().addListener((o, a, v) -> checkAutoregressive());
        checkAutoregressive();
        outOfDate = Bindings.createStringBinding(this::outOfDateReason, runData, data, builder.connectivityProperty(),
                run.job().stateProperty());
    }

    public MadeBuilderModel builder() {
        return builder;
    }

    public RunLifecycle<Made, MadePayload> run() {
        return run;
    }

    public ObservableList<MadeSource> dataChoices() {
        return dataChoices;
    }

    public ObjectProperty<MadeSource> dataProperty() {
        return data;
    }

    public ObjectProperty<Integer> masksProperty() {
        return masks;
    }

    public BooleanProperty orderAgnosticProperty() {
        return orderAgnostic;
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

    /** The data of the run shown now (set when a run is prepared, before its job is attached). */
    public ReadOnlyObjectProperty<RunData> runDataProperty() {
        return runData.getReadOnlyProperty();
    }

    /** Why the training views no longer show what the settings on the left describe, or empty. */
    public StringBinding outOfDateProperty() {
        return outOfDate;
    }

    private String outOfDateReason() {
        RunData r = runData.get();
        if (r == null) return "";
        JobState state = run.job().stateProperty().get();
        boolean live = state == JobState.RUNNING || state == JobState.PAUSED;
        if (r.source() != data.get()) {
            return live ? "Training on " + r.source().shortLabel() + " goes on; the data chosen on the left ("
                    + data.get().shortLabel() + ") is for the next run."
                    : "Out of date: this is the run on " + r.source().shortLabel() + "; the data is now "
                    + data.get().shortLabel() + ". Press Train (Ctrl+Enter) to train on it.";
        }
        if (r.network() != builder.connectivity()) {
            return live ? "The network on the left has changed; it is for the next run."
                    : "Out of date: the network on the left has changed since this run. Press Train (Ctrl+Enter) to train it.";
        }
        return "";
    }

    /** The newest autoregressive check (of the network the builder shows now). */
    public ReadOnlyObjectProperty<Check> checkProperty() {
        return check.getReadOnlyProperty();
    }

    /**
     * Chooses built-in data by name ({@code mnist_28}, {@code mnist_4}, {@code eight_gaussians}, …, case-insensitive),
     * as a lesson or a test would; false if there is none of that name.
     */
    public boolean chooseBuiltIn(String name) {
        for (MadeData d : MadeData.values()) {
            if (d.name().equalsIgnoreCase(name)) {
                data.set(d);
                return true;
            }
        }
        return false;
    }

    /** Picking data: the builder takes its D, and network and training settings start from its {@link Recipe}. */
    private void onData(MadeSource d) {
        if (d == null || d == MadeData.SANDBOX) return;
        Recipe r = d.recipe();
        builder.inputsProperty().set(d.inputs());
        builder.widthsProperty().set(r.widths());
        builder.rebuild();
        optimizer.set(OptimizerKind.ADAM);
        learningRate.set(Double.toString(r.learningRate()));
        epochs.set(r.epochs());
        batch.set(r.batch());
    }

    /** Measures the dependencies of the current network off the FX thread; the newest network wins. */
    void checkAutoregressive() {
        Connectivity c = builder.connectivity();
        if (c == null) return;
        check.set(null);                                     // "checking…" until the new result arrives
        MadeSource source = data.get() == MadeData.SANDBOX ? MadeData.MNIST_4 : data.get();
        MadeJobFactory.Settings one = new MadeJobFactory.Settings(1, false, OptimizerKind.ADAM, 1e-3, 1, 1, 7);
        checker.submit(new CheckRequest(c, MadeJobFactory.config(source, c, builder.directProperty().get(), builder, one)));
    }

    /** Background: the network's numerical dependency pattern (from its derivatives, not read off its masks). */
    private static Check measure(CheckRequest r) {
        return new Check(r.network(), MadeJobFactory.model(r.config(), r.network()).dependencies(), null);
    }

    /** The settings as the job factory takes them; throws with a sentence for the error line. */
    private MadeJobFactory.Settings settings() {
        return new MadeJobFactory.Settings(masks.get(), orderAgnostic.get(), optimizer.get(),
                MadeJobFactory.Settings.parseRate(learningRate.get()), epochs.get(), batch.get(), builder.seedProperty().get());
    }

    /** The run lifecycle's planner: a new MADE from the network built on the left, or an opened one, on the chosen data. */
    private Callable<RunLifecycle.Prepared<MadePayload>> plan(Made opened) {
        MadeSource source = data.get();
        if (!source.trainable()) {
            throw new IllegalArgumentException("The mask sandbox has no data: pick a dataset above to train.");
        }
        MadeJobFactory.Settings settings = settings();
        MadeConfig config = MadeJobFactory.config(source, builder.connectivity(), builder.directProperty().get(), builder,
                settings);
        Connectivity built = builder.connectivity();
        TrainCommand command = TrainCommand.made(config, built, settings.epochs(), settings.batch(), settings.optimizer(),
                settings.learningRate(), commandData(source));
        return () -> {
            DataSplits splits = source.load(settings.seed());
            Made made = opened != null ? opened : MadeJobFactory.model(config, built);
            TrainingJob<MadePayload> job = MadeJobFactory.job(made, splits, settings, ui.jobs());
            TestSet test = source instanceof MadeData d && d.toy != null ? TestSet.toy(d.toy, MadeData.TOY_NOISE)
                    : TestSet.of(splits.test());
            String trained = source.shortLabel() + ", seed " + settings.seed();
            return new RunLifecycle.Prepared<>(job, () -> {
                trainedModel = made;
                runData.set(new RunData(splits.train(), source.binary(), source, built));
            }, (key, run) -> new Entry(key, "MADE " + made.config().architecture(), run + "; " + trained,
                    new Candidate.OfMade(made.copy()), test), command);
        };
    }

    /** The run's data as {@code genscope train made} names it. */
    private TrainCommand.Data commandData(MadeSource source) {
        if (source instanceof OpenedData) {
            // binary data is kept as it is by --binarize 0.5, grey images thresholded there; 2-D points standardized
            return openedOrigin == null ? new TrainCommand.Unnamed("the data opened") : new TrainCommand.Opened(openedOrigin,
                    source.binary() ? 0.5 : Double.NaN, !source.binary(), 0);
        }
        MadeData d = (MadeData) source;
        if (d == MadeData.MNIST_28) return new TrainCommand.Mnist();
        if (d == MadeData.MNIST_4) return new TrainCommand.PooledMnist(7, MadeData.SHRINK_THRESHOLD);
        return new TrainCommand.Toy(d.toy, MadeData.TOY_POINTS, MadeData.TOY_NOISE, MadeData.TOY_HELD_OUT, MadeData.TOY_HELD_OUT);
    }

    /** Draws one sample pixel by pixel (between training steps); {@code play} gets the D+1 frames on the FX thread. */
    void drawPixelByPixel(Consumer<float[][]> play) {
        TrainingJob<MadePayload> j = run.job().job();
        Made made = trainedModel;
        if (j == null || made == null) return;
        long seed = System.nanoTime();
        BackgroundTask.of(j.submit(() -> AncestralTrace.binary(made, new Rng(seed)))).onSuccess(play)
                .onFailure(e -> message.set("Could not draw: " + BackgroundTask.describe(e))).run(ui);
    }

    /** File ▸ Open dataset while this workspace is visible: the data is prepared off the FX thread, then selected. */
    DatasetTarget.Use<OpenedData> useDataset(DataOrigin origin, Dataset d) {
        long seed = builder.seedProperty().get();
        String name = origin.name();
        return new DatasetTarget.Use<>(() -> OpenedData.prepare(name, d, seed), opened -> {
            openedOrigin = origin;
            return selectOpened(opened);
        });
    }

    /** Makes prepared data the chosen data (and shows a model waiting for it); says how it will be used. */
    private String selectOpened(OpenedData opened) {
        dataChoices.removeIf(s -> s instanceof OpenedData);
        dataChoices.add(opened);
        data.set(opened);
        String how = String.format(Locale.ROOT, "The MADE workspace will train on it (D = %,d, %,d training examples "
                + "after an 80/10/10 split). %s", opened.inputs(), opened.splits().train().size(), opened.note());
        Made pending = run.pending();
        if (pending == null || !fits(pending, opened)) return how + " Press Train (Ctrl+Enter).";
        adoptNetwork(pending);
        run.showPending(m -> true);
        return how + " The model you opened is shown on it; Train (Ctrl+Enter) trains it further.";
    }

    /**
     * Opens a MADE saved by Genscope (app or CLI): reads and checks it off the FX thread, shows its network (mask 0)
     * in the builder, and — when it was trained on built-in data (binarized MNIST 28×28 or 4×4, a 2-D toy) — shows
     * the model on that data without training; Train trains it further.
     */
    void openModel(Path file) {
        run.open(file, MadeViewModel::opened, this::showOpened);
    }

    /** The same for a model already read (an entry of a session file). */
    void openModel(ModelFile file) {
        run.open(file, MadeViewModel::opened, this::showOpened);
    }

    private static Opened opened(ModelFile mf) throws java.io.IOException {
        Made made = MadeFile.load(mf);
        if (made.inputs() > OpenedData.MAX_INPUTS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "it models D = %,d inputs; the workspace "
                    + "draws up to %,d (use genscope eval made / sample made for it).", made.inputs(), OpenedData.MAX_INPUTS));
        }
        return new Opened(mf.path(), made, builtInDataOf(made, mf.meta(MadeFile.IMAGE).orElse(""),
                mf.meta(Metadata.DATASET).orElse("")));
    }

    private void showOpened(Opened o) {
        Made made = o.made();
        if (o.data() == MadeData.SANDBOX && data.get() instanceof OpenedData file && fits(made, file)) {
            adoptNetwork(made);                             // opened after the file it was trained on: shown on it
            message.set("Opened " + o.file().getFileName() + " on " + file.shortLabel());
            run.show(made);
            return;
        }
        data.set(o.data());
        if (o.data() == MadeData.SANDBOX) builder.inputsProperty().set(made.inputs());
        adoptNetwork(made);
        String name = o.file().getFileName().toString();
        if (o.data() == MadeData.SANDBOX) {
            run.await(made, "Opened " + name + ": its network is shown. Open the data it was trained on (Open "
                    + "your own data…) to see the model there and train it further.");
            return;
        }
        message.set("Opened " + name + " (" + made.config().architecture() + ")");
        run.show(made);
    }

    /** The built-in dataset a model was trained on, judged from its shape and metadata; SANDBOX if none. */
    static MadeData builtInDataOf(Made made, String image, String dataName) {
        boolean binary = made.config().conditional() == Conditional.BERNOULLI;
        if (binary && made.inputs() == 784 && image.equals("28x28")) return MadeData.MNIST_28;
        if (binary && made.inputs() == 16 && image.equals("4x4")) return MadeData.MNIST_4;
        String toy = dataName.replaceFirst("-(train|all)$", "");
        for (MadeData d : MadeData.values()) {
            if (!binary && made.inputs() == 2 && d.toy != null && d.toy.id().equals(toy)) return d;
        }
        return MadeData.SANDBOX;
    }

    /** The builder and training settings take over an opened model's mask-0 network. */
    private void adoptNetwork(Made made) {
        MadeConfig c = made.config();
        masks.set(made.numMasks());
        orderAgnostic.set(c.orderAgnostic());
        made.useMask(0);
        builder.adopt(made.connectivity(), c.rule(), c.directConnections(), (int) c.seed());
    }

    /** Whether an opened model can be shown on this data: same D, binary data iff Bernoulli conditionals. */
    static boolean fits(Made made, MadeSource source) {
        return made.inputs() == source.inputs() && (made.config().conditional() == Conditional.BERNOULLI) == source.binary();
    }
}
