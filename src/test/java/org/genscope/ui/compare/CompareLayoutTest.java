package org.genscope.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.genscope.compare.Candidate;
import org.genscope.compare.Entry;
import org.genscope.compare.TestSet;
import org.genscope.data.Toy2D;
import org.genscope.flow.FlowSpec;
import org.genscope.made.Conditional;
import org.genscope.made.Made;
import org.genscope.made.MadeConfig;
import org.genscope.train.TaskExecutor;
import org.genscope.ui.TestScenes;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.settings.Settings;
import org.genscope.ui.shell.WorkspaceContext;
import org.genscope.ui.theme.Theme;
import org.genscope.ui.theme.ThemeManager;
import org.genscope.ui.train.SessionModels;
import org.genscope.vae.DecoderKind;
import org.genscope.vae.Vae;
import org.genscope.vae.VaeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Compare view's layout on a projector's screens, headless: the bar chart gets a real share of the height and the
 * density tiles line up whatever their titles, at 1280×800 and 1024×768, in normal and presenter type. The view
 * stands alone in a scene the size of the window's content area (the window less the sidebar, menu and status bar).
 */
@ExtendWith(ApplicationExtension.class)
class CompareLayoutTest {
    private static final TestSet CHECKERBOARD = TestSet.toy(Toy2D.CHECKERBOARD, 0.05);
    private static final String LONG = "VAE 2-64-64-(2)-64-64-2 with a name long enough to wrap over four lines or more";

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** A Compare view of three untrained 2-D models (one with {@link #LONG} for its name), measured. */
    private CompareView measured(FxRobot robot, double width, double height, boolean presenter) throws Exception {
        Settings settings = Settings.load(Files.createTempDirectory("genscope-layout").resolve("s.properties"));
        SessionModels models = new SessionModels();
        UiExecutor ui = UiExecutor.javafx(TaskExecutor.daemonThreads("compare-layout"));
        WorkspaceContext context = new WorkspaceContext(settings, ui, new ExportService(settings), new SimpleStringProperty(),
                () -> {}, List.of(), id -> {}, lesson -> {}, models);
        CompareView[] view = new CompareView[1];
        robot.interact(() -> {
            view[0] = (CompareView) CompareView.DESCRIPTOR.factory().apply(context);
            Scene scene = TestScenes.show(stage, new javafx.scene.layout.StackPane(view[0].root()), width, height);   // as in the shell
            ThemeManager.apply(scene, Theme.LIGHT, presenter);
            var flow = new FlowSpec(FlowSpec.parseLayers("realnvp:8-8*2"), false, "relu", 2.0, 5).build(2);
            models.publish(new Entry("1", "Flow realnvp:8-8*2", "run 1", new Candidate.OfFlow(flow), CHECKERBOARD));
            MadeConfig c = MadeConfig.defaults(2).withHidden(16).withConditional(Conditional.MIXTURE, 3).withSeed(4);
            models.publish(new Entry("2", "MADE 2-16-4", "run 2", new Candidate.OfMade(new Made(c)), CHECKERBOARD));
            Vae v = new Vae(new VaeConfig(2, new int[] {8}, "tanh", 2, new int[] {8}, "tanh", DecoderKind.GAUSSIAN, 1, 1, 0, 6));
            models.publish(new Entry("3", LONG, "run 3", new Candidate.OfVae(v), CHECKERBOARD));
            view[0].viewModel().kProperty().set(4);
            view[0].viewModel().evaluate();
        });
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                    () -> view[0].root().lookup(".compare-tiles") instanceof javafx.scene.layout.Pane tiles
                            && tiles.getChildren().size() == 4 && !view[0].viewModel().runningProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not measured: " + view[0].viewModel().statusProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        return view[0];
    }

    @Test
    void theChartTakesAShareOfTheHeightAndTheTilesLineUpOnEveryScreen(FxRobot robot) throws Exception {
        double[][] screens = {{1280 - 165, 800 - 52, 0}, {1024 - 165, 768 - 52, 0}, {1024 - 240, 768 - 70, 1}};
        for (double[] s : screens) {
            String where = (int) s[0] + "×" + (int) s[1] + (s[2] == 1 ? " presenter" : "");
            CompareView view = measured(robot, s[0], s[1], s[2] == 1);
            ScrollPane page = (ScrollPane) view.root();
            double visible = page.getViewportBounds().getHeight();
            XYChart chart = (XYChart) page.lookup(".compare-chart");
            assertTrue(chart.getHeight() >= 0.4 * visible, where + ": the chart is " + chart.getHeight() + " px of " + visible);
            assertTrue(chart.getCanvas().getHeight() >= 0.2 * visible,
                    where + ": its plot area is " + chart.getCanvas().getHeight() + " px of " + visible + " (title, axes, legend aside)");
            Node table = page.lookup("#compare-table");
            double tableBottom = table.localToScene(table.getBoundsInLocal()).getMaxY();
            double chartTop = chart.localToScene(chart.getBoundsInLocal()).getMinY();
            double scroll = page.getVvalue();
            assertTrue(chartTop - tableBottom < 40 && scroll == 0, where + ": no empty table lines push the chart down");

            List<Node> images = List.copyOf(page.lookupAll(".compare-tile-image"));
            assertEquals(4, images.size(), where);
            Bounds first = images.get(0).localToScene(images.get(0).getBoundsInLocal());
            double offset = first.getMinY() - images.get(0).getParent().localToScene(images.get(0).getParent().getBoundsInLocal()).getMinY();
            for (Node n : images) {
                Bounds b = n.localToScene(n.getBoundsInLocal());
                Bounds tile = n.getParent().localToScene(n.getParent().getBoundsInLocal());
                assertEquals(offset, b.getMinY() - tile.getMinY(), 0.5, where + ": every image starts as far below its tile's top");
                if (Math.abs(tile.getMinY() - first.getMinY() + offset) < 0.5) {
                    assertEquals(first.getMinY(), b.getMinY(), 0.5, where + ": the images of a row have level tops, long title or not");
                }
                assertEquals(first.getWidth(), b.getWidth(), 0.5, where + ": one image size");
                assertEquals(first.getHeight(), b.getHeight(), 0.5, where + ": one image size");
            }
            assertTrue(first.getWidth() >= 140, where + ": tiles large enough to read: " + first.getWidth());
            Label longTitle = page.lookupAll(".compare-tile-title").stream().map(Label.class::cast)
                    .filter(l -> l.getText().endsWith(LONG)).findFirst().orElseThrow();
            assertEquals("3 · " + LONG, longTitle.getTooltip().getText(), "the whole title as the tooltip");
        }
    }
}
