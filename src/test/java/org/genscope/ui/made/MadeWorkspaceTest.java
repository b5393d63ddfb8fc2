package org.genscope.ui.made;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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

/** The MADE workspace end to end, headless: build, check the autoregressive property, train, sample, export. */
@ExtendWith(ApplicationExtension.class)
class MadeWorkspaceTest {
    private MainView main;

    @Start
    void start(Stage stage) throws Exception {
        Settings settings = Settings.load(Files.createTempDirectory("genscope-made").resolve("s.properties"));
        main = GenscopeApp.createMainWindow(stage, settings, new ExportService(settings));
        stage.show();
    }

    @Test
    void aForbiddenDependencyIsReportedAsFailure(FxRobot robot) throws Exception {
        org.genscope.made.Connectivity c = org.genscope.made.Connectivity.of(new int[] {2, 1, 3}, new int[] {1, 2});
        boolean[][] deps = new boolean[3][3];
        deps[0][1] = true;          // x1 (generated 2nd) on x2 (1st): allowed
        deps[1][2] = true;          // x2 (1st) on x3 (3rd): forbidden
        DependencyPanel panel = WaitForAsyncUtils.asyncFx(DependencyPanel::new).get();
        robot.interact(() -> panel.show(c, deps));
        Label verdict = (Label) panel.getChildren().get(0);
        assertTrue(verdict.getText().startsWith("FAIL: 1 forbidden"), verdict.getText());
        assertTrue(verdict.getText().contains("the output for x2 depends on x3"), verdict.getText());
        robot.interact(() -> panel.show(c, new boolean[3][3]));
        assertTrue(verdict.getText().startsWith("PASS"));
    }

    @Test
    void aSavedMadeOpensOnItsDataAndShowsItsOwnNetwork(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("made"));
        org.genscope.made.MadeConfig config = new org.genscope.made.MadeConfig(2, new int[] {12, 10},
                org.genscope.made.OrderingKind.RANDOM, null, org.genscope.made.DegreeRule.EVEN, 0, false, 1, false,
                org.genscope.made.Conditional.MIXTURE, 3, "relu", 9);
        org.genscope.made.Made saved = new org.genscope.made.Made(config, new org.genscope.nn.Rng(9));
        Path file = Files.createTempDirectory("genscope-open-made").resolve("moons.safetensors");
        org.genscope.made.MadeFile.save(file, saved, java.util.Map.of(org.genscope.io.Metadata.DATASET, "moons-train"));
        MadeView view = (MadeView) main.visible();
        robot.interact(() -> view.openModel(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("The model as opened")).tryQuery().isPresent());
        assertEquals(MadeData.MOONS, view.viewModel().dataProperty().get());
        org.genscope.made.Connectivity shown = view.viewModel().builder().connectivity();
        assertEquals(2, shown.hiddenLayers());
        assertEquals(12, shown.width(1));
        assertEquals(10, shown.width(2));
        assertTrue(java.util.Arrays.equals(saved.connectivity().degrees(1), shown.degrees(1)), "mask 0's own degrees");
        assertTrue(java.util.Arrays.equals(saved.connectivity().ordering(), shown.ordering()), "its ordering");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        XYChart chart = robot.lookup(".chart").queryAs(XYChart.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ChartReads.count(chart, 1) >= 3);
        robot.interact(() -> robot.lookup("#train-stop").queryButton().fire());
    }

    @Test
    void twoDimensionalDataShowsTheLearnedDensity(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("made"));
        @SuppressWarnings("unchecked")
        ComboBox<MadeData> data = robot.lookup(".combo-box").queryAllAs(ComboBox.class).stream()
                .filter(c -> c.getItems().contains(MadeData.EIGHT_GAUSSIANS)).findFirst().orElseThrow();
        robot.interact(() -> data.setValue(MadeData.EIGHT_GAUSSIANS));
        robot.interact(() -> robot.lookup("#train-start").queryButton().fire());
        org.genscope.ui.common.DensityView density = robot.lookup(".model-density")
                .queryAs(org.genscope.ui.common.DensityView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> density.rows() > 0);
        XYChart chart = robot.lookup(".chart").queryAs(XYChart.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ChartReads.count(chart, 1) >= 3);
        robot.interact(() -> robot.lookup("#train-stop").queryButton().fire());
        Label status = robot.lookup("#train-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().contains("stopped"));
        double[] valid = ChartReads.ys(chart, 1);
        double first = valid[0];
        double last = valid[valid.length - 1];
        assertTrue(last < first, "validation NLL falls while training: " + first + " -> " + last);
        Shots.save(robot, main.currentView(), "made-2d");
    }

    @Test
    void buildCheckTrainAndSample(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("made"));
        TabPane tabsAtStart = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabsAtStart.getSelectionModel().select(2));       // the verdict is on the check tab
        Label verdict = robot.lookup("#ar-verdict").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> verdict.getText().startsWith("PASS"));

        @SuppressWarnings("unchecked")
        ComboBox<MadeData> data = robot.lookup(".combo-box").queryAllAs(ComboBox.class).stream()
                .filter(c -> c.getItems().contains(MadeData.MNIST_4)).findFirst().orElseThrow();
        robot.interact(() -> data.setValue(MadeData.MNIST_4));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> verdict.getText().startsWith("PASS"));

        robot.interact(() -> robot.lookup("#train-start").queryButton().fire());
        Label status = robot.lookup("#train-status").queryAs(Label.class);
        // 20 epochs of 50k 16-pixel digits; stop after the first validation so the test stays quick
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status.getText().contains("running"));
        XYChart chart = robot.lookup(".chart").queryAs(XYChart.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> ChartReads.count(chart, 1) >= 1);
        robot.interact(() -> robot.lookup("#train-stop").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().contains("stopped"));
        double validNll = ChartReads.ys(chart, 1)[0];
        assertTrue(validNll > 0 && validNll < 16 * Math.log(2), "validation NLL beats a coin per pixel: " + validNll);

        robot.interact(() -> robot.lookup("#draw-pixel-by-pixel").queryButton().fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".form-section").queryAllAs(Label.class)
                .stream().anyMatch(l -> l.getText().startsWith("Pixel by pixel: 16 of 16")));

        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals("Training", tabs.getSelectionModel().getSelectedItem().getText());
        // -Dgenscope.shot=DIR writes each tab as a PNG, to look at what the test drove
        if (System.getProperty("genscope.shot") != null) {
            for (int i = 0; i < tabs.getTabs().size(); i++) {
                int tab = i;
                robot.interact(() -> tabs.getSelectionModel().select(tab));
                WaitForAsyncUtils.waitForFxEvents();
                Shots.save(robot, main.currentView(), "made-tab" + tab);
            }
        }
    }
}
