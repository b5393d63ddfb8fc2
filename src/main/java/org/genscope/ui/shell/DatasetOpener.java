package org.genscope.ui.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.genscope.data.DataFiles;
import org.genscope.data.DataFormatException;
import org.genscope.data.Dataset;
import org.genscope.data.Normalization;
import org.genscope.train.TaskExecutor;

/**
 * File ▸ Open dataset: asks for an IDX, CSV or NPY file, reads it off the FX thread (a sibling IDX label file,
 * {@code *-labels-idx1-*}, is picked up automatically), shows what it holds, and makes it the current dataset.
 * A bad file gives a message naming the file and the problem; nothing else changes.
 */
final class DatasetOpener {
    private DatasetOpener() {}

    static void open(Window owner, MainViewModel model, TaskExecutor background) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open dataset");
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter("Datasets (IDX, CSV, NPY)", "*.gz", "*-ubyte", "*.idx", "*.csv",
                        "*.txt", "*.npy"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(owner);
        if (f == null) return;
        Path file = f.toPath();
        model.messageProperty().set("Reading " + file.getFileName() + "…");
        background.execute(() -> {
            try {
                Dataset d = DataFiles.readDataset(file, siblingLabels(file));
                String summary = describe(d);
                Platform.runLater(() -> {
                    model.datasetProperty().set("Dataset: " + d);
                    model.messageProperty().set("Opened " + file.getFileName());
                    Dialogs.info(owner, "Opened " + file.getFileName(), summary);
                });
            } catch (DataFormatException e) {
                Platform.runLater(() -> {
                    model.messageProperty().set("Could not open " + file.getFileName());
                    Dialogs.error(owner, "Cannot read this dataset", e.getMessage()
                            + "\n\nGenscope reads IDX (raw or gzip), numeric CSV and NPY (float32, float64, uint8).");
                });
            } catch (OutOfMemoryError e) {
                Platform.runLater(() -> Dialogs.error(owner, "Dataset too large",
                        file + " does not fit in memory. Start Genscope with a larger -Xmx or use a subset."));
            }
        });
    }

    /** For {@code x-images-idx3-ubyte(.gz)} the file {@code x-labels-idx1-ubyte(.gz)} beside it, if it exists. */
    static Path siblingLabels(Path data) {
        String name = data.getFileName().toString();
        if (!name.contains("images-idx3")) return null;
        Path labels = data.resolveSibling(name.replace("images-idx3", "labels-idx1"));
        return Files.isRegularFile(labels) ? labels : null;
    }

    static String describe(Dataset d) {
        float[] range = Normalization.range(d.x().data);
        StringBuilder sb = new StringBuilder();
        sb.append(d.size()).append(" examples × ").append(d.dimension()).append(" features");
        if (d.isImage()) sb.append(" (images ").append(d.imageRows()).append('×').append(d.imageCols()).append(')');
        sb.append(String.format(Locale.ROOT, "%nvalues from %g to %g", range[0], range[1]));
        sb.append(d.hasLabels() ? "\nwith labels" : "\nno labels");
        sb.append("\n\nsource: ").append(d.source());
        return sb.toString();
    }
}
