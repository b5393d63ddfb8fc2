package org.genscope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.genscope.ui.common.Truncation;
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
 * Every tab of every workspace at the window's default size (1280×800), in normal and presenter mode, shows its
 * labels whole: nothing on screen — and so nothing in an exported PNG — is cut off with an ellipsis.
 */
@ExtendWith(ApplicationExtension.class)
class NoClippedLabelsTest {
    private MainView main;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Settings settings = Settings.load(Files.createTempDirectory("genscope-clip").resolve("s.properties"));
        main = GenscopeApp.createMainWindow(stage, settings, new ExportService(settings));
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    /** A short flow run: the density, layer-by-layer and diagnostics tabs show a model. */
    private void trainFlowBriefly(FxRobot robot) {
        org.genscope.ui.flow.FlowViewModel vm = ((org.genscope.ui.flow.FlowView) main.visible()).viewModel();
        if (vm.run().job().job() != null) return;
        robot.interact(() -> {
            vm.stepsProperty().set(60);
            vm.pointsProperty().set(1000);
            vm.run().train();
        });
        await(() -> vm.run().job().job() != null && vm.run().job().job().state().isTerminal());
    }

    private static void await(java.util.concurrent.Callable<Boolean> done) {
        try {
            WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, done);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the run did not end", e);
        }
    }

    /** MADE on a 2-D toy, two epochs: the training tab shows its 2-D titles and a curve. */
    private void trainMadeBriefly(FxRobot robot) {
        org.genscope.ui.made.MadeViewModel vm = ((org.genscope.ui.made.MadeView) main.visible()).viewModel();
        if (vm.run().job().job() != null) return;
        robot.interact(() -> {
            vm.chooseBuiltIn("eight_gaussians");
            vm.epochsProperty().set(2);
            vm.run().train();
        });
        await(() -> vm.run().job().job() != null && vm.run().job().job().state().isTerminal());
    }

    /** A small FC-WTA on the 10k sample, one epoch: the filters, activity and curves show a model. */
    private void trainWtaBriefly(FxRobot robot) {
        org.genscope.ui.wta.WtaViewModel vm = ((org.genscope.ui.wta.WtaView) main.visible()).viewModel();
        if (vm.run().job().job() != null) return;
        robot.interact(() -> {
            vm.unitsProperty().set("64");
            vm.epochsProperty().set(1);
            vm.run().train();
        });
        await(() -> vm.run().job().job() != null && vm.run().job().job().state().isTerminal());
    }

    /** The first preset (2-D latent MNIST), one epoch of a small network: every VAE tab shows a model and its latent space. */
    private void trainVaeBriefly(FxRobot robot) {
        org.genscope.ui.vae.VaeViewModel vm = ((org.genscope.ui.vae.VaeView) main.visible()).viewModel();
        if (vm.run().job().job() != null) return;
        robot.interact(() -> {
            vm.hiddenProperty().set("64");
            vm.epochsProperty().set(1);
            vm.run().train();
        });
        await(() -> vm.run().job().job() != null && vm.run().job().job().state().isTerminal());
    }

    @Test
    void noLabelIsCutOffInAnyTabOrMode(FxRobot robot) {
        List<String> cut = new ArrayList<>();
        for (boolean presenter : new boolean[] {false, true}) {
            robot.interact(() -> main.model().presenterProperty().set(presenter));
            for (String id : new String[] {"home", "made", "flows", "vae", "wta", "compare"}) {
                robot.interact(() -> main.model().select(id));
                if (id.equals("made")) trainMadeBriefly(robot);
                if (id.equals("flows")) trainFlowBriefly(robot);
                if (id.equals("vae")) trainVaeBriefly(robot);
                if (id.equals("wta")) trainWtaBriefly(robot);
                WaitForAsyncUtils.waitForFxEvents();
                TabPane tabs = main.currentView().lookup(".tab-pane") instanceof TabPane t ? t : null;
                int n = tabs == null ? 1 : tabs.getTabs().size();
                for (int i = 0; i < n; i++) {
                    int tab = i;
                    if (tabs != null) robot.interact(() -> tabs.getSelectionModel().select(tab));
                    WaitForAsyncUtils.waitForFxEvents();
                    WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
                    WaitForAsyncUtils.waitForFxEvents();
                    String where = id + (tabs == null ? "" : "/" + tabs.getTabs().get(tab).getText())
                            + (presenter ? " (presenter)" : "");
                    for (Labeled l : Truncation.find(stage.getScene().getRoot())) cut.add(where + ": '" + l.getText() + "'");
                }
            }
        }
        robot.interact(() -> main.model().presenterProperty().set(false));
        assertTrue(cut.isEmpty(), "cut-off labels:\n" + String.join("\n", cut));
    }
}
