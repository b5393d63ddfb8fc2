package org.genscope.ui.shell;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.genscope.data.DataOrigin;
import org.genscope.session.DataChoice;
import org.genscope.session.WorkspaceState;

/**
 * A workspace's part in a session file (File ▸ Save session / Open session): what it reports to be saved, and how it
 * is set up again from what was saved. Offered through {@link WorkspaceView#session()}.
 */
public interface SessionPart {
    /**
     * What a session keeps of a workspace, taken on the FX thread.
     *
     * @param settings its settings as lessons set them ({@code tab} the selected tab), in the order to apply them
     * @param model    the trained model's file bytes, taken between training steps, or null when there is none
     */
    record Capture(Map<String, String> settings, DataChoice data, CompletableFuture<byte[]> model) {}

    /** Reads a data file or image folder again and hands it to a workspace, then runs {@code then} (also when it could not). */
    @FunctionalInterface
    interface DataReopener {
        void reopen(DataOrigin data, DatasetTarget target, Runnable then);
    }

    /** FX thread. */
    Capture capture();

    /**
     * Sets the workspace up as saved: settings, data, the settings again (data can bring its own recipe), then the
     * model. FX thread; the data file and the model are read off it. What cannot be restored goes to {@code problems}.
     */
    void restore(WorkspaceState state, DataReopener files, Consumer<String> problems);
}
