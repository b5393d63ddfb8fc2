package org.genscope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.genscope.cli.ShellWords;
import org.genscope.cli.TrainSetup;
import org.genscope.data.Binarization;
import org.genscope.data.DataOrigin;
import org.genscope.data.Dataset;
import org.genscope.data.ImageFolder;
import org.genscope.session.DataChoice;
import org.genscope.ui.GenscopeApp;
import org.genscope.ui.Shots;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.made.MadeView;
import org.genscope.ui.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File ▸ Open image folder: the dialog previews the pictures as they will be used and lists what it cannot read. */
@ExtendWith(ApplicationExtension.class)
class OpenImageFolderTest {
    private MainView main;
    private Path dir;
    private Path folder;
    private final AtomicReference<String> report = new AtomicReference<>();

    @Start
    void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory("genscope-images");
        folder = pictures(dir.resolve("strokes"));
        Settings settings = Settings.load(dir.resolve("s.properties"));
        main = GenscopeApp.createMainWindow(stage, settings, new ExportService(settings));
        main.datasetOpener().setReporter((owner, outcome, title, text) -> report.set(outcome + ": " + text));
        stage.show();
    }

    /** Two classes of 20×20 pictures, a vertical and a horizontal dark bar on white, 20 each, and one broken file. */
    private static Path pictures(Path root) throws IOException {
        for (String cls : new String[] {"horizontal", "vertical"}) {
            Files.createDirectories(root.resolve(cls));
            for (int i = 0; i < 20; i++) {
                BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 20; y++) {
                    for (int x = 0; x < 20; x++) {
                        int along = cls.equals("vertical") ? x : y;
                        boolean bar = along >= 4 + i % 12 && along < 8 + i % 12;
                        img.setRGB(x, y, bar ? 0x000000 : 0xFFFFFF);
                    }
                }
                ImageIO.write(img, "png", root.resolve(cls).resolve("p" + i + ".png").toFile());
            }
        }
        Files.writeString(root.resolve("vertical").resolve("scan-001.png"), "truncated upload");
        return root;
    }

    @Test
    void theDialogPreviewsTheChosenReadingAndListsUnreadablePictures(FxRobot robot) throws Exception {
        AtomicReference<ImageFolderDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            ImageFolderDialog d = new ImageFolderDialog(null, folder, UiExecutor.javafx(org.genscope.train.TaskExecutor.daemonThreads("test-images")));
            dialog.set(d);
            d.dialog().show();
        });
        // the summary appears once the folder has been read in the background: wait for it rather than race it
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().contains("pictures,")).tryQuery().isPresent());
        Label summary = robot.lookup(n -> n instanceof Label l && l.getText() != null && l.getText().contains("pictures,"))
                .queryAs(Label.class);
        assertNotNull(summary);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> summary.getText().startsWith("40 pictures, 28×28"));
        assertTrue(summary.getText().contains("classes: horizontal (0), vertical (1)"), summary.getText());
        assertTrue(robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("Left out, not readable (1):") && l.getText().contains("scan-001.png: ")).tryQuery().isPresent());
        robot.interact(() -> {
            dialog.get().invertBox().setSelected(true);
            dialog.get().binarizeBox().setSelected(true);
            dialog.get().sizeSpinner().getValueFactory().setValue(10);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> summary.getText().startsWith("40 pictures, 10×10"));
        Shots.save(robot, dialog.get().dialog().getDialogPane(), "image-folder-dialog");
        robot.interact(() -> ((javafx.scene.control.Button) dialog.get().dialog().getDialogPane().lookupButton(ButtonType.OK)).fire());
        ImageFolderDialog.Reading reading = dialog.get().dialog().getResult();
        assertNotNull(reading, "OK gives the dataset as previewed");
        Dataset d = reading.dataset();
        assertEquals(40, d.size());
        assertEquals(100, d.dimension());
        assertTrue(Binarization.isBinary(d.x().data));
        float ink = 0;
        for (float v : d.x().data) ink += v;
        assertTrue(ink > 0 && ink < 0.5f * d.x().data.length, "inverted: the dark bars are the ones (" + ink + ")");
    }

    @Test
    void theMadeWorkspaceTrainsOnAnOpenedFolder(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("made"));
        main.datasetOpener().setFolderPicker(owner -> Optional.of(folder));
        main.datasetOpener().setFolderPrompt((owner, f) -> Optional.of(ImageFolderDialog.read(f,
                new org.genscope.data.ImageFolder.Options(12, true, true), new AtomicReference<>())));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I).release(KeyCode.I, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> report.get() != null);
        assertTrue(report.get().startsWith("OPENED: 40 examples × 144 features (images 12×12)"), report.get());
        assertTrue(report.get().contains("with labels") && report.get().contains("The MADE workspace will train on it (D = 144"),
                report.get());

        // train on it, then Copy as command: the clipboard holds the command that reads the folder the same way
        robot.interact(() -> robot.lookup(".tab-pane").queryAllAs(javafx.scene.control.TabPane.class).forEach(p -> p.getTabs()
                .stream().filter(t -> t.getText().equals("Training")).findFirst().ifPresent(t -> p.getSelectionModel().select(t))));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#train-start").queryButton().fire());      // (the side panel scrolls: fired)
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#train-copy-command").queryButton().isDisabled());
        Shots.save(robot, robot.lookup("#train-copy-command").queryButton().getParent(), "copy-as-command");
        robot.interact(() -> robot.lookup("#train-copy-command").queryButton().fire());
        String text = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(10, TimeUnit.SECONDS);
        assertNotNull(text, "the command is on the clipboard");
        assertTrue(main.model().messageProperty().get().startsWith("Copied the genscope train made command"),
                "the status line says so: " + main.model().messageProperty().get());
        assertFalse(text.contains("#"), "nothing the command cannot say: " + text);
        List<String> words = ShellWords.split(text.strip());
        assertEquals(List.of("genscope", "train", "made"), words.subList(0, 3), text);
        assertTrue(text.contains("--train " + folder.toAbsolutePath().normalize()) && text.contains("--resize 12 --invert true --binarize 0.5"), text);
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        TrainSetup.Made cli = TrainSetup.made(words.subList(3, words.size()), new PrintStream(warnings, true, StandardCharsets.UTF_8));
        assertTrue(warnings.toString(StandardCharsets.UTF_8).contains("scan-001.png"), "the unreadable picture is a warning");
        MadeView made = (MadeView) main.visible();
        var app = made.viewModel().runDataProperty().get();
        assertArrayEquals(app.train().x().data, cli.data().train().x().data, "the same training examples, in the same order");
        assertEquals(app.network(), cli.mask0(), "the same network");
    }

    /** A session keeps how a folder was read: reopened, the workspace reads the same pictures the same way again. */
    @Test
    void aSessionReopensAnImageFolderAsItWasRead(FxRobot robot) throws Exception {
        robot.interact(() -> main.model().select("made"));
        ImageFolder.Options how = new ImageFolder.Options(12, true, true);
        main.datasetOpener().setFolderPicker(owner -> Optional.of(folder));
        main.datasetOpener().setFolderPrompt((owner, f) -> Optional.of(ImageFolderDialog.read(f, how, new AtomicReference<>())));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I).release(KeyCode.I, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> report.get() != null);
        TabbedWorkspace made = (TabbedWorkspace) main.visible();
        DataChoice saved = WaitForAsyncUtils.asyncFx(() -> made.capture().data()).get(10, TimeUnit.SECONDS);
        assertEquals(new DataOrigin(folder.toAbsolutePath().normalize(), how), saved.origin());

        Path session = dir.resolve("folder.genscope");
        List<String> sessionReports = new java.util.concurrent.CopyOnWriteArrayList<>();
        main.sessions().setReporter((owner, title, text) -> sessionReports.add(title + ": " + text));
        robot.interact(() -> main.sessions().save(null, session));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> main.model().messageProperty().get().startsWith("Saved the session"));

        List<String> reopenReports = new java.util.concurrent.CopyOnWriteArrayList<>();
        MainView other = WaitForAsyncUtils.asyncFx(() -> {
            Settings settings = Settings.load(dir.resolve("b.properties"));
            MainView m = GenscopeApp.createMainWindow(new Stage(), settings, new ExportService(settings));
            m.sessions().setReporter((owner, title, text) -> sessionReports.add(title + ": " + text));
            m.datasetOpener().setReporter((owner, outcome, title, text) -> reopenReports.add(title + ": " + text));
            return m;
        }).get(30, TimeUnit.SECONDS);
        robot.interact(() -> other.sessions().open(null, session));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> other.model().messageProperty().get().equals("MADE uses strokes"));
        TabbedWorkspace made2 = WaitForAsyncUtils.asyncFx(() -> {
            other.model().select("made");
            return (TabbedWorkspace) other.visible();
        }).get(10, TimeUnit.SECONDS);
        assertEquals(saved, WaitForAsyncUtils.asyncFx(() -> made2.capture().data()).get(10, TimeUnit.SECONDS));
        assertTrue(other.model().datasetProperty().get().contains("40×144"), other.model().datasetProperty().get());
        assertEquals(1, reopenReports.size(), reopenReports.toString());
        assertTrue(reopenReports.get(0).startsWith("Some pictures were left out") && reopenReports.get(0).contains("scan-001.png"),
                reopenReports.toString());
        assertTrue(sessionReports.isEmpty(), sessionReports.toString());
    }
}
