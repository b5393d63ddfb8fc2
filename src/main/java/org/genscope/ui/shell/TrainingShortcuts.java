package org.genscope.ui.shell;

/**
 * A workspace that trains: the shell routes Ctrl+Enter (train or resume) and Esc (pause) to the visible one, so a
 * demo can be driven from the keyboard wherever the focus is. Offered through
 * {@link WorkspaceView#training()}.
 */
public interface TrainingShortcuts {
    void trainOrResume();

    void pause();
}
