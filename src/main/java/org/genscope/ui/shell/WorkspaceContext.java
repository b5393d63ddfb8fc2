package org.genscope.ui.shell;

import javafx.beans.property.StringProperty;
import org.genscope.train.TaskExecutor;
import org.genscope.ui.settings.Settings;

/**
 * What the shell hands every workspace: settings, the executor for background work, the two status-bar lines a
 * workspace may write (its training state, and the outcome of the latest user action), and File ▸ Open dataset
 * (which hands the file to the visible workspace if it is a {@link DatasetTarget}).
 */
public record WorkspaceContext(Settings settings, TaskExecutor background, StringProperty trainingStatus,
                               StringProperty message, Runnable openDataset) {
}
