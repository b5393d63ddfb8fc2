package org.genscope.ui.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.export.GifFrames;
import org.genscope.ui.export.GifWriter;
import org.genscope.flow.FlowSpec;
import org.genscope.flow.LayerStages;
import org.genscope.train.TaskExecutor;
import org.genscope.ui.theme.Theme;
import org.genscope.ui.theme.ThemeManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The layer-by-layer panel: stages in, scrubbing, playback driven by time, latest-wins computing, exports. */
@ExtendWith(ApplicationExtension.class)
class LayerByLayerPanelTest {
    @TempDir
    Path dir;
    private LayerByLayerPanel panel;
    private Scene scene;
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private TaskExecutor executor = TaskExecutor.currentThread();

    @Start
    void start(Stage stage) {
        // the executor is looked up per task, so a test can swap it
        panel = new LayerByLayerPanel(UiExecutor.javafx(work -> executor.execute(work)));
        panel.setExportSize(160);
        panel.setExportFramesPerLayer(4);
        scene = WarpFixtures.show(stage, panel, 1100, 780);
    }

    @Test
    void stagesFillViewStripAndScrubberAndThumbnailsJump(FxRobot robot) {
        LayerStages s = WarpFixtures.small();
        robot.interact(() -> panel.show(s));
        assertSame(s, panel.view().getStages());
        assertEquals(4, panel.strip().thumbnails().size(), "K + 1 thumbnails");
        assertEquals(0, panel.strip().current());
        robot.clickOn(panel.strip().thumbnails().get(2));
        assertEquals(2.0, panel.positionProperty().get());
        assertEquals(2, panel.strip().current());
        assertEquals(2.0, panel.view().getPosition());
        robot.interact(() -> panel.positionProperty().set(2.6));
        assertEquals(3, panel.strip().current(), "the nearest stage is outlined");
        robot.clickOn("Density");
        assertFalse(panel.view().isShowDensity());
        assertTrue(panel.view().isShowGrid());
    }

    @Test
    void playbackAdvancesWithTimeEasedAndStopsOrBounces(FxRobot robot) {
        robot.interact(() -> panel.show(WarpFixtures.small()));
        WarpPlayer p = panel.player();
        robot.interact(() -> {
            p.setRealTime(false);
            p.pause();
            panel.positionProperty().set(0);
            p.playForward();
            p.advance(0.25);
        });
        // smoothstep(¼) = 3/16 − 2/64
        assertEquals(0.15625, panel.positionProperty().get(), 1e-9);
        robot.interact(() -> p.advance(1.25));
        assertEquals(1.5, panel.positionProperty().get(), 1e-9);
        robot.interact(() -> p.advance(10));
        assertEquals(3.0, panel.positionProperty().get());
        assertEquals(WarpPlayer.State.PAUSED, p.state(), "stops at the data");
        robot.interact(() -> {
            p.setSecondsPerLayer(0.5);
            p.playBackward();
            p.advance(0.125);
        });
        assertEquals(2 + 0.84375, panel.positionProperty().get(), 1e-9, "backward, twice as fast");
        robot.interact(() -> {
            p.setBounce(true);
            p.advance(1.5);          // 0.25 layers past the base
        });
        assertEquals(WarpPlayer.State.FORWARD, p.state(), "turns at the base");
        assertEquals(WarpPlayer.eased(0.25), panel.positionProperty().get(), 1e-9);
        robot.interact(() -> panel.positionProperty().set(1.5));   // scrubbed while playing: carries on from there
        robot.interact(() -> p.advance(0.25));
        assertEquals(WarpPlayer.eased(WarpPlayer.uneased(1.5) + 0.5), panel.positionProperty().get(), 1e-9);
        robot.interact(p::pause);
        assertTrue(Math.abs(WarpPlayer.uneased(WarpPlayer.eased(2.3)) - 2.3) < 1e-12, "easing inverts");
    }

