package org.genscope.ui.shell;

/**
 * A workspace that trains: the shell routes Ctrl+Enter (train or resume) and Esc (pause) to the visible one, so a
 * demo can be driven from the keyboard wherever the focus is. Registered in the workspace root's properties under
 * {@link #KEY}.
 */
public interface TrainingShortcuts {
    String KEY = "genscope.training";

    void trainOrResume();

    void pause();
}
