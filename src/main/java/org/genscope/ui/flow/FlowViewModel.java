package org.genscope.ui.flow;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.genscope.cli.TrainCommand;
import org.genscope.data.DataOrigin;
import org.genscope.compare.TestSet;
import org.genscope.compare.Entry;
import org.genscope.compare.Candidate;
import org.genscope.data.CsvWriter;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.flow.FlowFile;
import org.genscope.flow.FlowModel;
import org.genscope.flow.FlowPayload;
import org.genscope.flow.FlowPreset;
import org.genscope.flow.FlowSpec;
import org.genscope.flow.FlowTrainable;
import org.genscope.flow.FlowTraining;
import org.genscope.io.Metadata;
import org.genscope.io.ModelFile;
import org.genscope.train.JobState;
import org.genscope.train.Snapshot;
import org.genscope.train.TrainConfig;
import org.genscope.train.TrainingJob;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.LatestWins;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.shell.DatasetTarget;
import org.genscope.ui.train.RunLifecycle;

/**
 * The Flows workspace's state, free of controls (unit-tested without a window): preset, data (a toy, painted or
 * file points) and training settings with their validation, the layer stack ({@link FlowBuilderModel}), the
 * preview of the chosen data, and the run — new, opened from a file, or waiting for the points it was trained on.
 */
public final class FlowViewModel {
    /** Toy points shown before training. */
    static final int PREVIEW_POINTS = 3000;

    /** A run as the views show it: its data and where it came from, the true entropy where known, its layer stack. */
    record RunData(Dataset train, OptionalDouble entropy, FlowData source, FlowSpec spec) {}

    /** The chosen data before training: its points and what they are. */
    record Preview(Dataset points, String caption) {}

    private record PreviewRequest(FlowData data, double noise, long seed) {}

    private record Opened(Path file, FlowModel model, String dataName) {}

    private DataOrigin openedOrigin;
    private final UiExecutor ui;
    private final StringProperty message;
    private final FlowBuilderModel builder = new FlowBuilderModel();
    private final FlowSources sources = new FlowSources();
    private final ObservableList<FlowData> dataChoices = FXCollections.observableArrayList(FlowData.all());
    private final ObjectProperty<FlowPreset> preset = new SimpleObjectProperty<>();
    private final ObjectProperty<FlowData> data = new SimpleObjectProperty<>(dataChoices.get(0));
    private final StringProperty noise = new SimpleStringProperty("0.05");
    private final ObjectProperty<Integer> points = new SimpleObjectProperty<>(20_000);
    private final StringProperty learningRate = new SimpleStringProperty("0.001");
    private final ObjectProperty<Integer> steps = new SimpleObjectProperty<>(3000);
    private final ObjectProperty<Integer> batch = new SimpleObjectProperty<>(256);
    private final ObjectProperty<Integer> seed = new SimpleObjectProperty<>(1);
    private final StringProperty dataNote = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<RunData> runData = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>();
    private final RunLifecycle<FlowModel, FlowPayload> run;
    private final LatestWins<PreviewRequest, Preview> previews;
    private boolean loadingPreset;
    private final StringBinding outOfDate;

    /** @param message the status bar's line for the outcome of the latest action */
    public FlowViewModel(UiExecutor ui, StringProperty message) {
        this.ui = ui;
        this.message = message;
        run = new RunLifecycle<>("Flow", ui, builder.errorProperty(), message);
        run.setPlanner(this::plan);
        previews = new LatestWins<>(ui, r -> new Preview(r.data().toy().generate(PREVIEW_POINTS, r.noise(), r.seed()),
                String.format(Locale.ROOT, "%s, noise σ = %s", r.data().toy().id(), r.noise())), preview::set, e -> { });
        preset.addListener((o, a, p) -> {
            if (p != null) loadPreset(p);
        });
        data.addListener((o, a, d) -> {
            dataNote.set(d == null ? "" : sources.note(d));
            previewData();
        });
        dataNote.set(sources.note(data.get()));
        seed.addListener((o, a, v) -> previewData());
        // an edit after a preset makes it no longer that demo: the choice clears, so picking the demo again reloads it
        outOfDate = Bindings.createStringBinding(this::outOfDateReason, runData, data, builder.specProperty(), seed,
                run.job().stateProperty());
        for (ObservableValue<?> edited : List.of(data, noise, points, learningRate, steps, batch, builder.specProperty())) {
            clearsPreset(edited);
        }
    }

    private <T> void clearsPreset(ObservableValue<T> edited) {
        edited.addListener((o, a, b) -> {
            if (!loadingPreset) preset.set(null);
        });
    }

    public FlowBuilderModel builder() {
        return builder;
    }

    public RunLifecycle<FlowModel, FlowPayload> run() {
        return run;
    }

    public ObservableList<FlowData> dataChoices() {
        return dataChoices;
    }

    public ObjectProperty<FlowPreset> presetProperty() {
        return preset;
    }

    public ObjectProperty<FlowData> dataProperty() {
        return data;
    }

    public StringProperty noiseProperty() {
        return noise;
    }

