package org.genscope.ui.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.genscope.ui.ChartReads;
import org.genscope.ui.common.PaintPanel;
import org.genscope.ui.GenscopeApp;
import org.genscope.ui.Shots;
import org.genscope.ui.common.DensityView;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.settings.Settings;
import org.genscope.ui.shell.MainView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Flows workspace end to end, headless: a preset trains from the keyboard and the learned density appears. */
@ExtendWith(ApplicationExtension.class)
class FlowWorkspaceTest {
    private MainView main;

    @Start
    void start(Stage stage) throws Exception {
        Settings settings = Settings.load(Files.createTempDirectory("genscope-flow").resolve("s.properties"));
        main = GenscopeApp.createMainWindow(stage, settings, new ExportService(settings));
        stage.show();
    }

    @Test
    void presetTrainsFromTheKeyboardAndShowsTheDensity(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("flows"));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        Label status = robot.lookup("#train-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status.getText().contains("running"));
        DensityView model = robot.lookup(".model-density").queryAs(DensityView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.rows() > 0);
        XYChart chart = robot.lookup(".chart").queryAs(XYChart.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ChartReads.count(chart, 1) >= 4);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().contains("paused"));
        double[] valid = ChartReads.ys(chart, 1);
        double first = valid[0];
        double last = valid[valid.length - 1];
        assertTrue(last < first, "validation NLL falls: " + first + " -> " + last);
        Shots.save(robot, main.currentView(), "flow-density");
        // the diagnostics tab fills in for the paused model
        javafx.scene.control.TabPane tabs = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        LayerByLayerPanel layers = robot.lookup(n -> n instanceof LayerByLayerPanel).queryAs(LayerByLayerPanel.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> layers.stages() != null && layers.stages().count() == 8);
        Shots.save(robot, main.currentView(), "flow-layers");
        robot.interact(() -> tabs.getSelectionModel().select(2));
        FlowDiagnosticsPanel diagnostics = robot.lookup(n -> n instanceof FlowDiagnosticsPanel)
                .queryAs(FlowDiagnosticsPanel.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> diagnostics.layerCount() == 8);
        assertTrue(diagnostics.inverseError() < 1e-3, "float32 round trip through 8 layers: " + diagnostics.inverseError());
        Shots.save(robot, main.currentView(), "flow-diagnostics");
        robot.interact(() -> robot.lookup("#train-stop").queryButton().fire());
    }

    @Test
    void aSavedFlowOpensAsItIsAndTrainsFurtherOnDemand(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("flows"));
        org.genscope.flow.FlowModel saved = org.genscope.flow.FlowSpec.parse("realnvp:16*3").withSeed(5).build(2);
        java.nio.file.Path file = Files.createTempDirectory("genscope-open-flow").resolve("rings.safetensors");
        org.genscope.flow.FlowFile.save(file, saved, java.util.Map.of(org.genscope.io.Metadata.DATASET, "rings-train"));
        FlowView view = (FlowView) main.visible();
        robot.interact(() -> view.openModel(file));
        XYChart chart = robot.lookup(".chart").queryAs(XYChart.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("The model as opened")).tryQuery().isPresent());
        Label opened = robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("The model as opened")).queryAs(Label.class);
        DensityView model = robot.lookup(".model-density").queryAs(DensityView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.rows() > 0);
        Label status = robot.lookup("#train-status").queryAs(Label.class);
        assertTrue(status.getText().contains("not trained here"), "shown, not trained: " + status.getText());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<FlowData> data = robot.lookup(".combo-box").queryAllAs(javafx.scene.control.ComboBox.class)
                .stream().filter(c -> c.getItems().stream().anyMatch(i -> i instanceof FlowData)).findFirst().orElseThrow();
        assertTrue("rings".equals(data.getValue().label()), "the toy it was trained on: " + data.getValue());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<org.genscope.flow.LayerSpec> layers = robot.lookup("#layerList")
                .queryAs(javafx.scene.control.ListView.class);
        assertTrue(layers.getItems().size() == 3, "its layers: " + layers.getItems());
        java.util.regex.Matcher nll = java.util.regex.Pattern.compile("NLL (\\d+\\.\\d+) nats").matcher(opened.getText());
        assertTrue(nll.find(), opened.getText());
        double loadedNll = Double.parseDouble(nll.group(1));
        double expected = saved.nll(org.genscope.data.Toy2D.RINGS.generate(20_000, 0.05, 1).x());
        assertTrue(Math.abs(loadedNll - expected) < 0.2, "the saved model's own NLL: " + loadedNll + " vs " + expected);
        Shots.save(robot, main.currentView(), "flow-opened");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ChartReads.count(chart, 1) >= 3);
        robot.interact(() -> robot.lookup("#train-stop").queryButton().fire());
    }

    @Test
    void aFileThatIsNotAFlowIsNamedAndNothingChanges(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("flows"));
        java.nio.file.Path bad = Files.createTempDirectory("genscope-bad").resolve("notes.safetensors");
        Files.writeString(bad, "not a model");
        FlowView view = (FlowView) main.visible();
        String before = robot.lookup("#specField").queryAs(javafx.scene.control.TextField.class).getText();
        robot.interact(() -> view.openModel(bad));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("Could not open the model")).tryQuery().isPresent());
        Label error = robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("Could not open the model")).queryAs(Label.class);
        assertTrue(error.getText().contains("notes.safetensors"), error.getText());
        assertTrue(main.model().messageProperty().get().contains("Could not open notes.safetensors"));
        assertTrue(before.equals(robot.lookup("#specField").queryAs(javafx.scene.control.TextField.class).getText()));
    }

    @Test
    void aDivergingRunStopsAndSaysWhatToDo(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("flows"));
        robot.interact(() -> robot.lookup("#lrField").queryAs(javafx.scene.control.TextField.class).setText("1"));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        Label status = robot.lookup("#train-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status.getText().contains("failed"));
        WaitForAsyncUtils.waitForFxEvents();     // the status line is set just before the views get that snapshot
        assertTrue(status.getText().contains("training diverged") && status.getText().contains("try a lower learning rate (now 0.99"),
                status.getText());
        Label note = robot.lookup(n -> n instanceof Label l && l.getText() != null && l.getText().startsWith("Training stopped: "))
                .queryAs(Label.class);
        assertTrue(note.getStyleClass().contains("error-text") && note.getText().contains("restored to those of step 0"),
                note.getText());
        Shots.save(robot, main.currentView(), "flow-diverged");
        robot.interact(() -> robot.lookup("#lrField").queryAs(javafx.scene.control.TextField.class).setText("0.002"));
    }

    @Test
    void theTrueEntropyLineIsInsideTheNllRangeAboveTheAxis(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("flows"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.genscope.flow.FlowPreset> presets = robot.lookup(".combo-box")
                .queryAllAs(javafx.scene.control.ComboBox.class).stream()
                .filter(c -> c.getItems().contains(org.genscope.flow.FlowPreset.byId("maf-checkerboard")))
                .findFirst().orElseThrow();
        robot.interact(() -> presets.setValue(org.genscope.flow.FlowPreset.byId("maf-checkerboard")));
        robot.interact(() -> robot.lookup("#train-start").queryButton().fire());
        XYChart chart = robot.lookup(".chart").queryAs(XYChart.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> chart.getDatasets().get(0).getDataCount() >= 20);
        robot.interact(() -> robot.lookup("#train-stop").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        var reference = chart.getDatasets().stream().filter(d -> "true entropy H".equals(d.getName())).findFirst()
                .orElseThrow();
        double h = reference.get(1, 0);
        assertEquals(Math.log(8), h, 1e-9, "uniform on 8 unit squares");
        double lo = chart.getYAxis().getMin();
        double hi = chart.getYAxis().getMax();
        assertTrue(lo < h && h - lo > 0.03 * (hi - lo), "H = " + h + " visibly inside [" + lo + ", " + hi + "]");
        Shots.save(robot, main.currentView(), "flow-entropy");
    }

    @Test
    void theChosenDataIsShownBeforeTraining(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("flows"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<FlowData> data = robot.lookup(".combo-box").queryAllAs(javafx.scene.control.ComboBox.class)
                .stream().filter(c -> c.getItems().stream().anyMatch(i -> i instanceof FlowData)).findFirst().orElseThrow();
        FlowData rings = data.getItems().stream().filter(d -> "rings".equals(d.label())).findFirst().orElseThrow();
        robot.interact(() -> data.setValue(rings));
        DensityView shown = robot.lookup(".data-density").queryAs(DensityView.class);
        // the note and the picture arrive from the same background preview, but not in the same pulse
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("rings, noise")).tryQuery().isPresent() && shown.rows() > 0);
        Label note = robot.lookup(n -> n instanceof Label l && l.getText() != null && l.getText().startsWith("rings, noise"))
                .queryAs(Label.class);
        assertTrue(note.getText().contains("Press Train"), note.getText());
    }

    @Test
    void aPaintedDensityBecomesTheTrainingData(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("flows"));
        // a tab's content joins the scene when the tab is first shown, as a user would open it
        javafx.scene.control.TabPane tabs = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getText().equals("Paint")).findFirst().orElseThrow()));
        PaintPanel paint = robot.lookup(n -> n instanceof PaintPanel).queryAs(PaintPanel.class);
        robot.interact(() -> {
            paint.canvas().beginStroke(-2, -2, false);
            paint.canvas().strokeTo(2, 2);
            paint.canvas().endStroke();
        });
        robot.interact(() -> robot.lookup("#paint-use").queryButton().fire());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<FlowData> data = robot.lookup(".combo-box").queryAllAs(javafx.scene.control.ComboBox.class)
                .stream().filter(c -> c.getItems().stream().anyMatch(i -> i instanceof FlowData)).findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> data.getValue().kind() == FlowData.Kind.PAINTED);
        Label note = robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("Using your painted density")).queryAs(Label.class);
        assertTrue(note.getText().contains("training points"), note.getText());
    }
}
