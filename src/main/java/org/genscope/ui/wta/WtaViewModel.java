package org.genscope.ui.wta;

import java.nio.file.Path;
import org.genscope.PlainNumber;
import org.genscope.io.ModelFile;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.genscope.cli.TrainCommand;
import org.genscope.data.DataOrigin;
import org.genscope.compare.TestSet;
import org.genscope.compare.Entry;
import org.genscope.compare.Candidate;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.data.Normalization;
import org.genscope.nn.OptimizerKind;
import org.genscope.train.JobState;
import org.genscope.train.Snapshot;
import org.genscope.train.TrainConfig;
import org.genscope.train.TrainingJob;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.shell.DatasetTarget;
import org.genscope.ui.train.RunLifecycle;
import org.genscope.wta.WtaAutoencoder;
import org.genscope.wta.WtaConfig;
import org.genscope.wta.WtaFile;
import org.genscope.wta.WtaKind;
import org.genscope.wta.WtaPayload;
import org.genscope.wta.WtaPreset;
import org.genscope.wta.WtaTrainable;

/**
 * The WTA workspace's state, free of controls (unit-tested without a window): preset, autoencoder and training
 * settings with their validation ({@link WtaSettings}), the data, and the run — new or opened from a file. The
 * sparsity k% (and spatial on/off) may change while a run is paused or going: the live model takes the new rule
 * between two steps and keeps its weights. The Activity, Features and Compare tabs have their own models fed with
 * copies of the trained model, never the live one.
 */
public final class WtaViewModel {
    /** A run as the views show it: the model's configuration, its data, and its held-out images (the probe batch). */
    record RunData(WtaConfig config, WtaData source, String dataName, Dataset heldOut) {}

    private DataOrigin openedOrigin;
    private final UiExecutor ui;
    private final StringProperty message;
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<WtaPreset> preset = new SimpleObjectProperty<>();
    private final ObjectProperty<WtaKind> kind = new SimpleObjectProperty<>(WtaKind.FC);
    private final StringProperty units = new SimpleStringProperty("2000");
    private final DoubleProperty kPercent = new SimpleDoubleProperty(5);
    private final BooleanProperty spatial = new SimpleBooleanProperty(false);
    private final ObjectProperty<Integer> encoderKernel = new SimpleObjectProperty<>(5);
    private final ObjectProperty<Integer> decoderKernel = new SimpleObjectProperty<>(11);
    private final StringProperty learningRate = new SimpleStringProperty("0.001");
    private final StringProperty weightDecay = new SimpleStringProperty("0");
    private final ObjectProperty<Integer> batch = new SimpleObjectProperty<>(100);
    private final ObjectProperty<Integer> epochs = new SimpleObjectProperty<>(10);
    private final ObjectProperty<Integer> seed = new SimpleObjectProperty<>(42);
    private final ObjectProperty<WtaData> data = new SimpleObjectProperty<>(WtaData.BINARIZED);
    private final ReadOnlyObjectWrapper<RunData> runData = new ReadOnlyObjectWrapper<>();
    private final RunLifecycle<WtaAutoencoder, WtaPayload> run;
    private final ActivityModel activity;
    private final FeatureProbe features;
    private final CompareModel compare;
    private DataSplits fileSplits;
    private String fileName;
    /** The model of the shown run; lives on the training thread: only {@link #modelCopy()} reads it. */
    private WtaAutoencoder model;
    private boolean loading;

    /** @param message the status bar's line for the outcome of the latest action */
    public WtaViewModel(UiExecutor ui, StringProperty message) {
        this.ui = ui;
        this.message = message;
        run = new RunLifecycle<>("WTA", ui, error, message);
        run.setPlanner(this::plan);
        activity = new ActivityModel(ui);
        features = new FeatureProbe(ui, message);
        compare = new CompareModel(ui, message, error);
        preset.addListener((o, a, p) -> {
            if (p != null) load(() -> applyPreset(p));
        });
        for (ObservableValue<?> edited : List.of(kind, units, kPercent, spatial, encoderKernel, decoderKernel,
                learningRate, weightDecay)) {
            edited.addListener((o, a, b) -> {
                if (!loading) preset.set(null);
            });
        }
        kPercent.addListener((o, a, k) -> changeSparsityLive());
        spatial.addListener((o, a, s) -> changeSparsityLive());
        kind.addListener((o, a, k) -> {
            if (k == WtaKind.FC) spatial.set(false);
        });
    }

