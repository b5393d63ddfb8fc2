package org.genscope.ui.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.genscope.train.JobState;
import org.genscope.ui.ChartReads;
import org.genscope.ui.GenscopeApp;
import org.genscope.ui.Shots;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.settings.Settings;
import org.genscope.ui.shell.MainView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The VAE workspace end to end, headless: a short run from the keyboard, its curves, its latent scatter, a decode. */
@ExtendWith(ApplicationExtension.class)
class VaeWorkspaceTest {
    private MainView main;

    @Start
    void start(Stage stage) throws Exception {
        Settings settings = Settings.load(Files.createTempDirectory("genscope-vae").resolve("s.properties"));
        main = GenscopeApp.createMainWindow(stage, settings, new ExportService(settings));
        stage.show();
    }

    private VaeViewModel open(FxRobot robot) {
        robot.interact(() -> main.model().select("vae"));
        return ((VaeView) main.visible()).viewModel();
    }

    @Test
    void aShortRunShowsItsCurvesAndTheTestDigitsInTheLatentPlane(FxRobot robot) throws Exception {
        VaeViewModel vm = open(robot);
        robot.interact(() -> {
            vm.presetProperty().set(VaePreset.ALL.get(0));             // 2-D latent MNIST
            vm.hiddenProperty().set("64");
            vm.epochsProperty().set(2);
        });
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        Label status = robot.lookup("#train-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> vm.run().job().job() != null
                && vm.run().job().job().state() == JobState.FINISHED && status.getText().contains("finished"));
        XYChart chart = robot.lookup(".chart").queryAs(XYChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ChartReads.count(chart, 1) >= 2);
        double[] valid = ChartReads.ys(chart, 1);
        assertTrue(valid[valid.length - 1] < valid[0], "validation −ELBO falls: " + valid[0] + " -> " + valid[valid.length - 1]);
        Shots.save(robot, main.currentView(), "vae-train");

        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.latentSpace().codesProperty().get() != null
                && vm.latentSpace().gridProperty().get() != null);
        LatentCodes codes = vm.latentSpace().codesProperty().get();
        assertEquals(10_000, codes.size(), "the MNIST test digits");
        assertEquals(10, codes.classes());
        LatentScatter scatter = robot.lookup(n -> n instanceof LatentScatter).queryAs(LatentScatter.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(scatter.rasterNanos() > 0, "the dots were drawn");
        // press in the plane and drag: every move decodes the point under the mouse
        robot.moveTo(scatter).press(MouseButton.PRIMARY).moveBy(25, -15).moveBy(10, 10).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        LatentViewModel.Decoded d = vm.latentSpace().decodedProperty().get();
        assertNotNull(d, "decoded on the move");
        assertEquals(784, d.x().length);
        Shots.save(robot, main.currentView(), "vae-latent");
        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        Shots.save(robot, main.currentView(), "vae-bound");
    }

    @Test
    void absurdSettingsAreRefusedOnTheErrorLine(FxRobot robot) {
        VaeViewModel vm = open(robot);
        robot.interact(() -> vm.latentProperty().set(0));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup(".error-text").queryAllAs(Label.class).stream()
                .filter(l -> l.getText() != null && !l.getText().isEmpty()).findFirst().orElseThrow();
        assertEquals("The latent size must be 1 to 100, got 0.", error.getText());
        robot.interact(() -> vm.latentProperty().set(2));
    }

    @Test
    void aDivergingRunStopsAndSaysWhy(FxRobot robot) throws Exception {
        VaeViewModel vm = open(robot);
        robot.interact(() -> {
            vm.presetProperty().set(VaePreset.ALL.get(3));             // 2-D toy
            vm.optimizerProperty().set(org.genscope.nn.OptimizerKind.SGD);
            vm.learningRateProperty().set("1");
        });
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        Label status = robot.lookup("#train-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> status.getText().contains("failed"));
        WaitForAsyncUtils.waitForFxEvents();     // the status line is set just before the views get that snapshot
        Label note = robot.lookup(n -> n instanceof Label l && l.getText() != null && l.getText().startsWith("Training stopped: "))
                .queryAs(Label.class);
        assertTrue(note.getStyleClass().contains("error-text"), note.getText());
        Shots.save(robot, main.currentView(), "vae-diverged");
    }
}
