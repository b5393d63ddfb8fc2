package org.genscope.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.genscope.io.ModelFile;
import org.genscope.session.Session;
import org.genscope.session.SessionArchive;
import org.genscope.session.WorkspaceState;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.export.ExportService;

/**
 * File ▸ Save session and Open session: every open workspace's settings, data choice and trained model in one file
 * ({@link SessionArchive}), and the screens set up again from one. The files are written and read off the FX thread;
 * the workspaces report and restore themselves ({@link SessionPart}).
 */
final class SessionFiles {
    static final FileChooser.ExtensionFilter SESSION = new FileChooser.ExtensionFilter("Genscope session (*.genscope)", "*.genscope");

    /** Tells the user what went wrong; tests replace the modal dialog. */
    interface Reporter {
        void report(Window owner, String title, String text);
    }

    private final MainViewModel model;
    private final UiExecutor ui;
    private final ExportService files;
    private final Map<String, WorkspaceView> views;
    private final Supplier<DatasetOpener> datasets;
    private Reporter reporter = Dialogs::error;

    /** @param views the workspaces opened so far, by id, in the order they were opened (the shell's own map) */
    SessionFiles(MainViewModel model, UiExecutor ui, ExportService files, Map<String, WorkspaceView> views,
                 Supplier<DatasetOpener> datasets) {
        this.model = model;
        this.ui = ui;
        this.files = files;
        this.views = views;
        this.datasets = datasets;
    }

    void setReporter(Reporter reporter) {
        this.reporter = reporter;
    }

    /** File ▸ Save session: asks where, then saves. FX thread. */
    void askAndSave(Window owner) {
        files.askSave(owner, "Save the session", "session", SESSION).ifPresent(f -> save(owner, f));
    }

    /** File ▸ Open session: asks which file, then opens it. FX thread. */
    void askAndOpen(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a session");
        chooser.getExtensionFilters().setAll(SESSION, new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(owner);
        if (f != null) open(owner, f.toPath());
    }

    /** Saves the session to {@code target}. FX thread; returns at once, the outcome goes to the status bar. */
    void save(Window owner, Path target) {
        record Part(String id, SessionPart.Capture capture) {}
        List<Part> parts = new ArrayList<>();
        views.forEach((id, v) -> v.session().ifPresent(s -> parts.add(new Part(id, s.capture()))));
        String selected = model.currentProperty().get().id();
        model.messageProperty().set("Saving the session to " + target.getFileName() + "…");
        BackgroundTask.of(() -> {
            List<WorkspaceState> states = new ArrayList<>();
            for (Part p : parts) {
                var bytes = p.capture().model();
                ModelFile trained = bytes == null ? null : ModelFile.parse(bytes.get(), target.resolve("models/" + p.id() + ".safetensors"));
                states.add(new WorkspaceState(p.id(), p.capture().settings(), p.capture().data(), trained));
            }
            SessionArchive.write(target, new Session(selected, states));
            return states;
        }).onSuccess(states -> model.messageProperty().set("Saved the session (" + summary(states) + ") to " + target))
                .onFailure(e -> {
                    model.messageProperty().set("Could not save the session (nothing was written)");
                    reporter.report(owner, "Cannot save the session", BackgroundTask.describe(e)
                            + "\n\nNothing was written. Check that the folder exists and is writable, then try again.");
                }).run(ui);
    }

    /** Opens the session in {@code file}: reads it off the FX thread, then sets every workspace in it up again. */
    void open(Window owner, Path file) {
        model.messageProperty().set("Reading the session " + file.getFileName() + "…");
        BackgroundTask.of(() -> SessionArchive.read(file)).onSuccess(s -> restore(owner, file, s)).onFailure(e -> {
            model.messageProperty().set("Could not open " + file.getFileName());
            reporter.report(owner, "Cannot open this session", BackgroundTask.describe(e)
                    + "\n\nGenscope opens the .genscope files it saves with File ▸ Save session.");
        }).run(ui);
    }

    private void restore(Window owner, Path file, Session s) {
        List<String> problems = new ArrayList<>();
        for (WorkspaceState w : s.workspaces()) {
            Optional<WorkspaceDescriptor> d = model.byId(w.id()).filter(WorkspaceDescriptor::available);
            if (d.isEmpty() || !model.select(d.get())) {
                problems.add("there is no workspace '" + w.id() + "' in this version; it was left out");
                continue;
            }
            String title = d.get().title();
            views.get(w.id()).session().ifPresent(part -> part.restore(w, (data, target, then) ->
                    datasets.get().reopen(owner, data, target, title, then), problems::add));
        }
        model.select(s.selected());
        model.messageProperty().set("Opened the session " + file.getFileName() + " (" + summary(s.workspaces()) + ")");
        if (!problems.isEmpty()) {
            reporter.report(owner, "Opened the session with changes", "Opened " + file.getFileName() + ", but:\n• "
                    + String.join("\n• ", problems));
        }
    }

    private String summary(List<WorkspaceState> states) {
        if (states.isEmpty()) return "no workspace open";
        long models = states.stream().filter(w -> w.model() != null).count();
        String names = String.join(", ", states.stream().map(w -> model.byId(w.id()).map(WorkspaceDescriptor::title).orElse(w.id())).toList());
        return names + "; " + models + (models == 1 ? " trained model" : " trained models");
    }
}
