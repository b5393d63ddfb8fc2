package org.genscope.ui.made;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.genscope.made.Connectivity;
import org.genscope.ui.Shots;
import org.genscope.ui.TestScenes;
import org.genscope.ui.common.Charts;
import org.genscope.ui.export.ViewExporter;
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
        scene = TestScenes.show(stage, tabs, 1000, 700);
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
            if (dir != null) java.nio.file.Files.copy(file, java.nio.file.Path.of(dir, "made-masks.svg"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
}
