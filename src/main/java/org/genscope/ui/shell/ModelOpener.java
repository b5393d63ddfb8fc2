package org.genscope.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.genscope.ui.export.ExportService;

/**
 * The file chooser of "Open a trained model…" (File menu and workspaces). Reading and checking the file is the run
 * lifecycle's ({@code ui.train.RunLifecycle#open}).
 */
public final class ModelOpener {
    private ModelOpener() {}

    /** The file chooser; empty if the user cancelled. FX thread. */
    public static Optional<Path> ask(Window owner, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(ExportService.MODEL, new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }
}
