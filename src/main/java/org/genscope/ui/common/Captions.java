package org.genscope.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * The two kinds of text a panel puts around its views: a section title (bold, the {@code form-section} style) and a
 * note (muted), both wrapping and never cut short — their height grows with the lines they need.
 */
public final class Captions {
    private Captions() {}

    public static Label section(String text) {
        return whole(new Label(text), "form-section");
    }

    public static Label note(String text) {
        return whole(new Label(text), "muted");
    }

    private static Label whole(Label l, String style) {
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
