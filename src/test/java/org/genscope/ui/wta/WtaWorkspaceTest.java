package org.genscope.ui.wta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.genscope.ui.ChartReads;
import org.genscope.ui.GenscopeApp;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.settings.Settings;
import org.genscope.ui.shell.MainView;
import org.genscope.wta.WtaKind;
import org.genscope.wta.WtaPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The WTA workspace end to end, headless: pick a preset, train briefly, see filters, activity and features. */
@ExtendWith(ApplicationExtension.class)
class WtaWorkspaceTest {
    private MainView main;

    @Start
    void start(Stage stage) throws Exception {
        Settings settings = Settings.load(Files.createTempDirectory("genscope-wta").resolve("s.properties"));
        main = GenscopeApp.createMainWindow(stage, settings, new ExportService(settings));
        stage.show();
    }

    private static void await(java.util.concurrent.Callable<Boolean> done) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, done);
    }

    @Test
    void aSmallFcWtaTrainsAndItsFiltersActivityAndFeaturesAreDrawn(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("wta"));
        WtaView view = (WtaView) main.visible();
        WtaViewModel vm = view.viewModel();
        robot.interact(() -> {
            vm.presetProperty().set(WtaPreset.FC_20);
            vm.unitsProperty().set("64");
            vm.dataProperty().set(WtaData.LABELLED);
            vm.epochsProperty().set(2);
        });
        robot.interact(() -> robot.lookup("#train-start").queryButton().fire());
        Label status = robot.lookup("#train-status").queryAs(Label.class);
        await(() -> status.getText().contains("finished"));
        XYChart chart = robot.lookup(".chart").queryAs(XYChart.class);
        assertTrue(ChartReads.count(chart, 0) >= 3, "a training curve");
        double[] valid = ChartReads.ys(chart, 1);
        assertTrue(valid[valid.length - 1] < valid[0], "the held-out error falls");

        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        FiltersPanel filters = robot.lookup(".wta-filters").queryAs(FiltersPanel.class);
        await(() -> filters.grid().getWidth() > 100 && filters.grid().getHeight() > 100);
        assertEquals(64, filters.units().length, "one tile per unit");
        assertTrue(filters.lastDrawNanos() > 0, "the grid was drawn");
        // hovering the first tile names the most used unit and its win rate
        javafx.geometry.Point2D onTile = WaitForAsyncUtils.asyncFx(() -> {
            var g = filters.grid();
            for (double y = 0; y < g.getHeight(); y += 2) {
                for (double x = 0; x < g.getWidth(); x += 2) {
                    if (g.imageAt(x, y) == 0) return g.localToScreen(x + 3, y + 3);
                }
            }
            return null;
        }).get();
        robot.moveTo(onTile);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(filters.hoverText().startsWith("unit " + filters.units()[0] + ": wins in"), filters.hoverText());

        robot.interact(() -> tabs.getSelectionModel().select(2));
        await(() -> vm.activity().passProperty().get() != null);
        assertEquals(64, vm.activity().passProperty().get().codeBefore().length);
        XYChart histogram = robot.lookup(".wta-activity .chart").queryAs(XYChart.class);
        await(() -> ChartReads.count(histogram, 0) >= 11);
        // lifetime k = 20% of 100 images: every living unit wins in at most 20 of them
        double[] perWins = ChartReads.ys(histogram, 0);
        for (int w = 21; w < perWins.length; w++) assertEquals(0, perWins[w], 0, "no unit wins in " + w + " images");

        robot.interact(() -> tabs.getSelectionModel().select(3));
        vm.features().setEpochs(3);
        robot.interact(() -> robot.lookup("#wta-probe").queryButton().fire());
        await(() -> vm.features().rows().size() == 2);
        FeatureProbe.Row pixels = vm.features().rows().get(0);
        FeatureProbe.Row model = vm.features().rows().get(1);
        assertEquals("raw pixels", pixels.features());
        assertEquals(784, pixels.dimension());
        assertEquals(64, model.dimension());
        assertTrue(pixels.testError() < 0.15 && model.testError() < 0.6, pixels + " " + model);
        assertEquals(10_000, model.tested());
        org.genscope.compare.ProbeSelection compare = org.genscope.compare.ProbeSelection.run(vm.modelCopy().get(), 3, "same");
        assertEquals(compare.best().testError(), model.testError(), 0,
                "the Features tab's figure is the Compare view's and genscope eval wta's (one ProbeSelection)");
        assertEquals(compare.decay(), model.decay(), 0);
        assertTrue(vm.kindProperty().get() == WtaKind.FC);
    }
}