    @Test
    void theAnimationTimerMovesThePosition(FxRobot robot) throws Exception {
        robot.interact(() -> {
            panel.show(WarpFixtures.small());
            panel.positionProperty().set(0);
        });
        robot.clickOn("#warp-play-forward");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> panel.positionProperty().get() > 0.05);
        robot.clickOn("#warp-pause");
        double held = panel.positionProperty().get();
        WaitForAsyncUtils.waitForFxEvents(5);
        assertEquals(held, panel.positionProperty().get(), "paused");
        assertEquals(WarpPlayer.State.PAUSED, panel.player().state());
    }

    @Test
    void submittedModelsAreComputedLatestWins(FxRobot robot) {
        executor = queue::add;
        robot.interact(() -> {
            panel.submit(FlowSpec.parse("realnvp:8*1").build(2));
            panel.submit(FlowSpec.parse("realnvp:8*2").build(2));
            panel.submit(FlowSpec.parse("realnvp:8*5").build(2));
        });
        assertEquals(1, queue.size(), "one computation at a time");
        assertNull(panel.stages(), "nothing shown before the work runs");
        robot.interact(() -> queue.poll().run());
        assertEquals(5, panel.stages().count(), "the newest model is shown, the older ones were dropped");
        executor = TaskExecutor.currentThread();
        robot.interact(() -> panel.submit(FlowSpec.parse("realnvp:8*2").build(3)));
        assertTrue(panel.status().getText().contains("2-D"), panel.status().getText());
        assertEquals(5, panel.stages().count(), "a bad model leaves the last stages in place");
    }

    @Test
    void gifWrittenOnABackgroundThreadHasTheSweepsFramesSizeAndLoop(FxRobot robot) throws Exception {
        executor = TaskExecutor.daemonThreads("export-test");
        LayerStages s = WarpFixtures.small();
        Path file = dir.resolve("warp");
        robot.interact(() -> {
            panel.show(s);
            panel.setFileAsker((owner, title, initial, name, filters) -> {
                assertTrue(name.endsWith(".gif"), name);
                return Optional.of(file);
            });
        });
        robot.interact(panel::exportGif);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> panel.status().getText().startsWith("Saved"));
        assertEquals("Saved 15 frames to warp.gif", panel.status().getText());
        Path gif = dir.resolve("warp.gif");
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            assertEquals(3 * 4 + 3, r.getNumImages(true), "0 → K at 4 frames per layer, back at 1");
            assertEquals(160, r.read(0).getWidth());
            assertEquals(160, r.read(14).getHeight());
            IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode app = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
            assertNotNull(app, "loop extension");
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            r.dispose();
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#warp-export").query().isDisabled());
    }

    @Test
    void theGifShowsEachRenderedFrameWithinTheColourTablesStep(FxRobot robot) throws IOException {
        LayerStages s = WarpFixtures.small();
        robot.interact(() -> panel.show(s));
        WarpExport[] e = new WarpExport[1];
        robot.interact(() -> e[0] = new WarpExport(s, panel.view(), 160, 4));
        Path gif = dir.resolve("warp.gif");
        e[0].writeGif(gif, i -> { });
        List<BufferedImage> shown = GifFrames.read(gif);
        assertEquals(e[0].frames(), shown.size());
        for (int i = 0; i < shown.size(); i++) {
            // edges may be off by up to the edge allowance, everything else by a colour-table step and the quiet step
            GifFrames.Error err = GifFrames.Error.between(e[0].render(i), shown.get(i));
            assertTrue(err.p999() <= GifWriter.TOLERANCE && err.mean() <= 3, "frame " + i + ": " + err);
        }
    }

    @Test
    void pngFramesReplaceAnOlderSequence(FxRobot robot) throws IOException {
        Files.createDirectories(dir.resolve("frames"));
        Files.writeString(dir.resolve("frames/frame-0099.png"), "old");
        Files.writeString(dir.resolve("frames/notes.txt"), "mine");
        robot.interact(() -> {
            panel.show(WarpFixtures.small());
            panel.setDirectoryAsker((owner, title, initial) -> Optional.of(dir.resolve("frames")));
        });
        robot.clickOn("#warp-export").clickOn("PNG frames…");
        WaitForAsyncUtils.waitForFxEvents();
        try (Stream<Path> files = Files.list(dir.resolve("frames"))) {
            assertEquals(15 + 1, files.count(), "15 frames and the unrelated file");
        }
        assertEquals(160, ImageIO.read(dir.resolve("frames/frame-0014.png").toFile()).getWidth());
        assertTrue(Files.exists(dir.resolve("frames/notes.txt")));
    }

    @Test
    void aFailedExportSaysWhyAndLeavesThePanelUsable(FxRobot robot) throws IOException {
        Files.writeString(dir.resolve("plain-file"), "not a folder");
        robot.interact(() -> {
            panel.show(WarpFixtures.small());
            panel.setFileAsker((owner, title, initial, name, filters) -> Optional.of(dir.resolve("plain-file/warp.gif")));
            panel.exportGif();
        });
        assertTrue(panel.status().getText().startsWith("Could not write the GIF"), panel.status().getText());
        assertTrue(panel.status().getStyleClass().contains("error-text"));
        assertFalse(robot.lookup("#warp-export").query().isDisabled());
    }

    /** With -Dgenscope.shot=DIR only (skipped otherwise): PNGs of the panel, a dark GIF, and the time per frame. */
    @Test
    @EnabledIfSystemProperty(named = "genscope.shot", matches = ".+")
    void screenshots(FxRobot robot) throws IOException {
        Path shots = WarpFixtures.shotDir();
        LayerStages s = LayerStages.compute(WarpFixtures.trained("realnvp-moons", 400));
        robot.interact(() -> panel.show(s));
        for (double t : new double[] {0, 3.5, 8}) {
            robot.interact(() -> panel.positionProperty().set(t));
            WarpFixtures.shoot(robot, scene, panel, "panel-" + t, false);
        }
        WarpFixtures.shoot(robot, scene, panel, "panel-8", true);
        robot.interact(() -> {
            ThemeManager.apply(scene, Theme.DARK, false);
            panel.setExportSize(480);
            panel.setExportFramesPerLayer(12);
            panel.setFileAsker((owner, title, initial, name, filters) -> Optional.of(shots.resolve("warp-dark.gif")));
        });
        long[] snap = new long[1];
        robot.interact(() -> {
            WarpExport e = new WarpExport(s, panel.view(), 480, 12);
            long t = System.nanoTime();
            for (int i = 0; i < 24; i++) e.snapshotOnFx(i);
            snap[0] = System.nanoTime() - t;
        });
        System.out.printf("one 480² frame snapshot on the FX thread: %.1f ms%n", snap[0] / 24e6);
        long t0 = System.nanoTime();
        robot.interact(panel::exportGif);
        WaitForAsyncUtils.waitForFxEvents();
        System.out.printf("GIF 480², %s: %.1f s, %d kB%n", panel.status().getText(), (System.nanoTime() - t0) / 1e9,
                Files.size(shots.resolve("warp-dark.gif")) / 1024);
    }
}
