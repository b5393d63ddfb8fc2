package org.genscope.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.genscope.ui.ChartReads;
import org.genscope.ui.GenscopeApp;
import org.genscope.ui.Shots;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.settings.Settings;
import org.genscope.ui.shell.MainView;
import org.genscope.ui.shell.TabbedWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Compare view end to end, headless: a flow opened from its file, and a flow, a MADE with mixture-of-Gaussians
 * conditionals and a VAE trained in their workspaces on the checkerboard appear in one group; Evaluate measures them off the FX thread and fills the
 * table, the bar chart and the small multiples. With {@code -Dgenscope.shot=DIR} it saves the view in light, dark
 * and dark presenter mode.
 */
@ExtendWith(ApplicationExtension.class)
class CompareWorkspaceTest {
    private MainView main;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Settings settings = Settings.load(Files.createTempDirectory("genscope-compare").resolve("s.properties"));
        main = GenscopeApp.createMainWindow(stage, settings, new ExportService(settings));
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    private static void await(Callable<Boolean> done) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, done);
    }

    /** Sets a workspace up as a lesson step would (settings in order, then Train) and waits for the run's end. */
    private void train(FxRobot robot, String id, String... setup) throws Exception {
        robot.interact(() -> main.model().select(id));
        TabbedWorkspace w = (TabbedWorkspace) main.visible();
        Map<String, String> s = new LinkedHashMap<>();
        for (int i = 0; i < setup.length; i += 2) s.put(setup[i], setup[i + 1]);
        s.put("train", "yes");
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> w.applyLessonSetup(s)).get();
        assertTrue(problems.isEmpty(), problems.toString());
        await(() -> w.trainingStatus().orElseThrow().get().contains("finished"));
    }

    @Test
    void threeFamiliesOnOneToyAreMeasuredSideBySide(FxRobot robot) throws Exception {
        Path saved = Files.createTempDirectory("genscope-compare").resolve("cb.safetensors");
        assertEquals(0, org.genscope.cli.Main.run(new String[] {"train", "flow", "--toy", "checkerboard", "--size", "500",
                "--layers", "realnvp:8-8*2", "--steps", "30", "--out", saved.toString()}, System.out, System.err));
        train(robot, "flows", "layers", "realnvp:32-32*4", "data", "checkerboard", "steps", "600");
        robot.interact(() -> main.openModel(saved));   // listed too (opened before a run, Train would train it further)
        train(robot, "made", "data", "checkerboard", "epochs", "3");
        train(robot, "vae", "preset", "toy", "data", "checkerboard", "epochs", "4");

        robot.interact(() -> main.model().select("compare"));
        CompareView view = (CompareView) main.visible();
        CompareViewModel vm = view.viewModel();
        @SuppressWarnings("unchecked")
        TableView<CompareRow> table = robot.lookup("#compare-table").queryAs(TableView.class);
        try {
            await(() -> vm.members().size() == 4);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("groups " + vm.groups().stream().map(g -> g.title()).toList() + ", members "
                    + vm.members().stream().map(m -> m.name() + " " + m.settings()).toList(), e);
        }
        assertEquals("2-D toy checkerboard, noise 0.05 (10,000 test points)", vm.groupProperty().get().title(),
                "the opened flow and the three runs share the checkerboard's test sample");
        assertTrue(vm.members().stream().anyMatch(e -> e.settings().startsWith("opened cb.safetensors")), vm.members().toString());
        assertTrue(table.getItems().stream().allMatch(r -> r.reference() || r.value().equals("—")), "nothing measured yet");
        String measuredOn = robot.lookup("#compare-measured-on").queryAs(Label.class).getText();
        assertTrue(measuredOn.contains("fixed sample of 10,000 test points") && measuredOn.contains("validation NLL"),
                "the view says which data its figures are on, unlike the workspaces' validation curves: " + measuredOn);

        robot.interact(() -> robot.lookup("#compare-evaluate").queryAs(Button.class).fire());
        Label status = robot.lookup("#compare-status").queryAs(Label.class);
        await(() -> status.getText().startsWith("Measured 4 models"));
        // the condition is read off the FX thread: wait for the rows themselves, not only for the status line
        await(() -> table.getItems().stream().allMatch(r -> Double.isFinite(r.figure())));
        List<CompareRow> measured = table.getItems().stream().filter(r -> !r.reference()).toList();
        assertEquals(4, measured.stream().map(CompareRow::model).distinct().count(), "a row each (a MADE of K > 1 masks two): " + measured);
        assertTrue(measured.stream().allMatch(r -> Double.isFinite(r.figure())), measured.toString());
        assertTrue(measured.stream().anyMatch(r -> r.method().equals("importance sampled, k = 100")), "the VAE's k is shown");
        double entropy = table.getItems().stream().filter(CompareRow::reference).findFirst().orElseThrow().figure();
        assertTrue(measured.stream().allMatch(r -> r.figure() > entropy - 0.05),
                "no model beats the true entropy ln 8 by more than the test sample's noise: " + measured);

        XYChart chart = robot.lookup(".compare-chart").queryAs(XYChart.class);
        await(() -> ChartReads.count(chart, 0) == measured.size() && ChartReads.count(chart, 1) == 1);
        javafx.scene.layout.Pane tiles = (javafx.scene.layout.Pane) view.root().lookup(".compare-tiles");
        await(() -> tiles.getChildren().size() == 5);
        Shots.inEveryLook(robot, stage.getScene(), "compare");
        javafx.scene.control.ScrollPane page = (javafx.scene.control.ScrollPane) view.root();
        robot.interact(() -> page.setVvalue(1));          // the densities, below the chart
        Shots.save(robot, stage.getScene().getRoot(), "compare-densities-light");
    }
}
