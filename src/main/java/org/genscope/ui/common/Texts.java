package org.genscope.ui.common;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Measuring text for canvases and labels that must fit. FX thread only. */
public final class Texts {
    private Texts() {}

    /** The width {@code s} takes in {@code font}. */
    public static double width(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
