package org.genscope.ui.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/**
 * The main window's sidebar: a toggle per workspace under the home page's, exactly one selected at a time; a
 * workspace that is not built yet is shown disabled with "not built yet", never as if it were there.
 */
final class Sidebar {
    private final Map<String, ToggleButton> buttons = new HashMap<>();
    private final ToggleGroup group = new ToggleGroup();

    /**
     * Fills {@code box} with home, a "WORKSPACES" heading and the workspaces.
     *
     * @param select asked to show a workspace when its toggle is clicked; false leaves the selection as it was
     */
    Sidebar(VBox box, WorkspaceDescriptor home, List<WorkspaceDescriptor> workspaces, Predicate<WorkspaceDescriptor> select) {
        Label section = new Label("WORKSPACES");
        section.getStyleClass().add("section");
        box.getChildren().add(button(home, select));
        box.getChildren().add(section);
        for (WorkspaceDescriptor w : workspaces) box.getChildren().add(button(w, select));
        // Keep exactly one entry selected: clicking the selected entry must not clear it.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) old.setSelected(true);
        });
    }

    /** Marks workspace {@code id} as the one shown. */
    void select(String id) {
        buttons.get(id).setSelected(true);
    }

    private ToggleButton button(WorkspaceDescriptor w, Predicate<WorkspaceDescriptor> select) {
        ToggleButton b = new ToggleButton(w.title());
        b.setId("nav-" + w.id());
        b.getStyleClass().add("nav-button");
        b.setToggleGroup(group);
        b.setMaxWidth(Double.MAX_VALUE);
        if (!w.available()) {
            Label note = new Label("not built yet");
            note.getStyleClass().addAll("nav-note", "muted");
            b.setGraphic(note);
            b.setContentDisplay(ContentDisplay.RIGHT);
            b.setGraphicTextGap(10);
            b.setDisable(true);
        }
        b.setOnAction(e -> {
            if (!select.test(w)) b.setSelected(false);
        });
        buttons.put(w.id(), b);
        return b;
    }
}
