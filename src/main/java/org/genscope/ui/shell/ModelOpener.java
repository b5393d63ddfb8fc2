package org.genscope.ui.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.genscope.io.ModelFile;

/**
 * "Open a trained model…" of the workspaces: asks for a safetensors file, reads and checks it off the FX thread, and
 * hands the result to the workspace on the FX thread; a bad file gives a message naming it and the problem.
 */
public final class ModelOpener {
    /** Turns a read file into what the workspace shows; throws with a message a user can act on. */
    public interface Loader<M> {
        M load(ModelFile file) throws IOException;
    }

    private ModelOpener() {}

    /** The file chooser; empty if the user cancelled. FX thread. */
    public static Optional<Path> ask(Window owner, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("safetensors model (*.safetensors)",
                "*.safetensors"), new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    /**
     * Reads {@code file} with {@code loader} on the context's executor, then calls {@code show} on the FX thread; a
     * failure goes to the status bar and to {@code error} (the workspace's error line). Returns at once.
     */
    public static <M> void open(WorkspaceContext context, Path file, Loader<M> loader, Consumer<M> show,
                                StringProperty error) {
        context.message().set("Reading " + file.getFileName() + "…");
        context.background().execute(() -> {
            try {
                M m = loader.load(ModelFile.read(file));
                Platform.runLater(() -> show.accept(m));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> {
                    context.message().set("Could not open " + file.getFileName());
                    error.set("Could not open the model: " + e.getMessage());
                });
            }
        });
    }
}