    public ObjectProperty<Integer> pointsProperty() {
        return points;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public ObjectProperty<Integer> stepsProperty() {
        return steps;
    }

    public ObjectProperty<Integer> batchProperty() {
        return batch;
    }

    public ObjectProperty<Integer> seedProperty() {
        return seed;
    }

    /** The line under the data choice. */
    public StringProperty dataNoteProperty() {
        return dataNote;
    }

    /** The data of the run shown now (set when a run is prepared, before its job is attached). */
    public ReadOnlyObjectProperty<RunData> runDataProperty() {
        return runData.getReadOnlyProperty();
    }

    /** The chosen data before training (newest choice). */
    public ReadOnlyObjectProperty<Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Why the views of the last run no longer show what the settings describe, or empty. */
    public StringBinding outOfDateProperty() {
        return outOfDate;
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
                    : "Out of date: this is the flow trained on " + r.source().shortLabel() + "; the data is now "
                    + data.get().shortLabel() + ". Press Train (Ctrl+Enter) to train on it.";
        }
        if (!sameStack(r.spec(), builder.spec())) {
            return live ? "The layer stack on the left has changed; it is for the next run."
                    : "Out of date: this is the flow " + r.spec().layersText() + "; the stack on the left is now "
                    + builder.spec().layersText() + ". Press Train (Ctrl+Enter) to train it.";
        }
        return "";
    }

    /** The same layers and base (the seed is the run's own). */
    private static boolean sameStack(FlowSpec a, FlowSpec b) {
        return a.withSeed(0).equals(b.withSeed(0));
    }

    /** Whether the chosen data is a toy (its noise and count apply). */
    boolean toyChosen() {
        return data.get() != null && data.get().kind() == FlowData.Kind.TOY;
    }

    /** Whether the chosen data is a file not opened yet (the view then asks for one). */
    boolean fileMissing() {
        return data.get() != null && data.get().kind() == FlowData.Kind.FILE && sources.splits(data.get()) == null;
    }

    private void loadPreset(FlowPreset p) {
        loadingPreset = true;
        try {
            applyPreset(p);
        } finally {
            loadingPreset = false;
        }
    }

    private void applyPreset(FlowPreset p) {
        builder.loadPreset(p);
        noise.set(Double.toString(p.noise()));
        points.set(p.size());
        learningRate.set(Double.toString(p.learningRate()));
        steps.set(p.steps());
        batch.set(p.batchSize());
        dataChoices.stream().filter(d -> d.toy() == p.toy()).findFirst().ifPresent(data::set);
        previewData();
    }

    /**
     * Shows the chosen data before training ({@value #PREVIEW_POINTS} toy points made off the FX thread; the newest
     * choice wins). Not while a run is live: its pictures stay until it ends.
     */
    void previewData() {
        FlowData d = data.get();
        JobState state = run.job().stateProperty().get();
        if (d == null || state == JobState.RUNNING || state == JobState.PAUSED) return;
        if (d.kind() != FlowData.Kind.TOY) {
            DataSplits ready = sources.splits(d);
            if (ready != null) preview.set(new Preview(ready.train(), sources.name(d)));
            return;
        }
        double sigma;
        try {
            sigma = Double.parseDouble(noise.get().trim());
        } catch (NumberFormatException e) {
            return;
        }
        if (sigma >= 0) previews.submit(new PreviewRequest(d, sigma, seed.get()));
    }

    /** The run lifecycle's planner: a new flow from the layer stack, or an opened one, on the chosen data. */
    private Callable<RunLifecycle.Prepared<FlowPayload>> plan(FlowModel opened) {
        FlowData d = data.get();
        double sigma;
        double lr;
        try {
            sigma = Double.parseDouble(noise.get().trim());
            lr = Double.parseDouble(learningRate.get().trim());
            if (!(sigma >= 0) || !(lr > 0 && lr <= 1)) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Noise must be ≥ 0 and the learning rate in (0, 1], e.g. 0.001.");
        }
        String missing = sources.missing(d);
        if (missing != null) throw new IllegalArgumentException(missing);
        DataSplits given = sources.splits(d);
        long s = seed.get();
        int n = points.get();
        int totalSteps = steps.get();
        int batchSize = batch.get();
        FlowSpec spec = builder.spec().withSeed(s);
        OptionalDouble entropy = d.entropy(sigma);
        TrainCommand command = TrainCommand.flow(spec, totalSteps, batchSize, lr, switch (d.kind()) {
            case TOY -> new TrainCommand.Toy(d.toy(), n, sigma, FlowData.VALID, FlowData.TEST);
            case PAINTED -> new TrainCommand.Points("painted", given);
            case FILE -> openedOrigin == null ? new TrainCommand.Unnamed("the file opened") : new TrainCommand.Opened(openedOrigin, Double.NaN, false, 0);
        });
        return () -> {
            DataSplits splits = given != null ? given : d.toySplits(n, sigma, s);
            FlowModel model = opened != null ? opened : spec.build(2);
            FlowTrainable task = new FlowTrainable(model, splits.train(), splits.validation());
            TrainConfig config = TrainConfig.builder().maxSteps(totalSteps).batchSize(Math.min(batchSize, splits.train().size()))
                    .seed(s).evalEvery(Math.max(1, totalSteps / 60)).payloadInterval(Duration.ofMillis(250)).build();
            TrainingJob<FlowPayload> job = FlowTraining.job(task, config, lr, true, ui.jobs());
            FlowSpec shown = opened != null ? opened.spec() : spec;
            TestSet test = d.kind() == FlowData.Kind.TOY ? TestSet.toy(d.toy(), sigma) : TestSet.of(splits.test(), entropy);
            String trained = d.shortLabel() + ", seed " + s;
            return new RunLifecycle.Prepared<>(job, () -> runData.set(new RunData(splits.train(), entropy, d, shown)),
                    (key, run) -> new Entry(key, "Flow " + shown.layersText(), run + "; " + trained,
                            new Candidate.OfFlow(model.copy()), test), command);
        };
    }

