package org.genscope.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Labels the panels share: wrapped labels that never collapse to one truncated line. */
public final class FormLabels {
    private FormLabels() {}

    /** Secondary text (hints, details). */
    public static Label muted(String text) {
        return wrapped(text, "muted");
    }

    /** A small bold heading above a group of controls or a view. */
    public static Label section(String text) {
        return wrapped(text, "form-section");
    }

    public static Label wrapped(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
