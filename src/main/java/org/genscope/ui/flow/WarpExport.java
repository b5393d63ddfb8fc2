package org.genscope.ui.flow;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javax.imageio.ImageIO;
import org.genscope.flow.LayerStages;
import org.genscope.ui.export.GifWriter;
import org.genscope.ui.export.ViewExporter;

/**
 * The warp as an animation file: frames are snapshots of an off-screen {@link WarpView} (same theme and presenter
 * mode as the panel) at a fixed size, along one sweep base → data and a quicker rewind to the base, eased at every
 * stage like the player.
 * Written as an animated GIF (holding each end a moment) or as numbered PNG frames. The writing methods run on
 * any thread: each snapshot is taken on the FX thread (at once if called there), one frame at a time, so the
 * interface stays live and memory stays flat.
 */
final class WarpExport {
    /** Default frame size in pixels. */
    static final int SIZE = 480;
    /** Default frames per layer; they share one second, like the player at 1×. */
    static final int FRAMES_PER_LAYER = 12;
    /** How many times faster than the warp the animation returns from the data to the base. */
    static final int REWIND = 3;
    /** How long the GIF rests on the base and on the data. */
    static final int HOLD_MS = 1000;
    private static final long FRAME_TIMEOUT_S = 30;

    private final WarpView view = new WarpView();
    private final StackPane root = new StackPane(view);
    private final double[] positions;
    private final int frameMillis;

    /**
     * An off-screen size×size view of {@code stages} drawing what {@code shown} draws, styled like its scene,
     * perLayer frames a layer; FX thread.
     */
    WarpExport(LayerStages stages, WarpView shown, int size, int perLayer) {
        if (size < 64 || size > 4096 || perLayer < 1 || perLayer > 100) {
            throw new IllegalArgumentException("frames must be 64..4096 pixels, 1..100 per layer; got " + size + ", " + perLayer);
        }
        Scene scene = new Scene(root, size, size);
        Scene like = shown.getScene();
        if (like != null) {
            scene.getStylesheets().setAll(like.getStylesheets());
            root.getStyleClass().setAll(like.getRoot().getStyleClass());
        }
        view.setShowGrid(shown.isShowGrid());
        view.setShowPoints(shown.isShowPoints());
        view.setShowDensity(shown.isShowDensity());
        view.setStages(stages);
        positions = sweep(stages.count(), perLayer);
        root.applyCss();
        root.layout();
        frameMillis = 1000 / perLayer;
    }

    /** Index of the frame on the data (the end of the warp, before the rewind). */
    private int dataFrame() {
        int last = 0;
        for (int i = 1; i < positions.length; i++) if (positions[i] > positions[last]) last = i;
        return last;
    }

    /** Frames in the animation. */
    int frames() {
        return positions.length;
    }

    /**
     * Positions 0 → K eased (see {@link WarpPlayer#eased}) at {@code perLayer} frames a layer, then back to 0 as a
     * rewind {@value #REWIND}× as fast (at least one frame a layer); the ends once each, so the loop has no doubled
     * frame. A GIF cannot show a frame again, so the way back would otherwise cost as many bytes as the warp itself
     * (every pixel moves in every frame): the quick rewind keeps the file near half the size while the warp the class
     * watches, base → data, keeps every frame.
     */
    static double[] sweep(int k, int perLayer) {
        int n = k * perLayer;
        if (n == 0) return new double[] {0};
        int backPerLayer = Math.max(1, perLayer / REWIND);
        int m = k * backPerLayer;
        double[] t = new double[n + m];
        for (int j = 0; j <= n; j++) t[j] = WarpPlayer.eased((double) j / perLayer);
        for (int j = 1; j < m; j++) t[n + j] = WarpPlayer.eased((double) (m - j) / backPerLayer);
        return t;
    }

    /** Frame i as a snapshot; FX thread (only the snapshot itself: converting it happens on the caller's thread). */
    WritableImage snapshotOnFx(int i) {
        view.setPosition(positions[i]);
        return root.snapshot(null, null);
    }

    /** An opaque RGB copy of a snapshot; any thread (the image is no longer touched by the FX thread). */
    static BufferedImage toRgb(WritableImage snapshot) {
        BufferedImage argb = SwingFXUtils.fromFXImage(snapshot, null);
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(argb, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** Frame i from any thread: the FX thread takes only the snapshot. */
    BufferedImage render(int i) throws IOException {
        if (Platform.isFxApplicationThread()) return toRgb(snapshotOnFx(i));
        CompletableFuture<WritableImage> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(snapshotOnFx(i));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return toRgb(f.get(FRAME_TIMEOUT_S, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering frame " + i, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not render frame " + i + ": " + e, e);
        }
    }

    /** Writes the animated GIF, looping forever; {@code progress} hears each frame done (1..n). */
    void writeGif(Path file, IntConsumer progress) throws IOException {
        int last = dataFrame();
        GifWriter.write(file, positions.length, this::render, i -> i == 0 || i == last ? HOLD_MS : frameMillis, true, progress);
    }

    /**
     * Writes frame-0000.png, frame-0001.png, … into {@code dir} (created if missing) and deletes older frames of
     * that name pattern numbered beyond this animation, so the folder holds exactly one sequence.
     *
     * @return the number of frames written
     */
    int writePngFrames(Path dir, IntConsumer progress) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < positions.length; i++) {
            BufferedImage img = render(i);
            ViewExporter.writeAtomically(dir.resolve(frameName(i)), out -> {
                if (!ImageIO.write(img, "png", out)) throw new IOException("no PNG writer available");
            });
            progress.accept(i + 1);
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "frame-[0-9][0-9][0-9][0-9].png")) {
            for (Path p : old) {
                String name = p.getFileName().toString();
                if (Integer.parseInt(name.substring(6, 10)) >= positions.length) Files.deleteIfExists(p);
            }
        }
        return positions.length;
    }

    static String frameName(int i) {
        return String.format(Locale.ROOT, "frame-%04d.png", i);
    }
}
