package org.genscope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.genscope.ui.ChartReads;
import org.genscope.ui.GenscopeApp;
import org.genscope.ui.Shots;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.settings.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File ▸ Open dataset hands the file to the visible workspace, which trains on it or says why it cannot. */
@ExtendWith(ApplicationExtension.class)
class OpenDatasetTest {
    private record Report(DatasetOpener.Outcome outcome, String title, String text) {}

    private MainView main;
    private Path dir;
    private final AtomicReference<Path> nextFile = new AtomicReference<>();
    private final AtomicReference<Report> report = new AtomicReference<>();

    @Start
    void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory("genscope-open");
        Settings settings = Settings.load(dir.resolve("s.properties"));
        main = GenscopeApp.createMainWindow(stage, settings, new ExportService(settings));
        main.datasetOpener().setPicker(owner -> Optional.ofNullable(nextFile.get()));
        main.datasetOpener().setReporter((owner, outcome, title, text) -> report.set(new Report(outcome, title, text)));
        stage.show();
    }

    @BeforeEach
    void clear() {
        report.set(null);
    }

    /** n rows of d columns of 0/1 (a CSV of binary vectors with a header). */
    private Path binaryCsv(String name, int n, int d) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < d; j++) sb.append(j == 0 ? "" : ",").append("b").append(j);
        sb.append('\n');
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) sb.append(j == 0 ? "" : ",").append((i + j) % 3 == 0 ? 1 : 0);
            sb.append('\n');
        }
        return Files.writeString(dir.resolve(name), sb);
    }

    private Report open(FxRobot robot, Path file) {
        nextFile.set(file);
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> report.get() != null);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no report after opening " + file, e);
        }
        return report.get();
    }

    @Test
    void theMadeWorkspaceTrainsOnAnOpenedFile(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("made"));
        Report r = open(robot, binaryCsv("bits.csv", 300, 6));
        assertEquals(DatasetOpener.Outcome.OPENED, r.outcome(), r.text());
        assertTrue(r.text().contains("The MADE workspace will train on it (D = 6"), r.text());
        ComboBox<?> data = robot.lookup(".combo-box").queryAllAs(ComboBox.class).stream()
                .filter(c -> c.getValue() != null && c.getValue().toString().startsWith("File: bits.csv")).findFirst()
                .orElseThrow(() -> new AssertionError("the opened file is the selected data"));
        assertEquals("File: bits.csv (D = 6)", data.getValue().toString());
        assertTrue(main.model().datasetProperty().get().contains("bits"), main.model().datasetProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        Label status = robot.lookup("#train-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status.getText().contains("finished"));   // 20 short epochs
        double[] valid = ChartReads.ys(robot.lookup(".chart").queryAs(XYChart.class), 1);
        assertTrue(valid.length >= 10, "validation points: " + valid.length);
        double first = valid[0];
        double last = valid[valid.length - 1];
        assertTrue(last < first, "validation NLL falls on the opened data: " + first + " -> " + last);
        Shots.save(robot, main.currentView(), "made-file");
    }

    @Test
    void aModelTrainedOnAFileIsShownOnceThatFileIsOpened(FxRobot robot) throws Exception {
        org.genscope.made.MadeConfig config = org.genscope.made.MadeConfig.defaults(6).withHidden(10);
        org.genscope.made.Made saved = new org.genscope.made.Made(config, new org.genscope.nn.Rng(4));
        Path file = dir.resolve("bits-made.safetensors");
        org.genscope.made.MadeFile.save(file, saved, java.util.Map.of(org.genscope.io.Metadata.DATASET, "bits-train"));
        robot.interact(() -> main.openModel(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> main.model().messageProperty().get().contains("Open the data it was trained on"));
        assertEquals("made", main.model().currentProperty().get().id());

        Report r = open(robot, binaryCsv("bits.csv", 300, 6));
        assertTrue(r.text().contains("The model you opened is shown on it"), r.text());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("The model as opened") && l.isVisible()).tryQuery().isPresent());
        org.genscope.ui.made.MadeView view = (org.genscope.ui.made.MadeView) main.visible();
        assertTrue(java.util.Arrays.equals(saved.connectivity().degrees(1), view.viewModel().builder().connectivity().degrees(1)),
                "the opened model's own network");
    }

    @Test
    void aFlowTrainedOnAFileWaitsForThosePointsInsteadOfShowingOnAToy(FxRobot robot) throws Exception {
        Path file = dir.resolve("circle-flow.safetensors");
        org.genscope.flow.FlowFile.save(file, org.genscope.flow.FlowSpec.parse("realnvp:8*2").build(2),
                java.util.Map.of(org.genscope.io.Metadata.DATASET, "circle-train"));
        robot.interact(() -> main.openModel(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> main.model().messageProperty().get().contains("Open those points"));
        assertEquals("flows", main.model().currentProperty().get().id());
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < 200; i++) pts.append(Math.cos(i * 0.1)).append(',').append(Math.sin(i * 0.1)).append('\n');
        Report r = open(robot, Files.writeString(dir.resolve("circle.csv"), pts));
        assertTrue(r.text().contains("The flow you opened is shown on them"), r.text());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("The model as opened") && l.isVisible()).tryQuery().isPresent());
    }

    @Test
    void greyMnistFromSampleDataIsThresholdedIntoBinaryImages(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("made"));
        Report r = open(robot, Path.of("sample-data/mnist/mnist-sample10k-images-idx3-ubyte.gz"));
        assertEquals(DatasetOpener.Outcome.OPENED, r.outcome(), r.text());
        assertTrue(r.text().contains("10,000 examples × 784 features (images 28×28)") && r.text().contains("with labels"), r.text());
        assertTrue(r.text().contains("D = 784, 8,000 training examples") && r.text().contains("thresholded at ½"), r.text());
        Label note = robot.lookup(n -> n instanceof Label l && l.getText() != null && l.getText().startsWith("Grey-level images"))
                .queryAs(Label.class);
        assertTrue(note.isVisible());
    }

    @Test
    void theFlowsWorkspaceRefusesWhatIsNotTwoDimensionalAndSaysWhere(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("flows"));
        Report r = open(robot, binaryCsv("wide.csv", 50, 6));
        assertEquals(DatasetOpener.Outcome.NOT_USABLE_HERE, r.outcome());
        assertTrue(r.title().contains("Flows"), r.title());
        assertTrue(r.text().contains("has 6 columns") && r.text().contains("MADE workspace"), r.text());

        report.set(null);
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < 200; i++) pts.append(Math.cos(i * 0.1)).append(',').append(Math.sin(i * 0.1)).append('\n');
        Report ok = open(robot, Files.writeString(dir.resolve("circle.csv"), pts));
        assertEquals(DatasetOpener.Outcome.OPENED, ok.outcome(), ok.text());
        assertTrue(ok.text().contains("160 for training"), ok.text());
        Label note = robot.lookup(n -> n instanceof Label l && l.getText() != null && l.getText().startsWith("circle.csv: "))
                .queryAs(Label.class);
        assertTrue(note.getText().contains("160 training points"), note.getText());
    }

    @Test
    void aToyFileWithItsLabelColumnOpensInTheFlowsWorkspaceAsLabelledTwoDimensionalPoints(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("flows"));
        Path toy = dir.resolve("pinwheel.csv");
        org.genscope.data.CsvWriter.write(toy, org.genscope.data.Toy2D.PINWHEEL.generate(200, 0.3, 1));   // x,y,label
        Report r = open(robot, toy);
        assertEquals(DatasetOpener.Outcome.OPENED, r.outcome(), r.text());
        assertTrue(r.text().contains("200 examples × 2 features") && r.text().contains("with labels"), r.text());
    }

    @Test
    void onHomeItSaysWhereToTrainAndABadFileIsNamed(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("home"));
        Report r = open(robot, binaryCsv("home.csv", 40, 3));
        assertEquals(DatasetOpener.Outcome.OPENED, r.outcome());
        assertTrue(r.text().contains("40 examples × 3 features") && r.text().contains("To train on it"), r.text());

        report.set(null);
        Path bad = Files.writeString(dir.resolve("ragged.csv"), "1,2\n3\n");
        Report failed = open(robot, bad);
        assertEquals(DatasetOpener.Outcome.FAILED, failed.outcome());
        assertTrue(failed.text().contains("ragged.csv"), failed.text());
    }
}
