package org.genscope.ui.shell;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.genscope.io.Metadata;
import org.genscope.io.ModelFile;
import org.genscope.io.ModelFileException;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.UiExecutor;

/**
 * File ▸ Open trained model and {@code genscope open FILE}: reads a model file's kind off the FX thread and hands
 * the file to the workspace registered for that kind, which shows it; any other file gets a message naming it.
 */
final class ModelRouter {
    private final MainViewModel model;
    private final UiExecutor ui;
    private final Supplier<WorkspaceView> visible;

    ModelRouter(MainViewModel model, UiExecutor ui, Supplier<WorkspaceView> visible) {
        this.model = model;
        this.ui = ui;
        this.visible = visible;
    }

    /** Opens {@code file} in its workspace. FX thread; returns at once. */
    void open(Window owner, Path file) {
        model.messageProperty().set("Reading " + file.getFileName() + "…");
        BackgroundTask.of(() -> {
            String kind = ModelFile.read(file).meta(Metadata.MODEL).orElse("");
            return model.forModelKind(kind).orElseThrow(() -> new ModelFileException(file, kind.isEmpty()
                    ? "names no model kind" : "holds a '" + kind + "' model, which no workspace opens yet"));
        }).onSuccess(w -> {
            if (model.select(w)) visible.get().models().ifPresent(t -> t.openModel(file));
        }).onFailure(e -> {
            model.messageProperty().set("Could not open " + file.getFileName());
            Dialogs.error(owner, "Cannot open this model", BackgroundTask.describe(e)
                    + "\n\nGenscope opens the .safetensors files it saves (" + openableKinds() + ").");
        }).run(ui);
    }

    private String openableKinds() {
        return String.join(", ", model.workspaces().stream().filter(w -> w.modelKind() != null && w.available())
                .map(WorkspaceDescriptor::title).toList());
    }
}