    private void load(Runnable change) {
        loading = true;
        try {
            change.run();
        } finally {
            loading = false;
        }
    }

    private void applyPreset(WtaPreset p) {
        WtaConfig c = p.config;
        showConfig(c);
        learningRate.set(Double.toString(p.learningRate));
        weightDecay.set(PlainNumber.of(p.weightDecay));
        batch.set(100);
        epochs.set(epochsFor(p));
    }

    /** Epochs that show the preset's point without keeping a class waiting (time left is on the status line). */
    static int epochsFor(WtaPreset p) {
        return switch (p) {
            case FC_5, FC_20 -> 20;
            case CONV_32, CONV_PLAIN -> 3;
            case CONV_128 -> 1;
        };
    }

    private void showConfig(WtaConfig c) {
        kind.set(c.kind());
        StringBuilder u = new StringBuilder();
        for (int h : c.hidden()) u.append(u.length() == 0 ? "" : ",").append(h);
        units.set(u.toString());
        kPercent.set(c.kPercent());
        spatial.set(c.spatial());
        if (c.kind() == WtaKind.CONV) {
            encoderKernel.set(c.encoderKernel());
            decoderKernel.set(c.decoderKernel());
        }
        seed.set((int) Math.max(0, Math.min(Integer.MAX_VALUE, c.seed())));
    }

    /** k or spatial moved while a run is live: the model takes the new rule between two steps, weights kept. */
    private void changeSparsityLive() {
        if (loading) return;                        // a preset or an opened model: settings for the next run
        TrainingJob<WtaPayload> j = run.job().job();
        WtaAutoencoder m = model;
        JobState state = j == null ? null : j.state();
        if (m == null || state == null || state.isTerminal()) return;
        double k = kPercent.get();
        boolean s = spatial.get() && kind.get() == WtaKind.CONV;
        if (!(k > 0 && k <= 100)) {
            error.set("Lifetime sparsity k must be a percentage in (0, 100].");
            return;
        }
        error.set("");
        j.submit(() -> {
            m.setSparsity(k, s && m.config().kind() == WtaKind.CONV);
            return null;
        });
        message.set(String.format(Locale.ROOT, "From the next step on: lifetime sparsity k = %s%%%s", WtaLabels.percent(k),
                s ? ", spatial on" : ""));
    }

