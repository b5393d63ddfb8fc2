package org.genscope.ui.theme;

/** The two colour themes. Each only sets the named colours that styles/base.css uses. */
public enum Theme {
    LIGHT("/styles/theme-light.css"),
    DARK("/styles/theme-dark.css");

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    public String stylesheet() {
        return stylesheet;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
