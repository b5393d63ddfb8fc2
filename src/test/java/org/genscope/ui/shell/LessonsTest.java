package org.genscope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.genscope.ui.GenscopeApp;
import org.genscope.ui.Shots;
import org.genscope.ui.common.Lesson;
import org.genscope.ui.common.Lessons;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every built-in lesson's every step sets its workspace up without a problem; the Lessons tab pages by keys. */
@ExtendWith(ApplicationExtension.class)
class LessonsTest {
    private MainView main;

    @Start
    void start(Stage stage) throws Exception {
        Settings settings = Settings.load(Files.createTempDirectory("genscope-lessons").resolve("s.properties"));
        main = GenscopeApp.createMainWindow(stage, settings, new ExportService(settings));
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @Test
    void everyStepOfEveryBuiltInLessonAppliesToItsWorkspace(FxRobot robot) {
        for (Lesson l : Lessons.builtIn()) {
            robot.interact(() -> main.model().select(l.workspace()));
            TabbedWorkspace w = (TabbedWorkspace) main.visible();
            for (Lesson.Step s : l.steps()) {
                Map<String, String> setup = new LinkedHashMap<>(s.setup());
                setup.remove("train");                           // the settings only: no training in this test
                List<String>[] problems = new List[1];
                robot.interact(() -> problems[0] = w.applyLessonSetup(setup));
                assertTrue(problems[0].isEmpty(), l.title() + " / " + s.title() + ": " + problems[0]);
                if (setup.containsKey("tab")) {
                    assertEquals(setup.get("tab").toLowerCase(), robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                            .filter(p -> p.getScene() != null && p.isVisible()).findFirst().orElseThrow()
                            .getSelectionModel().getSelectedItem().getText().toLowerCase());
                }
            }
        }
    }

    @Test
    void theHomePageLinksEachLessonToItsWorkspace(FxRobot robot) {
        robot.interact(() -> main.model().select("home"));
        Lesson l = Lessons.forWorkspace("flows").get(0);
        robot.interact(() -> robot.lookup(l.title()).queryAs(javafx.scene.control.Hyperlink.class).fire());
        assertEquals("flows", main.model().currentProperty().get().id());
        assertEquals(l, ((TabbedWorkspace) main.visible()).lessonPanel().lesson());
        robot.interact(() -> main.model().select("home"));
        Shots.inEveryLook(robot, robot.lookup(".home").query().getScene(), "home-lessons");
    }

    @Test
    void aWrongSettingIsSaidAndTheLessonTabPagesWithPageDown(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("made"));
        TabbedWorkspace w = (TabbedWorkspace) main.visible();
        List<String>[] problems = new List[1];
        robot.interact(() -> problems[0] = w.applyLessonSetup(Map.of("hidden", "abc", "colour", "red")));
        assertEquals(2, problems[0].size(), problems[0].toString());
        assertTrue(String.join(";", problems[0]).contains("no setting 'colour'"), problems[0].toString());

        Path own = Files.writeString(Files.createTempDirectory("lesson").resolve("mine.lesson"),
                "lesson: My own\nworkspace: made\nstep: One\nFirst.\nstep: Two\nSecond.\nset hidden: 6\n");
        Lesson mine = Lessons.read(own);
        robot.interact(() -> main.openLesson(mine));
        assertEquals("made", main.model().currentProperty().get().id());
        assertEquals(mine, w.lessonPanel().lesson());
        assertEquals(0, w.lessonPanel().stepProperty().get());
        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        assertEquals(1, w.lessonPanel().stepProperty().get());
        robot.interact(() -> w.lessonPanel().setUpStep());
        assertEquals("6", ((org.genscope.ui.made.MadeView) w).viewModel().builder().widthsProperty().get());
        robot.press(KeyCode.PAGE_UP).release(KeyCode.PAGE_UP);
        assertEquals(0, w.lessonPanel().stepProperty().get());
        robot.interact(() -> {
            main.openLesson(Lessons.forWorkspace("made").get(0));
            w.lessonPanel().go(1);
            w.lessonPanel().setUpStep();
            w.lessonPanel().revealAnswer();
            w.applyLessonSetup(Map.of("tab", "Lessons"));
        });
        Shots.inEveryLook(robot, robot.lookup(".tab-pane").query().getScene(), "lesson-made");
    }
}
