package org.genscope.ui.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.genscope.data.DataSplits;
import org.genscope.data.DataOrigin;
import org.genscope.session.DataChoice;
import org.genscope.session.WorkspaceState;
import org.genscope.train.JobState;
import org.genscope.train.TrainingJob;
import org.genscope.ui.common.Lesson;
import org.genscope.ui.common.LessonPanel;
import org.genscope.ui.common.Lessons;
import org.genscope.ui.train.JobViewModel;
import org.genscope.ui.train.RunLifecycle;

/**
 * What every training workspace view shares: loading its FXML with itself as controller, exporting the visible
 * tab, the shell's train/pause keys and status lines routed to its run, and the unsaved-work check on quit.
 */
public abstract class TabbedWorkspace implements WorkspaceView, TrainingShortcuts, LessonTarget, SessionPart {
    private final ReadOnlyStringWrapper dataset = new ReadOnlyStringWrapper("");
    private DataOrigin opened;
    private Parent root;
    private LessonPanel lessonPanel;
    private Tab lessonsTab;

    /** The workspace's tabs (the visible one is what File ▸ Export view exports). */
    protected abstract TabPane tabs();

    /** The run lifecycle of this workspace (its view-model's). */
    protected abstract RunLifecycle<?, ?> run();

    /** File-name prefix of exports, e.g. {@code made}. */
    protected abstract String slug();

