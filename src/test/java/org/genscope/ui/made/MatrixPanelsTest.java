package org.genscope.ui.made;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.genscope.made.Connectivity;
import org.genscope.ui.Shots;
import org.genscope.ui.TestScenes;
import org.genscope.ui.common.Charts;
import org.genscope.ui.common.MatrixView;
import org.genscope.ui.common.SwatchLegend;
import org.genscope.ui.export.ViewExporter;
import org.genscope.ui.theme.Theme;
import org.genscope.ui.theme.ThemeManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The MADE workspace's matrices (masks, autoregressive check) and the kept-fraction chart, headless. */
@ExtendWith(ApplicationExtension.class)
class MatrixPanelsTest {
    private MasksPanel masks;
    private DependencyPanel check;
    private TabPane tabs;
    private Scene scene;

    @Start
    void start(Stage stage) {
        masks = new MasksPanel();
        check = new DependencyPanel();
        tabs = new TabPane(new Tab("Masks", masks), new Tab("Autoregressive check", check));
        scene = TestScenes.show(stage, new javafx.scene.layout.StackPane(tabs), 1000, 700);
    }

    /** D = 8 in a shuffled order, hidden 12-10: small enough to read every label. */
    private static Connectivity network() {
        return Connectivity.of(new int[] {3, 1, 4, 8, 2, 7, 5, 6}, new int[] {1, 2, 2, 3, 5, 6, 7, 4, 1, 3, 6, 7},
                new int[] {2, 2, 3, 4, 6, 7, 1, 5, 5, 3});
    }

