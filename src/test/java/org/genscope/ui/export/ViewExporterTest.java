package org.genscope.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The shared export path, headless: PNG at 2× read back and checked; chart data as CSV. */
@ExtendWith(ApplicationExtension.class)
class ViewExporterTest {
    @TempDir
    Path dir;

    private StackPane view;
    private XYChart chart;

    @Start
    void start(Stage stage) {
        chart = new XYChart();
        chart.setTitle("loss");
        DoubleDataSet train = new DoubleDataSet("train NLL");
        train.set(new double[] {1, 2, 3}, new double[] {3.5, 2.25, 1.125});
        DoubleDataSet valid = new DoubleDataSet("valid, NLL");
        valid.set(new double[] {1, 3}, new double[] {4.0, 2.0});
        chart.getDatasets().addAll(train, valid);
        Label label = new Label("Genscope export test");
        label.setStyle("-fx-font-size: 30px; -fx-text-fill: #0b63c5;");
        view = new StackPane(new VBox(label, chart));
        view.setStyle("-fx-background-color: white;");
        // TestFX reuses one stage across test classes: clear limits an earlier test may have set
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setScene(new Scene(view, 400, 300));
        stage.sizeToScene();
        stage.show();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    @Test
    void pngIsTwiceTheViewSizeAndNotBlank() throws Exception {
        Path png = dir.resolve("view.png");
        onFx(() -> {
            ViewExporter.writePng(view, 2.0, Color.WHITE, png);
            return null;
        });
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(Math.round(2 * view.getWidth()), img.getWidth(), 1);
        assertEquals(Math.round(2 * view.getHeight()), img.getHeight(), 1);
        int nonWhite = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) nonWhite++;
            }
        }
        assertTrue(nonWhite > 500, "the label and chart are drawn, got " + nonWhite + " non-white samples");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void csvHasOneRowPerPointOfEverySeries() throws Exception {
        Path csv = dir.resolve("data.csv");
        onFx(() -> {
            ViewExporter.writeCsv(ViewExporter.findCharts(view), csv);
            return null;
        });
        List<String> lines = Files.readAllLines(csv);
        assertEquals(List.of("chart,series,x,y",
                "loss,train NLL,1,3.5",
                "loss,train NLL,2,2.25",
                "loss,train NLL,3,1.125",
                "loss,\"valid, NLL\",1,4",
                "loss,\"valid, NLL\",3,2"), lines);
    }

    @Test
    void svgHasTheChartsSeriesAsPolylinesInTheThemeColours() throws Exception {
        Path svg = dir.resolve("charts.svg");
        onFx(() -> {
            ViewExporter.writeSvg(ViewExporter.findCharts(view), svg);
            return null;
        });
        org.w3c.dom.Document d = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        org.w3c.dom.NodeList lines = d.getElementsByTagName("polyline");
        assertEquals(2, lines.getLength());
        org.w3c.dom.Element train = (org.w3c.dom.Element) lines.item(0);
        assertEquals("train NLL", train.getAttribute("data-series"));
        assertEquals(3, train.getAttribute("points").trim().split(" ").length);
        assertEquals("valid, NLL", ((org.w3c.dom.Element) lines.item(1)).getAttribute("data-series"));
        assertTrue(train.getAttribute("stroke").matches("#[0-9a-f]{6}"), train.getAttribute("stroke"));
        assertTrue(Files.readString(svg).contains(">loss<"), "the chart's title");
        IOException none = assertThrows(IOException.class, () -> ViewExporter.writeSvg(List.of(), dir.resolve("none.svg")));
        assertTrue(none.getMessage().contains("no chart"));
    }

    @Test
    void failedWriteLeavesNoFileBehind() throws Exception {
        Path target = dir.resolve("broken.png");
        IOException e = assertThrows(IOException.class, () -> ViewExporter.writeAtomically(target, out -> {
            out.write(new byte[] {1, 2, 3});
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertFalse(Files.exists(target));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "temporary file removed");
        }
    }

    @Test
    void suggestedNamesSayWhatAndWhen() {
        assertTrue(ExportService.suggestedName("flows", "csv").matches("genscope-flows-\\d{8}-\\d{4}\\.csv"));
    }
}