    /** Loads {@code fxml} with {@code controller} as its controller; returns the controller, ready. */
    protected static <W extends TabbedWorkspace> W load(String fxml, W controller) {
        FXMLLoader loader = new FXMLLoader(TabbedWorkspace.class.getResource(fxml));
        loader.setControllerFactory(t -> controller);
        try {
            ((TabbedWorkspace) controller).root = loader.load();
            ((TabbedWorkspace) controller).addLessonsTab(Lessons.forWorkspace(controller.slug()));
            ((TabbedWorkspace) controller).attachTabsWhenFirstShown();
            return controller;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    /** A Lessons tab last, when there are lessons for this workspace (built in, or one opened later). */
    private void addLessonsTab(List<Lesson> lessons) {
        lessonPanel = new LessonPanel(lessons, this::applyLessonSetup);
        lessonsTab = new Tab("Lessons", lessonPanel);
        lessonsTab.setClosable(false);
        if (!lessons.isEmpty()) tabs().getTabs().add(lessonsTab);
    }

    @Override
    public Optional<LessonTarget> lessons() {
        return Optional.of(this);
    }

    @Override
    public void showLesson(Lesson lesson) {
        if (!tabs().getTabs().contains(lessonsTab)) tabs().getTabs().add(lessonsTab);
        lessonPanel.show(lesson);
        tabs().getSelectionModel().select(lessonsTab);
    }

    /** The Lessons tab's panel (tests drive it). */
    public LessonPanel lessonPanel() {
        return lessonPanel;
    }

    /**
     * Applies a lesson step's settings in file order: {@code tab} (a tab's title) and {@code train} ({@code yes}:
     * start training) here, every other one by {@link #applySetting}. Returns what could not be applied.
     */
    public List<String> applyLessonSetup(Map<String, String> setup) {
        List<String> problems = new ArrayList<>();
        String tab = null;
        boolean train = false;
        for (var e : setup.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            if (key.equals("tab")) {
                tab = value;
                if (tabs().getTabs().stream().noneMatch(t -> t.getText().equalsIgnoreCase(value))) problems.add("no tab '" + value + "'");
            } else if (key.equals("train")) {
                train = value.equalsIgnoreCase("yes");
                if (!train && !value.equalsIgnoreCase("no")) problems.add("train: yes or no, not '" + value + "'");
            } else {
                String problem = applySetting(key, value);
                if (problem != null) problems.add(problem);
            }
        }
        if (tab != null) {
            for (Tab t : tabs().getTabs()) if (t.getText().equalsIgnoreCase(tab)) tabs().getSelectionModel().select(t);
        }
        if (train && problems.isEmpty()) trainOrResume();
        return problems;
    }

    /**
     * One lesson setting of this workspace ({@code data}, {@code hidden}, {@code preset}, …); null when applied,
     * else what is wrong in a few words. This default knows none.
     */
    protected String applySetting(String key, String value) {
        return "this workspace has no setting '" + key + "'";
    }

    /** The workspace's settings now, as the pairs {@link #applySetting} takes, in the order to apply them. */
    protected abstract Map<String, String> currentSettings();

    /** Which kind of data is chosen now: built in (named by the settings), a file opened, or painted points. */
    protected abstract DataChoice.Kind dataKind();

    /**
     * A workspace's Paint tab as a session sees it: the painted points in use, and what "Use as training data" does.
     */
    public record Painting(Supplier<DataSplits> inUse, Consumer<DataSplits> use) {}

    /** The workspace's painting, or null when it has no Paint tab. */
    protected Painting painting() {
        return null;
    }

    /** The use of an opened file, remembering its path (for sessions) when the workspace takes it. */
    protected <T> DatasetTarget.Use<T> remembering(DataOrigin origin, DatasetTarget.Use<T> use) {
        return new DatasetTarget.Use<>(use.prepare(), prepared -> {
            String how = use.use().apply(prepared);
            opened = origin;
            return how;
        });
    }

    @Override
    public Optional<SessionPart> session() {
        return Optional.of(this);
    }

    @Override
    public Capture capture() {
        Map<String, String> settings = new LinkedHashMap<>(currentSettings());
        Tab tab = tabs().getSelectionModel().getSelectedItem();
        if (tab != null) settings.put("tab", tab.getText());
        DataChoice data = switch (dataKind()) {
            case BUILT_IN -> DataChoice.builtIn();
            case FILE -> opened == null ? DataChoice.builtIn() : DataChoice.opened(opened);   // (nothing to keep yet)
            case PAINTED -> painting().inUse().get() == null ? DataChoice.builtIn() : DataChoice.painted(painting().inUse().get());
        };
        TrainingJob<?> job = run().job().job();
        boolean model = job != null && run().hasModelProperty().get();
        return new Capture(settings, data, model ? job.modelBytes(Map.of()) : null);
    }

    @Override
    public void restore(WorkspaceState state, DataReopener files, Consumer<String> problems) {
        applyLessonSetup(state.settings()).forEach(p -> problems.accept(slug() + ": " + p));
        Runnable then = () -> {
            applyLessonSetup(state.settings());            // over the recipe the data may have brought
            if (state.model() != null) models().ifPresent(t -> t.openModel(state.model()));
        };
        switch (state.data().kind()) {
            case BUILT_IN -> then.run();
            case PAINTED -> {
                if (painting() == null) problems.accept(slug() + ": this workspace takes no painted points");
                else painting().use().accept(state.data().painted());
                then.run();
            }
            case FILE -> datasets().ifPresentOrElse(t -> files.reopen(state.data().origin(), t, then), () -> {
                problems.accept(slug() + ": this workspace opens no data files");
                then.run();
            });
        }
    }

    /**
     * Takes the content of every tab but the selected one out of the scene until the tab is first selected: a
     * TabPane keeps hidden tabs' content in the scene, so opening a workspace used to style and lay out all its
     * tabs, and every theme or presenter change restyled and redrew them too. The panels themselves exist from the
     * start (they receive snapshots), only their place in the scene waits.
     */
    private void attachTabsWhenFirstShown() {
        for (Tab tab : tabs().getTabs()) {
            Node content = tab.getContent();
            if (tab.isSelected() || content == null) continue;
            tab.setContent(null);
            tab.selectedProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                    if (!now) return;
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(content);
                }
            });
        }
    }

    /**
     * Form labels never truncate (the field column gives way instead) and explain their row: a label takes the
     * tooltip of the control beside it, so hovering either says what the setting is.
     */
    protected static void keepLabelsWhole(GridPane... grids) {
        for (GridPane grid : grids) {
            for (Node n : grid.getChildren()) {
                if (!(n instanceof Label l)) continue;
                l.setMinWidth(Region.USE_PREF_SIZE);
                Integer row = GridPane.getRowIndex(l);
                for (Node c : grid.getChildren()) {
                    if (c != l && c instanceof Control control && control.getTooltip() != null
                            && java.util.Objects.equals(GridPane.getRowIndex(c), row) && l.getTooltip() == null) {
                        l.setTooltip(control.getTooltip());
                    }
                }
            }
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    /** The status bar's data line while this workspace is visible (the subclass binds it to its data choice). */
    protected ReadOnlyStringWrapper dataLine() {
        return dataset;
    }

    @Override
    public Optional<ReadOnlyStringProperty> datasetStatus() {
        return Optional.of(dataset.getReadOnlyProperty());
    }

    @Override
    public Optional<DatasetTarget> datasets() {
        return this instanceof DatasetTarget t ? Optional.of(t) : Optional.empty();
    }

    @Override
    public Optional<ModelTarget> models() {
        return this instanceof ModelTarget t ? Optional.of(t) : Optional.empty();
    }

    @Override
    public Optional<TrainingShortcuts> training() {
        return Optional.of(this);
    }

    @Override
    public Optional<ReadOnlyStringProperty> trainingStatus() {
        return Optional.of(run().job().statusProperty());
    }

    @Override
    public boolean hasUnsavedWork() {
        return run().hasUnsavedWork();
    }

    @Override
    public void trainOrResume() {
        run().job().start();
    }

    @Override
    public void pause() {
        JobViewModel<?> job = run().job();
        if (job.stateProperty().get() == JobState.RUNNING) job.pause();
    }

    @Override
    public Node exportNode() {
        Tab t = tabs().getSelectionModel().getSelectedItem();
        return t == null ? tabs() : t.getContent();
    }

    @Override
    public String exportSlug() {
        Tab t = tabs().getSelectionModel().getSelectedItem();
        return t == null ? slug() : slug() + "-" + t.getText().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
