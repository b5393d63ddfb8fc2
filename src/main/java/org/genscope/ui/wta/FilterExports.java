package org.genscope.ui.wta;

import java.io.IOException;
import java.util.List;
import javafx.scene.Node;
import javafx.stage.Window;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.ImageGrid;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.shell.WorkspaceContext;

/** The Filters tab's exports through the shared export service: the grid as PNG, the frames of a run as a GIF. */
final class FilterExports {
    private FilterExports() {}

    /** Asks for a file and writes the grid as drawn (PNG, 2×). */
    static void png(WorkspaceContext context, Window owner, Node grid) {
        try {
            context.files().exportView(owner, grid, "wta-filters", null)
                    .ifPresent(f -> context.message().set("Exported the filters to " + f));
        } catch (IOException e) {
            context.message().set("Could not export: " + e.getMessage());
        }
    }

    /** Asks for a file and writes the frames off the FX thread as a looping GIF. */
    static void gif(WorkspaceContext context, Window owner, List<ImageGrid.Tiles> frames) {
        if (frames.isEmpty()) {
            context.message().set("No filter frames yet: train for a few seconds first.");
            return;
        }
        context.files().askSave(owner, "Save the filters forming as a GIF", "wta-filters", ExportService.GIF)
                .ifPresent(file -> BackgroundTask.of(() -> {
                    FilterFrames.write(file, frames);
                    return file;
                }).onSuccess(f -> context.message().set("Saved " + frames.size() + " frames to " + f))
                        .onFailure(e -> context.message().set("Could not save the GIF: " + BackgroundTask.describe(e)))
                        .run(context.ui()));
    }
}
