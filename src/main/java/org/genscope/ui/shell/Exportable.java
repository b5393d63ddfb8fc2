package org.genscope.ui.shell;

import javafx.scene.Node;

/**
 * A workspace that chooses what File ▸ Export view exports (e.g. only the visible tab) and how the file is named.
 * Registered in the workspace root's properties under {@link #KEY}.
 */
public interface Exportable {
    String KEY = "genscope.exportable";

    Node exportNode();

    /** Name part of the suggested file name, e.g. {@code made-masks}. */
    String exportSlug();
}
