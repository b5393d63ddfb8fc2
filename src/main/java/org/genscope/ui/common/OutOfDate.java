package org.genscope.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A view that says plainly when it no longer shows what the settings describe (e.g. the results of a run on other
 * data): a line above it in the warning colour, and the view dimmed, for as long as {@code reason} is not empty.
 */
public final class OutOfDate {
    private OutOfDate() {}

    /** {@code content} under a note that shows {@code reason} while it is non-empty. */
    public static VBox wrap(Node content, ObservableValue<String> reason) {
        Label note = new Label();
        note.getStyleClass().add("stale-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.textProperty().bind(reason);
        var stale = Bindings.createBooleanBinding(() -> reason.getValue() != null && !reason.getValue().isEmpty(), reason);
        note.visibleProperty().bind(stale);
        note.managedProperty().bind(stale);
        content.opacityProperty().bind(Bindings.when(stale).then(0.55).otherwise(1.0));
        VBox box = new VBox(note, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }
}
