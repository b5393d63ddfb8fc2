package org.genscope.ui.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.genscope.compare.Candidate;
import org.genscope.compare.Densities;
import org.genscope.compare.Entry;
import org.genscope.compare.Evaluator;
import org.genscope.compare.Figure;
import org.genscope.compare.ProbeSelection;
import org.genscope.compare.References;
import org.genscope.compare.TestSet;
import org.genscope.data.Grid2D;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.UiExecutor;

/**
 * The Compare view's state, without controls: the session's models grouped by the data they are measured on (a
 * group per {@link TestSet#id}), the selected group's table (its models' figures, then the reference rows), and the
 * measuring itself — {@link Evaluator} and {@link ProbeSelection} off the FX thread, one job at a time, so the
 * figures are those {@code genscope eval} prints for the same models. FX thread.
 */
final class CompareViewModel {
    /** Cells per side of a small multiple's density grid. */
    static final int GRID = 96;

    /** A model's figures, valid while its entry is the one published (a later pause replaces it) and k is the same. */
    private record Measured(Entry entry, int k, List<Figure> figures) {}

    private final UiExecutor ui;
    private final ObservableList<Entry> entries;
    private final StringProperty message;
    private final ObservableList<TestSet> groups = FXCollections.observableArrayList();
    private final ObjectProperty<TestSet> group = new SimpleObjectProperty<>();
    private final ObservableList<CompareRow> rows = FXCollections.observableArrayList();
    private final ObservableList<DensityTile> tiles = FXCollections.observableArrayList();
    private final IntegerProperty k = new SimpleIntegerProperty(Evaluator.QUICK_K);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final Map<String, Measured> measured = new HashMap<>();
    private final Map<String, Measured> probed = new HashMap<>();
    private final Map<String, List<DensityTile>> drawn = new HashMap<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private int probeEpochs = ProbeSelection.EPOCHS;

    CompareViewModel(UiExecutor ui, ObservableList<Entry> entries, StringProperty message) {
        this.ui = ui;
        this.entries = entries;
        this.message = message;
        entries.addListener((ListChangeListener<Entry>) c -> refresh());
        group.addListener((o, a, b) -> refresh());
        k.addListener((o, a, b) -> refresh());
        refresh();
    }

    ObservableList<TestSet> groups() {
        return groups;
    }

    ObjectProperty<TestSet> groupProperty() {
        return group;
    }

    ObservableList<CompareRow> rows() {
        return rows;
    }

    ObservableList<DensityTile> tiles() {
        return tiles;
    }

    IntegerProperty kProperty() {
        return k;
    }

    BooleanProperty runningProperty() {
        return running;
    }

    DoubleProperty progressProperty() {
        return progress;
    }

    StringProperty statusProperty() {
        return status;
    }

    /** Fewer classifier epochs for tests. */
    void setProbeEpochs(int epochs) {
        probeEpochs = epochs;
    }

    /** The selected group's entries. */
    List<Entry> members() {
        TestSet g = group.get();
        return g == null ? List.of() : entries.stream().filter(e -> e.test().id().equals(g.id())).toList();
    }

    /** Whether the selected group holds winner-take-all autoencoders (their own table: no density). */
    boolean wtaGroup() {
        return members().stream().anyMatch(e -> !e.model().density());
    }

    /** What the bar chart shows: test NLL, or for WTA models the classifier error once measured, else reconstruction. */
    Figure.Measure chartMeasure() {
        if (!wtaGroup()) return Figure.Measure.TEST_NLL;
        boolean probedAny = rows.stream().anyMatch(r -> !r.reference() && r.measure() == Figure.Measure.CLASSIFIER_ERROR);
        return probedAny ? Figure.Measure.CLASSIFIER_ERROR : Figure.Measure.RECONSTRUCTION;
    }

    /** Measures every model of the group not yet measured (a VAE also when k changed), then draws 2-D densities. */
    void evaluate() {
        int kNow = k.get();
        List<Entry> todo = members().stream().filter(e -> current(measured, e, kNow) == null).toList();
        List<Entry> toDraw = members().stream().filter(e -> Densities.drawable(e.model())).toList();
        TestSet g = group.get();
        if (g == null || running.get()) return;
        start("Measuring " + todo.size() + " model" + (todo.size() == 1 ? "" : "s") + "…");
        BackgroundTask.of(() -> {
            Map<String, Measured> out = new LinkedHashMap<>();
            for (int i = 0; i < todo.size(); i++) {
                Entry e = todo.get(i);
                double base = (double) i / todo.size();
                List<Figure> f = Evaluator.evaluate(e, kNow, (done, total) -> {
                    report(base + (double) done / total / todo.size());
                    return !cancelled.get();
                });
                out.put(e.key(), new Measured(e, kNow, f));
                report((i + 1.0) / todo.size());
                if (cancelled.get()) throw new CancellationException();
            }
            return new Object[] {out, g.data().dimension() == 2 ? tiles(g, toDraw) : List.<DensityTile>of()};
        }).onSuccess(r -> {
            @SuppressWarnings("unchecked")
            Map<String, Measured> out = (Map<String, Measured>) r[0];
            @SuppressWarnings("unchecked")
            List<DensityTile> t = (List<DensityTile>) r[1];
            measured.putAll(out);
            if (!t.isEmpty()) drawn.put(g.id(), t);
            finish("Measured " + out.size() + " model" + (out.size() == 1 ? "" : "s") + " on " + g.title() + ".");
        }).onFailure(this::failed).run(ui);
    }

