package org.genscope.ui.common;

/**
 * One state of a matrix or chart, as its legend names it: the theme colour it is drawn in (a named colour such as
 * {@code -app-danger}, resolved by the stylesheets, so light, dark and presenter mode all work) and what it means.
 * {@code marked} cells also carry a cross, so the state does not rest on colour alone.
 */
public record Swatch(String colour, String meaning, boolean marked) {
    public Swatch(String colour, String meaning) {
        this(colour, meaning, false);
    }
}
