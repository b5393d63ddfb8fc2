package org.genscope.ui.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.genscope.train.JobState;
import org.genscope.ui.train.JobViewModel;

/**
 * What every training workspace controller shares: loading its FXML with itself as controller, exporting the
 * visible tab, and the shell's train/pause keys routed to its job.
 */
public abstract class TabbedWorkspace implements Exportable, TrainingShortcuts {
    /** The workspace's tabs (the visible one is what File ▸ Export view exports). */
    protected abstract TabPane tabs();

    /** The training job of this workspace. */
    protected abstract JobViewModel<?> job();

    /** File-name prefix of exports, e.g. {@code made}. */
    protected abstract String slug();

    /** Loads {@code fxml} with {@code controller} and registers it with the shell. */
    protected static Parent load(String fxml, TabbedWorkspace controller) {
        FXMLLoader loader = new FXMLLoader(TabbedWorkspace.class.getResource(fxml));
        loader.setControllerFactory(t -> controller);
        try {
            Parent p = loader.load();
            p.getProperties().put(Exportable.KEY, controller);
            p.getProperties().put(TrainingShortcuts.KEY, controller);
            if (controller instanceof DatasetTarget t) p.getProperties().put(DatasetTarget.KEY, t);
            if (controller instanceof ModelTarget t) p.getProperties().put(ModelTarget.KEY, t);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    /** Form labels never truncate: the field column gives way instead. */
    protected static void keepLabelsWhole(GridPane... grids) {
        for (GridPane grid : grids) {
            for (Node n : grid.getChildren()) {
                if (n instanceof Label l) l.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
    }

    @Override
    public void trainOrResume() {
        job().start();
    }

    @Override
    public void pause() {
        if (job().stateProperty().get() == JobState.RUNNING) job().pause();
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
