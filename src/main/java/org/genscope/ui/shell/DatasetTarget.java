package org.genscope.ui.shell;

import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import org.genscope.data.Dataset;

/**
 * A workspace that can train on a dataset opened with File ▸ Open dataset: the shell reads the file off the FX thread
 * and hands it to the visible workspace. Registered in the workspace root's properties under {@link #KEY}.
 */
public interface DatasetTarget {
    String KEY = "genscope.dataset";

    /**
     * Makes {@code data} (read from {@code file}) this workspace's training data. Called on the FX thread; heavy work
     * belongs on the workspace's background executor.
     *
     * @return completes with one sentence saying how the data will be used, or exceptionally with an
     *         {@link IllegalArgumentException} whose message says why it cannot be and what to do instead
     */
    CompletionStage<String> useDataset(Path file, Dataset data);
}
