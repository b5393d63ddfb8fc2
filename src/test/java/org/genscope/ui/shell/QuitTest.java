package org.genscope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.genscope.train.JobState;
import org.genscope.ui.GenscopeApp;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.flow.FlowView;
import org.genscope.ui.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Quitting asks first when a workspace holds trained work that was never saved, and only then. */
@ExtendWith(ApplicationExtension.class)
class QuitTest {
    private MainView main;
    private Path dir;
    private final List<List<String>> asked = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("genscope-quit");
        Settings settings = Settings.load(dir.resolve("s.properties"));
        main = GenscopeApp.createMainWindow(stage, settings, new ExportService(settings));
        main.setQuitConfirmer((owner, unsaved) -> {
            asked.add(unsaved);
            return false;
        });
        stage.show();
    }

    @Test
    void unsavedTrainingIsNotDroppedWithoutAsking(FxRobot robot) throws Exception {
        robot.interact(() -> assertTrue(main.confirmQuit(), "nothing trained: quits without asking"));
        assertTrue(asked.isEmpty());
        robot.interact(() -> main.model().select("flows"));
        FlowView flows = (FlowView) main.visible();
        robot.interact(() -> {
            flows.viewModel().stepsProperty().set(30);
            flows.viewModel().pointsProperty().set(500);
            flows.viewModel().run().train();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> flows.viewModel().run().job().job() != null
                && flows.viewModel().run().job().job().state() == JobState.FINISHED);
        robot.interact(() -> assertFalse(main.confirmQuit(), "the user said cancel"));
        assertEquals(List.of(List.of("Flows")), asked, "asked once, naming the workspace");

        Path file = dir.resolve("flow.safetensors");
        robot.interact(() -> flows.viewModel().run().save(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> main.model().messageProperty().get().startsWith("Saved model"));
        robot.interact(() -> assertTrue(main.confirmQuit(), "saved: quits without asking"));
        assertEquals(1, asked.size());
    }
}