    public RunLifecycle<WtaAutoencoder, WtaPayload> run() {
        return run;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<WtaPreset> presetProperty() {
        return preset;
    }

    public ObjectProperty<WtaKind> kindProperty() {
        return kind;
    }

    public StringProperty unitsProperty() {
        return units;
    }

    public DoubleProperty kPercentProperty() {
        return kPercent;
    }

    public BooleanProperty spatialProperty() {
        return spatial;
    }

    public ObjectProperty<Integer> encoderKernelProperty() {
        return encoderKernel;
    }

    public ObjectProperty<Integer> decoderKernelProperty() {
        return decoderKernel;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    /** λ of the decoupled weight decay, as typed. */
    public StringProperty weightDecayProperty() {
        return weightDecay;
    }

    public ObjectProperty<Integer> batchProperty() {
        return batch;
    }

    public ObjectProperty<Integer> epochsProperty() {
        return epochs;
    }

    public ObjectProperty<Integer> seedProperty() {
        return seed;
    }

    public ObjectProperty<WtaData> dataProperty() {
        return data;
    }

    /** The run shown now (set when it is prepared, before its job is attached). */
    public ReadOnlyObjectProperty<RunData> runDataProperty() {
        return runData.getReadOnlyProperty();
    }

    ActivityModel activity() {
        return activity;
    }

    FeatureProbe features() {
        return features;
    }

    CompareModel compare() {
        return compare;
    }

    /** Whether the chosen data is a file not opened yet (the view then asks for one). */
    boolean fileMissing() {
        return data.get() == WtaData.FILE && fileSplits == null;
    }

    /** The line under the data choice. */
    String dataNote() {
        return switch (data.get()) {
            case BINARIZED -> "Pixels 0/1; 500 validation images are held out and looked at.";
            case LABELLED -> "Grey levels in [0, 1]; the last 500 are held out. The classifier uses these images too.";
            case FILE -> fileSplits == null ? "Open a file of images with File ▸ Open dataset (IDX, NPY, CSV)."
                    : fileName + ": " + fileSplits.train().size() + " training images of " + fileSplits.train().imageRows()
                    + "×" + fileSplits.train().imageCols() + ".";
        };
    }

    /** The settings as they would train now, or an exception with the sentence for the error line. */
    WtaSettings settings() {
        int h = 28;
        int w = 28;
        if (data.get() == WtaData.FILE && fileSplits != null) {
            h = fileSplits.train().imageRows();
            w = fileSplits.train().imageCols();
        }
        return WtaSettings.parse(kind.get(), h, w, units.get(), new int[] {encoderKernel.get(), decoderKernel.get()},
                kPercent.get(), spatial.get(), seed.get(), learningRate.get(), weightDecay.get(), batch.get(), epochs.get());
    }

    /**
     * A payload's model as the Compare and Features tabs name it, with the run's step: "Conv-WTA … (step 1,200)";
     * {@code brief} for the short form; "the model" before any payload.
     */
    String modelName(WtaPayload p, boolean brief) {
        if (p == null) return "the model";
        Snapshot<WtaPayload> s = run.job().job() == null ? null : run.job().job().latest();
        String step = s == null ? "" : String.format(Locale.ROOT, " (step %,d)", s.step());
        return (brief ? WtaLabels.brief(p.config()) : WtaLabels.model(p.config())) + step;
    }

    /** A copy of the shown run's model, taken between two training steps; null before any run. */
    CompletableFuture<WtaAutoencoder> modelCopy() {
        TrainingJob<WtaPayload> j = run.job().job();
        WtaAutoencoder m = model;
        return j == null || m == null ? null : j.submit(m::copy);
    }

    /** The run lifecycle's planner: a new autoencoder from the settings, or an opened one, on the chosen data. */
    private Callable<RunLifecycle.Prepared<WtaPayload>> plan(WtaAutoencoder opened) {
        WtaData d = data.get();
        if (fileMissing()) {
            throw new IllegalArgumentException("No file of images opened yet: use File ▸ Open dataset, or pick MNIST.");
        }
        WtaSettings s = settings();
        if (opened != null && opened.config().inputs() != s.config().inputs()) {
            throw new IllegalArgumentException("The opened model takes " + opened.config().height() + "×"
                    + opened.config().width() + " images; the chosen data has " + s.config().height() + "×"
                    + s.config().width() + ".");
        }
        DataSplits given = d == WtaData.FILE ? fileSplits : null;
        long runSeed = seed.get();
        TrainCommand command = TrainCommand.wta(s.config(), s.epochs(), s.batch(), s.learningRate(), s.weightDecay(), WtaData.HELD_OUT, switch (d) {
            case BINARIZED -> new TrainCommand.Mnist();
            case LABELLED -> new TrainCommand.Unnamed("the labelled MNIST sample (its first images to train on)");
            case FILE -> openedOrigin == null ? new TrainCommand.Unnamed("the file opened")
                    : new TrainCommand.Opened(openedOrigin, Double.NaN, false, given.train().size());
        });
        return () -> {
            DataSplits splits = given != null ? given : d.load();
            WtaAutoencoder m = opened != null ? opened : WtaAutoencoder.create(s.config());
            WtaTrainable task = new WtaTrainable(m, splits.train(), splits.validation());
            int b = Math.min(s.batch(), splits.train().size());
            long perEpoch = Math.max(1, splits.train().size() / b);
            TrainConfig tc = TrainConfig.builder().epochs(s.epochs()).batchSize(b).seed(runSeed)
                    .evalEvery(Math.max(1, perEpoch / 5)).payloadInterval(payloadInterval(m.config())).build();
            TrainingJob<WtaPayload> job = new TrainingJob<>(task, OptimizerKind.ADAM.create(m.params(), s.learningRate(), s.weightDecay()),
                    tc, ui.jobs());
            TestSet test = m.config().inputs() == 784 ? TestSet.mnistT10k() : TestSet.of(splits.validation());
            String trained = splits.train().name() + ", seed " + runSeed;
            return new RunLifecycle.Prepared<>(job, () -> {
                model = m;
                runData.set(new RunData(m.config(), d, splits.train().name(), splits.validation()));
            }, (key, run) -> new Entry(key, "WTA " + m.config().architecture() + " (" + m.config().sparsity() + ")",
                    run + "; " + trained, new Candidate.OfWta(m.copy()), test), command);
        };
    }

    /**
     * How often the training thread builds a payload (one forward pass of the probe batch plus copies of the
     * filters): a few times a second for the small models, less for wide conv models whose pass costs a step's third.
     */
    static Duration payloadInterval(WtaConfig c) {
        if (c.kind() == WtaKind.FC) return Duration.ofMillis(300);
        return c.codeUnits() > 64 ? Duration.ofSeconds(3) : Duration.ofSeconds(2);
    }

    /** File ▸ Open dataset while this workspace is visible: a file of images becomes the training data. */
    DatasetTarget.Use<DataSplits> useDataset(DataOrigin origin, Dataset d) {
        String name = origin.name();
        return new DatasetTarget.Use<>(() -> imagesOf(name, d), splits -> {
            fileSplits = splits;
            openedOrigin = origin;
            fileName = name;
            if (data.get() == WtaData.FILE) data.set(null);      // the same entry, new images: listeners hear it
            data.set(WtaData.FILE);
            if (run.showPending(m -> m.config().inputs() == splits.train().dimension())) {
                return "The model you opened is shown on its " + splits.train().size() + " images; Train trains it further.";
            }
            return "The WTA workspace will train on its " + splits.train().size() + " images of "
                    + splits.train().imageRows() + "×" + splits.train().imageCols() + ". Press Train (Ctrl+Enter).";
        });
    }

    /** A file's examples as images in [0, 1], 90% to train on, the rest (≤ 500) held out; refused unless images. */
    static DataSplits imagesOf(String name, Dataset d) {
        int h;
        int w;
        if (d.isImage()) {
            h = d.imageRows();
            w = d.imageCols();
        } else {
            int side = (int) Math.round(Math.sqrt(d.dimension()));
            if (side * side != d.dimension()) {
                throw new IllegalArgumentException(name + " has " + d.dimension() + " values per example, not an image; "
                        + "give an IDX file of images or square images flattened (e.g. 784 = 28×28).");
            }
            h = side;
            w = side;
        }
        if (d.size() < 20) throw new IllegalArgumentException(name + " has only " + d.size() + " images; give at least 20.");
        for (float v : d.x().data) {
            if (!Float.isFinite(v) || v < 0) throw new IllegalArgumentException(name + " holds " + v + "; images are grey levels ≥ 0.");
        }
        Dataset images = new Dataset(d.name(), d.source(), Normalization.toIntensities(d).x(), d.hasLabels() ? d.labels()
                : null, h, w);
        int train = Math.max(1, (int) Math.round(images.size() * 0.9));
        return WtaData.split(images, train);
    }

    /**
     * Opens a winner-take-all autoencoder saved by Genscope (app or CLI): reads and checks it off the FX thread, puts
     * its configuration into the settings and shows it on MNIST (or the opened file when that fits) without
     * training; Train trains it further.
     */
    void openModel(Path file) {
        run.open(file, WtaFile::load, m -> showOpened(file, m));
    }

    /** The same for a model already read (an entry of a session file). */
    void openModel(ModelFile file) {
        run.open(file, WtaFile::load, m -> showOpened(file.path(), m));
    }

    private void showOpened(Path file, WtaAutoencoder m) {
        load(() -> showConfig(m.config()));
        preset.set(null);                           // an opened model is no demo
        boolean fitsFile = fileSplits != null && fileSplits.train().dimension() == m.config().inputs();
        if (!fitsFile && m.config().inputs() != 28 * 28) {
            run.await(m, "Opened " + file.getFileName() + ": it takes " + m.config().height() + "×"
                    + m.config().width() + " images. Open such images (File ▸ Open dataset) to see it on them.");
            return;
        }
        if (!fitsFile && data.get() == WtaData.FILE) data.set(WtaData.BINARIZED);
        message.set("Opened " + file.getFileName() + " (" + m.config().architecture() + ", " + m.config().sparsity() + ")");
        run.show(m);
    }
}