    /** Fits the linear classifier on the features of every WTA model of the group not yet probed. */
    void probe() {
        List<Entry> todo = members().stream().filter(e -> !e.model().density() && current(probed, e, 0) == null).toList();
        if (todo.isEmpty() || running.get()) return;
        int epochs = probeEpochs;
        start("Fitting the linear classifier on the features of " + todo.size() + " model" + (todo.size() == 1 ? "" : "s")
                + " (10,000 labelled images, tested on t10k)…");
        BackgroundTask.of(() -> {
            Map<String, Measured> out = new LinkedHashMap<>();
            for (int i = 0; i < todo.size(); i++) {
                Entry e = todo.get(i);
                ProbeSelection p = ProbeSelection.run(((Candidate.OfWta) e.model()).model(), epochs, e.name());
                out.put(e.key(), new Measured(e, 0, List.of(p.figure())));
                report((i + 1.0) / todo.size());
                if (cancelled.get()) throw new CancellationException();
            }
            return out;
        }).onSuccess(out -> {
            probed.putAll(out);
            finish("Linear classifier fitted for " + out.size() + " model" + (out.size() == 1 ? "" : "s") + ".");
        }).onFailure(this::failed).run(ui);
    }

    /** Stops after the model being measured (a VAE within its importance sampling). */
    void cancel() {
        cancelled.set(true);
    }

    private void start(String what) {
        cancelled.set(false);
        running.set(true);
        progress.set(0);
        status.set(what);
    }

    private void finish(String done) {
        refresh();                                  // the rows first: whoever sees the status sees the figures
        running.set(false);
        progress.set(1);
        status.set(done);
        message.set(done);
    }

    private void failed(Throwable e) {
        running.set(false);
        progress.set(0);
        status.set(e instanceof CancellationException ? "Cancelled; the figures shown stay."
                : "Could not measure: " + BackgroundTask.describe(e));
        refresh();
    }

    private void report(double p) {
        ui.fx(() -> progress.set(p));
    }

    private static Measured current(Map<String, Measured> results, Entry e, int k) {
        Measured m = results.get(e.key());
        boolean kMatters = e.model() instanceof Candidate.OfVae;
        return m != null && m.entry() == e && (!kMatters || m.k() == k) ? m : null;
    }

    /** Background: the group's test points and each drawable model's density on one grid around them. */
    private static List<DensityTile> tiles(TestSet g, List<Entry> models) {
        Grid2D grid = Grid2D.around(g.data().x(), 0.05, GRID);
        List<DensityTile> out = new ArrayList<>();
        out.add(new DensityTile(null, "test points", null, grid, g.data().x().data.clone()));
        for (Entry e : models) out.add(new DensityTile(e.key(), e.name(), Densities.grid(e.model(), grid), grid, null));
        return out;
    }

    /** Rebuilds the groups, the selected group's rows and tiles from the entries and the figures measured so far. */
    private void refresh() {
        Map<String, TestSet> byId = new LinkedHashMap<>();
        for (Entry e : entries) byId.putIfAbsent(e.test().id(), e.test());
        if (!groups.equals(new ArrayList<>(byId.values()))) groups.setAll(byId.values());
        TestSet g = group.get();
        if (g == null || !byId.containsKey(g.id())) {
            if (!groups.isEmpty()) {
                group.set(groups.get(0));           // calls refresh again
                return;
            }
            group.set(null);
        }
        rows.setAll(rowsOf(members()));
        tiles.setAll(group.get() == null ? List.of() : numbered(drawn.getOrDefault(group.get().id(), List.of())));
    }

    /** The tiles of models still in the group, each titled with its first row's number in the table. */
    private List<DensityTile> numbered(List<DensityTile> drawnTiles) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = rows.size() - 1; i >= 0; i--) if (rows.get(i).key() != null) first.put(rows.get(i).key(), rows.get(i).number());
        List<DensityTile> out = new ArrayList<>();
        for (DensityTile t : drawnTiles) {
            if (t.key() == null) out.add(t);
            else if (first.containsKey(t.key())) out.add(t.numbered(first.get(t.key())));
        }
        return out;
    }

    private List<CompareRow> rowsOf(List<Entry> models) {
        List<CompareRow> out = new ArrayList<>();
        boolean wta = models.stream().anyMatch(e -> !e.model().density());
        for (Entry e : models) {
            Measured m = current(measured, e, k.get());
            if (m == null) {
                String hint = e.model() instanceof Candidate.OfVae && measured.containsKey(e.key())
                        ? "press Evaluate to measure with k = " + k.get() : "press Evaluate";
                out.add(new CompareRow(out.size() + 1, e.key(), e.name(), e.settings(), null, "—", Double.NaN, hint));
            } else {
                for (Figure f : m.figures()) out.add(row(out.size() + 1, e.key(), e.name(), e.settings(), f));
            }
            Measured p = current(probed, e, 0);
            if (p != null) out.add(row(out.size() + 1, e.key(), e.name(), e.settings(), p.figures().get(0)));
        }
        TestSet g = group.get();
        List<References.Row> refs = g == null ? List.of() : wta ? References.wtaRows() : References.densityRows(g);
        for (References.Row r : refs) out.add(row(out.size() + 1, null, r.name(), r.source(), r.figure()));
        return out;
    }

    private static CompareRow row(int n, String key, String model, String run, Figure f) {
        return new CompareRow(n, key, model, run, f.measure(), f.formatted(), f.value(), f.method());
    }
}