    /** File ▸ Open dataset while this workspace is visible: 2-D points become the training data. */
    DatasetTarget.Use<DataSplits> useDataset(DataOrigin origin, Dataset d) {
        long s = seed.get();
        String name = origin.name();
        return new DatasetTarget.Use<>(() -> FlowData.splitsOf(name, d, s), splits -> {
            sources.setFile(name, splits);
            openedOrigin = origin;
            choose(FlowData.Kind.FILE);
            String how = "The Flows workspace will train on its points (" + splits.train().size()
                    + " for training after an 80/10/10 split).";
            return run.showPending(m -> true) ? how + " The flow you opened is shown on them; Train (Ctrl+Enter) trains it further."
                    : how + " Press Train (Ctrl+Enter).";
        });
    }

    /** The points of the chosen data when they are painted or from a file; null for a toy or none yet. */
    DataSplits chosenPoints() {
        return sources.splits(data.get());
    }

    /** The Paint tab's points become the training data (and a flow waiting for them is shown). */
    void usePainted(DataSplits splits) {
        sources.setPainted(splits);
        choose(FlowData.Kind.PAINTED);
        run.showPending(m -> true);
    }

    private void choose(FlowData.Kind kind) {
        FlowData entry = dataChoices.stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
        if (data.get() == entry) {                  // same entry, new points: refresh what depends on them
            dataNote.set(sources.note(entry));
            previewData();
        } else {
            data.set(entry);
        }
    }

    /**
     * Opens a flow saved by Genscope (app or CLI): reads and checks it off the FX thread, shows its layers, picks the
     * toy it was trained on when the file names one, and shows the model on it without training; a flow trained on
     * a file or a painting waits for those points.
     */
    void openModel(Path file) {
        run.open(file, FlowViewModel::opened, this::showOpened);
    }

    /** The same for a model already read (an entry of a session file). */
    void openModel(ModelFile file) {
        run.open(file, FlowViewModel::opened, this::showOpened);
    }

    private static Opened opened(ModelFile mf) throws java.io.IOException {
        FlowModel m = FlowFile.load(mf);
        if (m.dimension() != 2) {
            throw new IllegalArgumentException(mf.path().getFileName() + " models " + m.dimension() + " variables; the "
                    + "workspace draws 2-D flows (use genscope eval flow / sample flow for it).");
        }
        return new Opened(mf.path(), m, mf.meta(Metadata.DATASET).orElse("").replaceFirst("-(train|all)$", ""));
    }

    private void showOpened(Opened o) {
        builder.specProperty().set(o.model().spec());      // (the preset choice clears: this is no demo)
        FlowData toy = dataChoices.stream().filter(d -> d.toy() != null && d.toy().id().equals(o.dataName()))
                .findFirst().orElse(null);
        FlowData now = data.get();
        if (toy == null && now != null && sources.splits(now) != null) {
            message.set("Opened " + o.file().getFileName() + " on " + sources.name(now));   // after its points
            run.show(o.model());
            return;
        }
        if (toy == null) {
            run.await(o.model(), "Opened " + o.file().getFileName() + ": trained on '" + o.dataName() + "'. Open those "
                    + "points (File ▸ Open dataset) or paint again to see the model on them.");
            return;
        }
        data.set(toy);
        message.set("Opened " + o.file().getFileName() + " (" + o.model().spec().layersText() + ")");
        run.show(o.model());
    }

    /** Writes the latest model samples as CSV (x, y) off the FX thread. */
    void saveSamples(Path file) {
        TrainingJob<FlowPayload> j = run.job().job();
        Snapshot<FlowPayload> s = j == null ? null : j.latest();
        FlowPayload p = s == null ? null : s.payload();
        if (p == null) return;
        org.ejml.data.FMatrixRMaj x = new org.ejml.data.FMatrixRMaj(p.count(), p.dimension());
        System.arraycopy(p.samples(), 0, x.data, 0, x.data.length);
        Dataset samples = new Dataset("flow samples", "Genscope", x, null, 0, 0);
        BackgroundTask.of(() -> {
            CsvWriter.write(file, samples);
            return file;
        }).onSuccess(f -> message.set("Saved " + p.count() + " samples to " + f))
                .onFailure(e -> message.set("Could not save samples: " + BackgroundTask.describe(e))).run(ui);
    }
}
