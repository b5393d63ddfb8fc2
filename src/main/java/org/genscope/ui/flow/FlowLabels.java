package org.genscope.ui.flow;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The labels the flow panels share: wrapped labels that never collapse to one truncated line. */
final class FlowLabels {
    private FlowLabels() {}

    /** Secondary text (hints, details). */
    static Label muted(String text) {
        return wrapped(text, "muted");
    }

    /** A small bold heading above a group of controls or a view. */
    static Label section(String text) {
        return wrapped(text, "form-section");
    }

    static Label wrapped(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
