package org.genscope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.genscope.ui.Shots;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.data.Toy2D;
import org.genscope.io.ModelFile;
import org.genscope.session.DataChoice;
import org.genscope.train.JobState;
import org.genscope.train.Snapshot;
import org.genscope.ui.GenscopeApp;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File ▸ Save session / Open session through the real window: a session with two trained models (a MADE on
 * binarized MNIST 4×4, a flow on painted points) reopened in a second window restores settings, data and tensors
 * bit for bit, a further epoch of the restored MADE gives the loss the original model gives, and a new run from the
 * restored settings repeats the first run's numbers; a bad file is refused with a message and the app goes on.
 */
@ExtendWith(ApplicationExtension.class)
class SessionTest {
    private MainView main;
    private Stage stage;
    private Path dir;
    private final List<String> reports = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("genscope-session");
        main = window(stage, "a");
        this.stage = stage;
    }

    private MainView window(Stage s, String name) {
        Settings settings = Settings.load(dir.resolve(name + ".properties"));
        MainView m = GenscopeApp.createMainWindow(s, settings, new ExportService(settings));
        m.sessions().setReporter((owner, title, text) -> reports.add(title + ": " + text));
        s.show();
        return m;
    }

    private static <T> T fx(FxRobot robot, Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private static TabbedWorkspace open(FxRobot robot, MainView m, String id) throws Exception {
        return fx(robot, () -> {
            m.model().select(id);
            return (TabbedWorkspace) m.visible();
        });
    }

    /** Trains (a new run, or the shown model further) and waits until the run has finished; its last snapshot. */
    private static Snapshot<?> trainToEnd(FxRobot robot, TabbedWorkspace w, boolean newRun) throws Exception {
        Object before = fx(robot, () -> w.run().job().job());
        robot.interact(() -> {
            if (newRun) w.run().train();
            else w.trainOrResume();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            var j = w.run().job().job();
            return j != null && (newRun ? j != before : true) && j.latest() != null && j.latest().state() == JobState.FINISHED;
        });
        return w.run().job().job().latest();
    }

    private static Map<String, String> settings(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return m;
    }

    private static ModelFile modelOf(FxRobot robot, TabbedWorkspace w) throws Exception {
        byte[] bytes = fx(robot, () -> w.capture().model()).get(30, TimeUnit.SECONDS);
        return ModelFile.parse(bytes, Path.of("model.safetensors"));
    }

    @Test
    void aSessionRoundTripRestoresSettingsDataAndModelsAndTrainingRepeats(FxRobot robot) throws Exception {
        TabbedWorkspace made = open(robot, main, "made");
        fx(robot, () -> made.applyLessonSetup(settings("data", "mnist_4", "hidden", "24", "seed", "5", "epochs", "1",
                "masks", "2", "lr", "0.002", "tab", "Training")));
        Snapshot<?> first = trainToEnd(robot, made, true);
        double firstEpoch = first.trainCurve().value(0);

        TabbedWorkspace flows = open(robot, main, "flows");
        Dataset moons = Toy2D.byName("moons").generate(600, 0.05, 3);           // named as the Paint tab names its points
        DataSplits painted = DataSplits.random(new Dataset("painted", "Paint tab", moons.x(), null, 0, 0), 0.1, 0.1, 3);
        fx(robot, () -> {
            flows.applyLessonSetup(settings("layers", "nice:16*2", "steps", "30", "seed", "9"));
            flows.painting().use().accept(painted);
            return null;
        });
        trainToEnd(robot, flows, true);

        Path file = dir.resolve("class.genscope");
        robot.interact(() -> main.sessions().save(stage, file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> main.model().messageProperty().get().startsWith("Saved the session"));
        assertTrue(main.model().messageProperty().get().contains("2 trained models"), main.model().messageProperty().get());
        Map<String, String> madeSettings = fx(robot, () -> made.capture().settings());
        Map<String, String> flowSettings = fx(robot, () -> flows.capture().settings());
        ModelFile madeModel = modelOf(robot, made);
        ModelFile flowModel = modelOf(robot, flows);

        MainView other = fx(robot, () -> window(new Stage(), "b"));
        robot.interact(() -> other.sessions().open(stage, file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> other.model().currentProperty().get().id().equals("flows"));
        TabbedWorkspace made2 = open(robot, other, "made");
        TabbedWorkspace flows2 = open(robot, other, "flows");
        for (TabbedWorkspace w : List.of(made2, flows2)) {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> w.run().job().job() != null && w.run().job().job().latest() != null);
        }
        assertEquals(List.copyOf(madeSettings.entrySet()), List.copyOf(fx(robot, () -> made2.capture().settings()).entrySet()));
        assertEquals(List.copyOf(flowSettings.entrySet()), List.copyOf(fx(robot, () -> flows2.capture().settings()).entrySet()));
        assertEquals(madeModel.tensors(), modelOf(robot, made2).tensors(), "MADE tensors bit for bit");
        assertEquals(flowModel.tensors(), modelOf(robot, flows2).tensors(), "flow tensors bit for bit");
        DataChoice data = fx(robot, () -> flows2.capture().data());
        assertEquals(DataChoice.Kind.PAINTED, data.kind());
        assertArrayEquals(painted.train().x().data, data.painted().train().x().data);
        assertTrue(reports.isEmpty(), reports.toString());

        // a further epoch of the restored model gives the loss the original model gives from the same weights
        double restored = trainToEnd(robot, made2, false).trainCurve().value(0);
        robot.interact(() -> ((ModelTarget) made).openModel(madeModel));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> made.run().job().job() != null
                && made.run().job().job().latest() != null && made.run().job().job().latest().step() == 0);
        double original = trainToEnd(robot, made, false).trainCurve().value(0);
        assertEquals(original, restored, 0.0, "same weights, settings and seed: the same loss");

        // and a new run from the restored settings repeats the first run's numbers
        assertEquals(firstEpoch, trainToEnd(robot, made2, true).trainCurve().value(0), 0.0);
        robot.interact(() -> ((Stage) other.currentView().getScene().getWindow()).close());
    }

    @Test
    void aBadSessionFileIsRefusedWithItsNameAndTheAppGoesOn(FxRobot robot) throws Exception {
        Path bad = Files.writeString(dir.resolve("broken.genscope"), "not a zip at all");
        robot.interact(() -> main.sessions().open(stage, bad));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !reports.isEmpty());
        assertTrue(reports.get(0).startsWith("Cannot open this session: broken.genscope cannot be opened as a session"), reports.get(0));
        assertEquals("Could not open broken.genscope", main.model().messageProperty().get());
        assertEquals("home", main.model().currentProperty().get().id());
        TabbedWorkspace made = open(robot, main, "made");
        assertNotNull(made.root());
        try (var files = Files.list(dir)) {                        // nothing written beside it (settings aside)
            assertEquals(List.of("broken.genscope"), files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("a.properties")).toList());
        }
    }

    @Test
    void theFileMenuOffersSaveAndOpenSession(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu file = bar.getMenus().get(0);
        List<String> items = file.getItems().stream().map(MenuItem::getText).filter(t -> t != null).toList();
        assertTrue(items.containsAll(List.of("Open sess_ion…", "_Save session…")), items.toString());
        robot.interact(file::show);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().stream().anyMatch(w -> w instanceof PopupWindow && w.isShowing()));
        Window popup = Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing()).findFirst().orElseThrow();
        Shots.save(robot, popup.getScene().getRoot(), "session-file-menu");
        Shots.save(robot, stage.getScene().getRoot(), "session-window-menu");
        robot.interact(file::hide);
    }
}
