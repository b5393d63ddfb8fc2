package org.genscope.ui.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.genscope.data.DataFiles;
import org.genscope.data.DataOrigin;
import org.genscope.data.DataFormatException;
import org.genscope.data.Dataset;
import org.genscope.data.ImageFolder;
import org.genscope.data.Normalization;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.UiExecutor;

/**
 * File ▸ Open dataset: asks for an IDX, CSV or NPY file, reads it off the FX thread (a sibling IDX label file,
 * {@code *-labels-idx1-*}, is picked up automatically), makes it the current dataset, hands it to the visible
 * workspace when that one can train on it ({@link DatasetTarget}), and tells the user what it holds and what was
 * done with it. A bad file gives a message naming the file and the problem; nothing else changes. File ▸ Open
 * image folder does the same for a folder of pictures ({@link ImageFolderDialog}).
 */
final class DatasetOpener {
    /** Asks for the file; tests replace the real file chooser. */
    interface Picker {
        Optional<Path> pick(Window owner);
    }

    /** Asks how to read a folder of pictures (size, inversion, binarization) and gives the dataset; tests replace it. */
    interface FolderPrompt {
        Optional<ImageFolderDialog.Reading> ask(Window owner, Path folder);
    }

    /** Tells the user the outcome; tests replace the modal dialogs. */
    interface Reporter {
        void report(Window owner, Outcome outcome, String title, String text);
    }

    enum Outcome { OPENED, NOT_USABLE_HERE, FAILED }

    private final MainViewModel model;
    private final UiExecutor ui;
    private Picker picker = DatasetOpener::askWithChooser;
    private Picker folderPicker = DatasetOpener::askForFolder;
    private FolderPrompt folderPrompt;
    private Reporter reporter = DatasetOpener::showDialog;

    DatasetOpener(MainViewModel model, UiExecutor ui) {
        this.model = model;
        this.ui = ui;
        this.folderPrompt = (owner, folder) -> new ImageFolderDialog(owner, folder, ui).showAndWait();
    }

    void setFolderPicker(Picker folderPicker) {
        this.folderPicker = folderPicker;
    }

    void setFolderPrompt(FolderPrompt folderPrompt) {
        this.folderPrompt = folderPrompt;
    }

    void setPicker(Picker picker) {
        this.picker = picker;
    }

    void setReporter(Reporter reporter) {
        this.reporter = reporter;
    }

    /**
     * Asks for a file and opens it. FX thread; returns once the file is chosen.
     *
     * @param target    the visible workspace if it can train on datasets, else null
     * @param workspace its title, for the messages
     */
    void open(Window owner, DatasetTarget target, String workspace) {
        Optional<Path> chosen = picker.pick(owner);
        if (chosen.isEmpty()) return;
        read(owner, chosen.get(), target, workspace, false, () -> { });
    }

    /**
     * A session's data file or image folder, read again (a folder as it was read then) and handed to its workspace as
     * {@link #open} does, without the dialog that says it opened (one that says it could not still appears, and one
     * listing pictures that could not be read); then {@code then}, either way. FX thread.
     */
    void reopen(Window owner, DataOrigin data, DatasetTarget target, String workspace, Runnable then) {
        Path file = data.path();
        if (data.folder() != null) {
            model.messageProperty().set("Reading the pictures in " + data.name() + "…");
            BackgroundTask.of(() -> ImageFolder.read(file, data.folder())).onSuccess(r -> {
                if (!r.unreadable().isEmpty()) {
                    reporter.report(owner, Outcome.NOT_USABLE_HERE, "Some pictures were left out", r.unreadable().size()
                            + " pictures in " + file + " could not be read:\n• " + String.join("\n• ",
                            r.unreadable().stream().limit(10).map(Object::toString).toList()));
                }
                opened(owner, data, r.dataset(), target, workspace, true, then);
            }).onFailure(e -> {
                then.run();
                model.messageProperty().set("Could not open " + data.name());
                reporter.report(owner, Outcome.FAILED, "Cannot read this image folder", BackgroundTask.describe(e));
            }).run(ui);
            return;
        }
        if (Files.isDirectory(file)) {
            reporter.report(owner, Outcome.FAILED, "Open the image folder again", file + " is a folder of pictures, and "
                    + "this session does not say how it was read. Open it again with File ▸ Open image folder.");
            then.run();
            return;
        }
        read(owner, file, target, workspace, true, then);
    }

