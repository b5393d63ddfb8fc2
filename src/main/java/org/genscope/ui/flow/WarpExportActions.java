package org.genscope.ui.flow;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.genscope.flow.LayerStages;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.export.ExportService;

/**
 * The layer-by-layer panel's export commands: ask where (injectable, so tests need no dialog), then write the
 * animation on the executor one frame at a time, reporting progress and the outcome on the FX thread. One export
 * at a time. Call the commands on the FX thread.
 */
final class WarpExportActions {
    static final FileChooser.ExtensionFilter GIF = ExportService.GIF;

    private interface Job {
        String run() throws IOException;
    }

    private final UiExecutor ui;
    private final Consumer<Boolean> onBusy;
    private final BiConsumer<String, Boolean> report;
    private ExportService.FileAsker fileAsker = ExportService::askWithChooser;
    private LayerByLayerPanel.DirectoryAsker directoryAsker = WarpExportActions::chooseDirectory;
    private File lastDir = new File(System.getProperty("user.home"));
    private int size = WarpExport.SIZE;
    private int framesPerLayer = WarpExport.FRAMES_PER_LAYER;
    private boolean busy;

    /**
     * @param onBusy hears true when an export starts and false when it ends
     * @param report hears each status message and whether it is an error
     */
    WarpExportActions(UiExecutor ui, Consumer<Boolean> onBusy, BiConsumer<String, Boolean> report) {
        this.ui = ui;
        this.onBusy = onBusy;
        this.report = report;
    }

    void setFileAsker(ExportService.FileAsker asker) {
        fileAsker = asker;
    }

    void setDirectoryAsker(LayerByLayerPanel.DirectoryAsker asker) {
        directoryAsker = asker;
    }

    void setSize(int pixels) {
        if (pixels < 64 || pixels > 4096) throw new IllegalArgumentException("export size must be 64..4096 pixels, got " + pixels);
        size = pixels;
    }

    void setFramesPerLayer(int frames) {
        if (frames < 1 || frames > 100) throw new IllegalArgumentException("frames per layer must be 1..100, got " + frames);
        framesPerLayer = frames;
    }

    /** Whether an export is being written. */
    boolean busy() {
        return busy;
    }

    /** Asks for a .gif file and writes the sweep of {@code stages} as drawn by {@code shown}. */
    void gif(LayerStages stages, WarpView shown, Window owner) {
        if (busy) return;
        Optional<Path> chosen = fileAsker.ask(owner, "Export the warp as an animated GIF", lastDir,
                ExportService.suggestedName("flow-layers", "gif"), List.of(GIF));
        if (chosen.isEmpty()) return;
        Path file = chosen.get().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif")
                ? chosen.get() : chosen.get().resolveSibling(chosen.get().getFileName() + ".gif");
        lastDir = file.toAbsolutePath().getParent().toFile();
        WarpExport export = new WarpExport(stages, shown, size, framesPerLayer);
        run("GIF", () -> {
            export.writeGif(file, i -> progress("Writing GIF", i, export.frames()));
            return "Saved " + export.frames() + " frames to " + file.getFileName();
        });
    }

    /** Asks for a directory and writes frame-0000.png … of the same sweep there. */
    void pngFrames(LayerStages stages, WarpView shown, Window owner) {
        if (busy) return;
        Optional<Path> chosen = directoryAsker.ask(owner, "Export the warp as PNG frames", lastDir);
        if (chosen.isEmpty()) return;
        Path dir = chosen.get();
        lastDir = dir.toAbsolutePath().toFile();
        WarpExport export = new WarpExport(stages, shown, size, framesPerLayer);
        run("PNG frames", () -> {
            int n = export.writePngFrames(dir, i -> progress("Writing PNG frames", i, export.frames()));
            return "Saved " + n + " PNG frames to " + dir.getFileName();
        });
    }

    private void run(String what, Job job) {
        busy = true;
        onBusy.accept(true);
        report.accept("Writing " + what + "…", false);
        BackgroundTask.of(job::run).onSuccess(m -> done(m, false))
                .onFailure(e -> done("Could not write the " + what + ": " + BackgroundTask.describe(e), true)).run(ui);
    }

    private void done(String message, boolean failed) {
        busy = false;
        onBusy.accept(false);
        report.accept(message, failed);
    }

    private void progress(String what, int done, int total) {
        if (done % 8 == 0 || done == total) ui.fx(() -> report.accept(what + ": frame " + done + " of " + total, false));
    }

    private static Optional<Path> chooseDirectory(Window owner, String title, File initialDir) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (initialDir.isDirectory()) chooser.setInitialDirectory(initialDir);
        File d = chooser.showDialog(owner);
        return d == null ? Optional.empty() : Optional.of(d.toPath());
    }
}
