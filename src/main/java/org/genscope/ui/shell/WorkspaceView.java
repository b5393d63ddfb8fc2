package org.genscope.ui.shell;

import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The shell's typed handle on an open workspace: its node, what File ▸ Export view exports, the status-bar lines
 * it owns while visible, and the optional capabilities the shell routes to it (training keys, opened datasets,
 * opened model files).
 */
public interface WorkspaceView {
    Parent root();

    /** What File ▸ Export view exports (e.g. only the visible tab). */
    default Node exportNode() {
        return root();
    }

    /** Name part of the suggested export file name, e.g. {@code made-masks}. */
    String exportSlug();

    /** The training state for the status bar while this workspace is visible, or empty. */
    default Optional<ReadOnlyStringProperty> trainingStatus() {
        return Optional.empty();
    }

    /** What data this workspace is on, for the status bar while it is visible, or empty. */
    default Optional<ReadOnlyStringProperty> datasetStatus() {
        return Optional.empty();
    }

    /** Ctrl+Enter and Esc, if it trains. */
    default Optional<TrainingShortcuts> training() {
        return Optional.empty();
    }

    /** File ▸ Open dataset, if it trains on opened datasets. */
    default Optional<DatasetTarget> datasets() {
        return Optional.empty();
    }

    /** File ▸ Open trained model, if it opens model files. */
    default Optional<ModelTarget> models() {
        return Optional.empty();
    }

    /** File ▸ Open lesson, if it runs lessons. */
    default Optional<LessonTarget> lessons() {
        return Optional.empty();
    }

    /** File ▸ Save session / Open session, if it has settings and a model to keep. */
    default Optional<SessionPart> session() {
        return Optional.empty();
    }

    /** Whether closing the window now would lose trained work that was never saved. */
    default boolean hasUnsavedWork() {
        return false;
    }
}