    private void read(Window owner, Path file, DatasetTarget target, String workspace, boolean quiet, Runnable then) {
        model.messageProperty().set("Reading " + file.getFileName() + "…");
        BackgroundTask.of(() -> DataFiles.readDataset(file, siblingLabels(file)))
                .onSuccess(d -> opened(owner, DataOrigin.file(file), d, target, workspace, quiet, then))
                .onFailure(e -> {
                    then.run();
                    model.messageProperty().set("Could not open " + file.getFileName());
                    if (e instanceof OutOfMemoryError) {
                        reporter.report(owner, Outcome.FAILED, "Dataset too large", file + " does not fit in memory. "
                                + "Start Genscope with a larger -Xmx or use a subset.");
                    } else {
                        reporter.report(owner, Outcome.FAILED, "Cannot read this dataset", BackgroundTask.describe(e)
                                + "\n\nGenscope reads IDX (raw or gzip), numeric CSV and NPY (float32, float64, uint8).");
                    }
                }).run(ui);
    }

    /**
     * File ▸ Open image folder: asks for a folder, then how to read its pictures (with a preview, off the FX
     * thread), and uses the dataset as {@link #open} does. FX thread.
     */
    void openFolder(Window owner, DatasetTarget target, String workspace) {
        Optional<Path> chosen = folderPicker.pick(owner);
        if (chosen.isEmpty()) return;
        Path folder = chosen.get();
        folderPrompt.ask(owner, folder).ifPresent(r -> opened(owner, DataOrigin.folder(folder, r.options()), r.dataset(),
                target, workspace, false, () -> { }));
    }

    private void opened(Window owner, DataOrigin origin, Dataset d, DatasetTarget target, String workspace, boolean quiet,
                        Runnable then) {
        String name = origin.name();
        model.datasetProperty().set("Dataset: " + d);
        model.messageProperty().set("Opened " + name);
        String summary = describe(d);
        if (target == null) {
            then.run();
            reporter.report(owner, Outcome.OPENED, "Opened " + name, summary + "\n\nTo train on it, open the MADE "
                    + "workspace (images, binary vectors, 2-D points) or the Flows workspace (2-D points) and open "
                    + "the file there.");
            return;
        }
        use(target.useDataset(origin, d), owner, name, summary, workspace, quiet, then);
    }

    /** The workspace's preparation off the FX thread, then its use on the FX thread, then {@code then} and the report. */
    private <T> void use(DatasetTarget.Use<T> use, Window owner, String name, String summary, String workspace,
                         boolean quiet, Runnable then) {
        BackgroundTask.of(use.prepare()).onSuccess(prepared -> {
            String how = use.use().apply(prepared);
            then.run();
            model.messageProperty().set(workspace + " uses " + name);
            if (!quiet) reporter.report(owner, Outcome.OPENED, "Opened " + name, summary + "\n\n" + how);
        }).onFailure(e -> {
            then.run();
            String why = e instanceof IllegalArgumentException ? e.getMessage()
                    : "Could not prepare it: " + BackgroundTask.describe(e);
            model.messageProperty().set(workspace + " cannot use " + name);
            reporter.report(owner, Outcome.NOT_USABLE_HERE, "The " + workspace + " workspace cannot train on " + name,
                    summary + "\n\n" + why);
        }).run(ui);
    }

    private static Optional<Path> askWithChooser(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open dataset");
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter("Datasets (IDX, CSV, NPY)", "*.gz", "*-ubyte", "*.idx", "*.csv",
                        "*.txt", "*.npy"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    private static Optional<Path> askForFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of pictures (one sub-folder per class, optionally)");
        File f = chooser.showDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    private static void showDialog(Window owner, Outcome outcome, String title, String text) {
        switch (outcome) {
            case OPENED -> Dialogs.info(owner, title, text);
            case NOT_USABLE_HERE -> Dialogs.warning(owner, title, text);
            case FAILED -> Dialogs.error(owner, title, text);
        }
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
        sb.append(String.format(Locale.ROOT, "%,d examples × %,d features", d.size(), d.dimension()));
        if (d.isImage()) sb.append(" (images ").append(d.imageRows()).append('×').append(d.imageCols()).append(')');
        sb.append(String.format(Locale.ROOT, "%nvalues from %g to %g", range[0], range[1]));
        sb.append(d.hasLabels() ? "\nwith labels" : "\nno labels");
        sb.append("\n\nsource: ").append(d.source());
        return sb.toString();
    }
}
