package org.genscope.ui.vae;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.genscope.train.JobState;
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

/**
 * Not a check but pictures to look at: with {@code -Dgenscope.shot=DIR} (and {@code -Dgenscope.shot.preset=N}), trains
 * a preset to its end at the window's default size and saves every tab in light, dark and dark presenter mode. Skipped
 * otherwise (it takes a minute).
 */
@ExtendWith(ApplicationExtension.class)
class VaeScreenshots {
    private MainView main;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Settings settings = Settings.load(Files.createTempDirectory("genscope-vae-shots").resolve("s.properties"));
        main = GenscopeApp.createMainWindow(stage, settings, new ExportService(settings));
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @Test
    void everyTabOfATrainedPreset(FxRobot robot) throws Exception {
        assumeTrue(System.getProperty("genscope.shot") != null, "pictures only with -Dgenscope.shot=DIR");
        assumeTrue(System.getProperty("genscope.shot.model") == null, "a model file's pictures instead");
        int preset = Integer.getInteger("genscope.shot.preset", 0);
        robot.interact(() -> main.model().select("vae"));
        VaeViewModel vm = ((VaeView) main.visible()).viewModel();
        robot.interact(() -> {
            vm.presetProperty().set(VaePreset.ALL.get(preset));
            vm.run().train();
        });
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> vm.run().job().job() != null
                && vm.run().job().job().state() == JobState.FINISHED);
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        String name = "vae-" + preset;
        Shots.inEveryLook(robot, stage.getScene(), name + "-train");
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.latentSpace().gridProperty().get() != null);
        LatentCodes c = vm.latentSpace().codesProperty().get();
        int a = first(c, 0);
        int b = first(c, 7);
        robot.interact(() -> {
            vm.latentSpace().interpolate(a, b);
            vm.latentSpace().select(first(c, 3));
        });
        Shots.inEveryLook(robot, stage.getScene(), name + "-latent");
        robot.interact(() -> {
            tabs.getSelectionModel().select(2);
            vm.evaluation().kProperty().set(100);
        });
        robot.interact(() -> robot.lookup(n -> n instanceof BoundPanel).queryAs(BoundPanel.class).evaluate.fire());
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> vm.evaluation().figuresProperty().get() != null);
        Shots.inEveryLook(robot, stage.getScene(), name + "-bound");
    }

    /**
     * With {@code -Dgenscope.shot.model=FILE}: a trained VAE opened as File ▸ Open trained model opens it, its latent
     * space with an interpolation between a 0 and a 7 and a decoded point, and its bound evaluated (k = 100).
     */
    @Test
    void aTrainedModelOpenedFromItsFile(FxRobot robot) throws Exception {
        String model = System.getProperty("genscope.shot.model");
        assumeTrue(System.getProperty("genscope.shot") != null && model != null, "pictures only with -Dgenscope.shot.model");
        robot.interact(() -> main.openModel(java.nio.file.Path.of(model)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> main.visible() instanceof VaeView v
                && v.viewModel().run().job().job() != null && v.viewModel().runDataProperty().get() != null);
        VaeViewModel vm = ((VaeView) main.visible()).viewModel();
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.run().job().job().latest() != null
                && vm.run().job().job().latest().payload() != null);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        Shots.inEveryLook(robot, stage.getScene(), "vae-model-train");
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.latentSpace().codesProperty().get() != null
                && vm.latentSpace().gridProperty().get() != null);
        LatentCodes c = vm.latentSpace().codesProperty().get();
        robot.interact(() -> {
            vm.latentSpace().interpolate(first(c, 0), first(c, 7));
            vm.latentSpace().select(first(c, 2));
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.latentSpace().interpolationProperty().get() != null);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        Shots.inEveryLook(robot, stage.getScene(), "vae-model-latent");
        LatentPanel panel = robot.lookup(n -> n instanceof LatentPanel).queryAs(LatentPanel.class);
        robot.interact(() -> {                        // as File ▸ Export view writes it, on the theme's surface (1×: the size on screen)
            try {
                org.genscope.ui.export.ViewExporter.writePng(panel, 1, org.genscope.ui.theme.ThemeColors.resolve(panel,
                        "-app-surface", javafx.scene.paint.Color.WHITE), java.nio.file.Path.of(System.getProperty(
                        "genscope.shot"), "vae-model-latent-panel.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        robot.interact(() -> {
            tabs.getSelectionModel().select(2);
            vm.evaluation().kProperty().set(100);
        });
        robot.interact(() -> robot.lookup(n -> n instanceof BoundPanel).queryAs(BoundPanel.class).evaluate.fire());
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> vm.evaluation().figuresProperty().get() != null);
        Shots.inEveryLook(robot, stage.getScene(), "vae-model-bound");
    }

    /** The first example of class {@code k}, else the first one. */
    private static int first(LatentCodes c, int k) {
        for (int i = 0; i < c.size(); i++) if (c.label(i) == k) return i;
        return 0;
    }
}
