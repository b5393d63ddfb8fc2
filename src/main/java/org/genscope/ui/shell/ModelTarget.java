package org.genscope.ui.shell;

import java.nio.file.Path;
import org.genscope.io.ModelFile;

/**
 * A workspace that can show a trained model saved to a file: File ▸ Open trained model routes the file to the
 * workspace of its kind (its {@code model} metadata) and calls this. Offered through {@link WorkspaceView#models()}.
 */
public interface ModelTarget {
    /** Reads {@code file} off the FX thread and shows the model; problems go to the status bar and the workspace. */
    void openModel(Path file);

    /** The same for a model already read and checked (an entry of a session file). FX thread. */
    void openModel(ModelFile model);
}
