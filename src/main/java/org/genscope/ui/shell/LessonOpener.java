package org.genscope.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.Lesson;
import org.genscope.ui.common.Lessons;
import org.genscope.ui.common.UiExecutor;

/**
 * File ▸ Open lesson and the home page's lesson links: shows a lesson in its workspace's Lessons tab, reading a
 * teacher's own lesson file off the FX thread; a bad file or a workspace that runs no lessons gets a message.
 */
final class LessonOpener {
    private final MainViewModel model;
    private final UiExecutor ui;
    private final Supplier<WorkspaceView> visible;

    LessonOpener(MainViewModel model, UiExecutor ui, Supplier<WorkspaceView> visible) {
        this.model = model;
        this.ui = ui;
        this.visible = visible;
    }

    /** Shows {@code lesson} in its workspace; says so when that workspace is not built or runs none. FX thread. */
    void show(Window owner, Lesson lesson) {
        if (!model.select(lesson.workspace()) || visible.get().lessons().isEmpty()) {
            Dialogs.error(owner, "Cannot show this lesson", "\"" + lesson.title() + "\" is for the '" + lesson.workspace()
                    + "' workspace, which is not built yet or runs no lessons.");
            return;
        }
        visible.get().lessons().get().showLesson(lesson);
        model.messageProperty().set("Lesson: " + lesson.title());
    }

    /** Asks for a lesson file, reads it in the background and shows it. FX thread; returns once a file is chosen. */
    void openFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open lesson");
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("Lessons (*.lesson, *.txt)", "*.lesson", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(owner);
        if (f == null) return;
        Path file = f.toPath();
        BackgroundTask.of(() -> Lessons.read(file)).onSuccess(l -> show(owner, l)).onFailure(e -> Dialogs.error(owner,
                "Cannot read this lesson", BackgroundTask.describe(e) + "\n\nThe lesson format is in docs/lessons.md.")).run(ui);
    }
}
