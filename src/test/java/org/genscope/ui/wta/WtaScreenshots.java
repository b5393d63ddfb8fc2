package org.genscope.ui.wta;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.genscope.train.JobState;
import org.genscope.train.Snapshot;
import org.genscope.ui.GenscopeApp;
import org.genscope.ui.Shots;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.settings.Settings;
import org.genscope.ui.shell.MainView;
import org.genscope.wta.WtaPayload;
import org.genscope.wta.WtaPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opt-in (-Dgenscope.shot=DIR): short runs of the presets on binarized MNIST, every tab in light, dark and dark
 * presenter mode as PNGs to look at, and each preset's speed on this machine printed.
 */
@ExtendWith(ApplicationExtension.class)
class WtaScreenshots {
    private MainView main;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Settings settings = Settings.load(Files.createTempDirectory("genscope-wta-shots").resolve("s.properties"));
        main = GenscopeApp.createMainWindow(stage, settings, new ExportService(settings));
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    /** Trains the preset for about {@code seconds}, pauses, prints its speed; returns the view-model. */
    private WtaViewModel train(FxRobot robot, WtaPreset preset, int seconds) throws Exception {
        WtaViewModel vm = ((WtaView) main.visible()).viewModel();
        robot.interact(() -> {
            vm.presetProperty().set(preset);
            vm.dataProperty().set(WtaData.BINARIZED);
            vm.run().train();
        });
        return trainFor(robot, vm, preset.title, seconds);
    }

    /** Opens a saved model (shown as it is, then trained further for {@code seconds}). */
    private WtaViewModel openAndTrain(FxRobot robot, Path file, int seconds) throws Exception {
        WtaViewModel vm = ((WtaView) main.visible()).viewModel();
        robot.interact(() -> vm.openModel(file));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.run().job().job() != null
                && vm.run().job().job().state() == JobState.NEW && vm.run().job().job().latest() != null
                && vm.run().job().job().latest().payload() != null);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        if (seconds == 0) return vm;
        robot.interact(() -> vm.run().job().start());
        return trainFor(robot, vm, file.getFileName().toString(), seconds);
    }

    private WtaViewModel trainFor(FxRobot robot, WtaViewModel vm, String title, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.run().job().job() != null
                && vm.run().job().job().state() == JobState.RUNNING);
        WaitForAsyncUtils.sleep(seconds, TimeUnit.SECONDS);
        Snapshot<WtaPayload> s = vm.run().job().job().latest();
        System.err.printf(Locale.ROOT, "SPEED %s: %.1f steps/s after %d steps (%d s)%n", title, s.stepsPerSecond(),
                s.step(), seconds);
        robot.interact(() -> vm.run().job().pause());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.run().job().job().state() == JobState.PAUSED);
        WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    private void everyTab(FxRobot robot, String name) {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int tab = i;
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            String t = tabs.getTabs().get(tab).getText().toLowerCase(Locale.ROOT);
            Shots.inEveryLook(robot, stage.getScene(), "wta-" + name + "-" + t);
        }
        robot.interact(() -> tabs.getSelectionModel().select(0));
    }

    /**
     * With -Dgenscope.wtaModels=DIR holding models trained by {@code genscope train wta} (fc5, convplain, conv32
     * .safetensors, see docs/wta-results.md): each opened, trained on for a few seconds, every tab shot.
     */
    @Test
    void everyTabOfTrainedModels(FxRobot robot) throws Exception {
        assumeTrue(System.getProperty("genscope.shot") != null && System.getProperty("genscope.wtaModels") != null);
        Path dir = Path.of(System.getProperty("genscope.wtaModels"));
        robot.interact(() -> main.model().select("wta"));
        openAndTrain(robot, dir.resolve("convplain.safetensors"), 0);
        robot.interact(() -> ((WtaView) main.visible()).keepReference());
        openAndTrain(robot, dir.resolve("conv32.safetensors"), 15);
        everyTab(robot, "trained-conv32");
        WtaViewModel vm = openAndTrain(robot, dir.resolve("fc5.safetensors"), 15);
        vm.features().setEpochs(10);
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(3));
        robot.interact(() -> robot.lookup("#wta-probe").queryButton().fire());
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !vm.features().runningProperty().get());
        everyTab(robot, "trained-fc5");
        robot.interact(() -> tabs.getSelectionModel().select(1));
        FiltersPanel filters = robot.lookup(".wta-filters").queryAs(FiltersPanel.class);
        for (int n : FiltersPanel.COUNTS) {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<Integer> count = (javafx.scene.control.ComboBox<Integer>) robot
                    .lookup(".wta-filters .combo-box").queryAll().stream().skip(1).findFirst().orElseThrow();
            long[] best = {Long.MAX_VALUE};
            for (int r = 0; r < 5; r++) {
                int shown = r % 2 == 0 ? n : 64;
                robot.interact(() -> count.setValue(shown));
                if (r % 2 == 0) best[0] = Math.min(best[0], filters.lastDrawNanos());
            }
            System.err.printf(Locale.ROOT, "REDRAW %s FC tiles: %.1f ms%n", n == 0 ? "all 2000" : n, best[0] / 1e6);
        }
    }

    @Test
    void everyTabOfShortRuns(FxRobot robot) throws Exception {
        assumeTrue(System.getProperty("genscope.shot") != null && System.getProperty("genscope.wtaModels") == null,
                "screenshots only with -Dgenscope.shot=DIR");
        robot.interact(() -> main.model().select("wta"));
        WtaViewModel vm = train(robot, WtaPreset.CONV_PLAIN, 25);
        robot.interact(() -> ((WtaView) main.visible()).keepReference());
        train(robot, WtaPreset.CONV_32, 40);
        everyTab(robot, "conv32");
        train(robot, WtaPreset.FC_20, 25);
        vm.features().setEpochs(10);
        everyTab(robot, "fc20");
        train(robot, WtaPreset.FC_5, 10);
        train(robot, WtaPreset.CONV_128, 20);
        robot.interact(() -> vm.run().job().stop());
    }
}
