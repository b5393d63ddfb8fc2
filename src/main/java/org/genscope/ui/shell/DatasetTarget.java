package org.genscope.ui.shell;

import java.util.concurrent.Callable;
import java.util.function.Function;
import org.genscope.data.DataOrigin;
import org.genscope.data.Dataset;

/**
 * A workspace that can train on a dataset opened with File ▸ Open dataset: the shell reads the file off the FX thread
 * and asks the visible workspace how it takes the data; it runs the preparation off the FX thread, then the use on it,
 * and reports the outcome. Offered through {@link WorkspaceView#datasets()}.
 */
public interface DatasetTarget {
    /**
     * How a workspace takes a dataset.
     *
     * @param prepare runs off the FX thread (checks, splits, binarizes…); throws {@link IllegalArgumentException}
     *                with a reason a user can act on when the workspace cannot use the data
     * @param use     runs on the FX thread with the prepared data and returns one sentence saying how it is used
     */
    record Use<T>(Callable<T> prepare, Function<T, String> use) {}

    /** Called on the FX thread (read settings such as the seed here, not in {@code prepare}). */
    Use<?> useDataset(DataOrigin origin, Dataset data);
}
