package org.genscope.ui.shell;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import org.genscope.ui.common.Lesson;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.settings.Settings;
import org.genscope.ui.train.SessionModels;

/**
 * What the shell hands every workspace: settings, where background work runs, the file dialogs and exports, the
 * status bar's line for the outcome of the latest action, File ▸ Open dataset (which hands the file to the visible
 * workspace if it takes datasets), and — for the home page — the registered workspaces, a way to open one and a
 * way to open a lesson in its workspace; and the models of this session, which training workspaces publish to and
 * the Compare view lists.
 */
public record WorkspaceContext(Settings settings, UiExecutor ui, ExportService files, StringProperty message,
                               Runnable openDataset, List<WorkspaceDescriptor> workspaces, Consumer<String> open,
                               Consumer<Lesson> openLesson, SessionModels models) {
}