    private static String svgOf(FxRobot robot, javafx.scene.Node view) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempDirectory("genscope-masks").resolve("view.svg");
            robot.interact(() -> {
                try {
                    ViewExporter.writeSvg(ViewExporter.findCharts(view), file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String dir = System.getProperty("genscope.shot");        // to look at the export too
            if (dir != null) {
                java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
                java.nio.file.Files.copy(file, java.nio.file.Path.of(dir, "made-masks.svg"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void weightsKeptPerLayerIsABarChart(FxRobot robot) {
        Connectivity c = network();
        robot.interact(() -> masks.show(c));
        WaitForAsyncUtils.waitForFxEvents();
        XYChart chart = robot.from(masks).lookup(".chart").queryAs(XYChart.class);
        assertTrue(Charts.drawsBars(chart), "one bar per mask, not a line through categories");
        String svg = svgOf(robot, masks);
        assertTrue(svg.contains("class=\"bar\"") && !svg.contains("<polyline"), "the SVG export draws bars too");
        assertTrue(svg.contains(">M1<") && svg.contains(">M3<"), "with the masks' names on the axis");
        Shots.inEveryLook(robot, scene, "made-masks");
    }

    @Test
    void eachMaskIsALabelledMatrixOfKeptAndMaskedWeightsWithALegend(FxRobot robot) throws Exception {
        Connectivity c = network();
        robot.interact(() -> masks.show(c));
        WaitForAsyncUtils.waitForFxEvents();
        List<MatrixView> views = robot.from(masks).lookup(".matrix-view").queryAllAs(MatrixView.class)
                .stream().toList();
        assertEquals(3, views.size(), "inputs → hidden 1 → hidden 2 → outputs");
        MatrixView first = views.get(0);
        MatrixView last = views.get(2);
        assertEquals("layer 1 · hidden 1", first.rowTitle());
        assertEquals("layer 0 · inputs x", first.columnTitle());
        assertEquals("x3", first.columnLabel(2));
        assertEquals("layer 3 · outputs x̂", last.rowTitle());
        assertEquals("x̂8", last.rowLabel(7));
        assertEquals(12, first.rows());
        Color masked = WaitForAsyncUtils.asyncFx(() -> first.colour(0)).get();
        Color kept = WaitForAsyncUtils.asyncFx(() -> first.colour(1)).get();
        assertNotEquals(masked, kept);
        List<String> legend = robot.from(masks).lookup(".swatch-legend .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertTrue(legend.contains("masked: the weight is held at 0"), legend.toString());
        assertTrue(legend.stream().anyMatch(t -> t.startsWith("kept")), legend.toString());
    }

    @Test
    void everyStateOfTheCheckHasItsOwnColourInEveryLookAndALegend(FxRobot robot) throws Exception {
        Connectivity c = network();
        boolean[][] deps = new boolean[8][8];
        int[] seq = c.sequence();
        for (int t = 2; t < 8; t++) {
            for (int u = 1; u < t; u++) deps[seq[t]][seq[u]] = true;   // column u = 0 is allowed but missing
        }
        deps[seq[1]][seq[5]] = true;                                 // and one violation
        robot.interact(() -> {
            tabs.getSelectionModel().select(1);
            check.show(c, deps);
        });
        WaitForAsyncUtils.waitForFxEvents();
        MatrixView matrix = robot.lookup("#ar-matrix").queryAs(MatrixView.class);
        assertEquals(4, matrix.states().size());
        List<List<Color>> looks = new java.util.ArrayList<>();
        for (Object[] look : new Object[][] {{Theme.LIGHT, false}, {Theme.DARK, false}, {Theme.DARK, true}}) {
            robot.interact(() -> ThemeManager.apply(scene, (Theme) look[0], (Boolean) look[1]));
            WaitForAsyncUtils.waitForFxEvents();
            List<Color> colours = WaitForAsyncUtils.asyncFx(() -> java.util.stream.IntStream.range(0, 4)
                    .mapToObj(matrix::colour).toList()).get();
            assertEquals(4, new java.util.HashSet<>(colours).size(), "four states, four colours: " + colours);
            looks.add(colours);
        }
        assertNotEquals(looks.get(0), looks.get(1), "the colours come from the theme");
        robot.interact(() -> ThemeManager.apply(scene, Theme.LIGHT, false));
        SwatchLegend legend = robot.from(check).lookup(".swatch-legend").queryAs(SwatchLegend.class);
        List<String> items = robot.from(legend).lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertTrue(items.contains("depends on a later input: a violation (1)"), items.toString());
        List<javafx.scene.layout.Region> swatches = robot.from(legend).lookup(".swatch")
                .queryAllAs(javafx.scene.layout.Region.class).stream().toList();
        assertEquals(4, swatches.size());
        for (int k = 0; k < 4; k++) {
            int state = k;
            Color drawn = WaitForAsyncUtils.asyncFx(() -> matrix.colour(state)).get();
            assertEquals(drawn, swatches.get(k).getBackground().getFills().get(0).getFill(), "legend agrees, state " + k);
        }
        assertTrue(items.stream().anyMatch(t -> t.startsWith("could depend on it but does not (")), items.toString());
        assertEquals("outputs x̂, in generation order", matrix.rowTitle());
        assertEquals("x" + (seq[0] + 1), matrix.columnLabel(0), "columns are labelled in generation order");
        Shots.inEveryLook(robot, scene, "made-check");
    }

    @Test
    void theLabelsFollowTheNetworkWhenItsSizeChanges(FxRobot robot) throws Exception {
        Connectivity big = network();
        Connectivity small = Connectivity.of(new int[] {2, 1, 3}, new int[] {1, 2});
        MatrixView matrix = robot.lookup("#ar-matrix").queryAs(MatrixView.class);
        for (Connectivity c : List.of(big, small, big)) {
            int d = c.inputs();
            WaitForAsyncUtils.asyncFx(() -> {
                tabs.getSelectionModel().select(1);
                check.show(c, new boolean[d][d]);
                masks.show(c);
            }).get();                          // rethrows what failed on the FX thread
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(d, matrix.rows());
            assertEquals("x" + (c.sequence()[d - 1] + 1), matrix.columnLabel(d - 1));
        }
    }
}
