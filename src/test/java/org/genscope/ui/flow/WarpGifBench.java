package org.genscope.ui.flow;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.genscope.flow.LayerStages;
import org.genscope.train.TaskExecutor;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.export.GifFrames;
import org.genscope.ui.theme.Theme;
import org.genscope.ui.theme.ThemeManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The size and fidelity of the default warp GIF (480², 12 frames per layer) of a trained preset (RealNVP on the
 * pinwheel, actnorm + 8 couplings, 3000 steps; -Dgenscope.bench.preset and -Dgenscope.bench.steps change them), in
 * both themes: prints the file size, the time to write it and how far the decoded frames are from the rendered ones;
 * with -Dgenscope.bench.layers=true also the size with only the grid, only the points or only the density drawn
 * (where the bytes go). A benchmark, not a test: it runs only with -Dgenscope.bench=true
 * ({@code mvn -B -q test -Dtest=WarpGifBench -Dgenscope.bench=true}) and writes the GIFs and one frame as PNG,
 * rendered and decoded, into target/bench/.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "genscope.bench", matches = "true")
class WarpGifBench {
    private LayerByLayerPanel panel;
    private Scene scene;

    @Start
    void start(Stage stage) {
        panel = new LayerByLayerPanel(UiExecutor.javafx(TaskExecutor.currentThread()));
        scene = WarpFixtures.show(stage, panel, 1100, 780);
    }

    @Test
    void defaultExportOfATrainedRealNvp(FxRobot robot) throws IOException {
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        String preset = System.getProperty("genscope.bench.preset", "realnvp-pinwheel");
        int steps = Integer.getInteger("genscope.bench.steps", 3000);
        LayerStages s = LayerStages.compute(WarpFixtures.trained(preset, steps));
        System.out.printf("%s after %d steps%n", preset, steps);
        robot.interact(() -> panel.show(s));
        for (Theme theme : Theme.values()) {
            robot.interact(() -> ThemeManager.apply(scene, theme, false));
            WarpExport[] e = new WarpExport[1];
            robot.interact(() -> e[0] = new WarpExport(s, panel.view(), WarpExport.SIZE, WarpExport.FRAMES_PER_LAYER));
            Path gif = out.resolve("warp-" + theme.name().toLowerCase() + ".gif");
            long t0 = System.nanoTime();
            e[0].writeGif(gif, i -> { });
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<BufferedImage> shown = GifFrames.read(gif);
            GifFrames.Error worst = new GifFrames.Error(0, 0, 0);
            List<BufferedImage> rendered = new ArrayList<>();
            for (int i = 0; i < e[0].frames(); i++) {
                BufferedImage r = e[0].render(i);
                rendered.add(r);
                worst = worst.worst(GifFrames.Error.between(r, shown.get(i)));
            }
            int mid = e[0].frames() / 4 + 5;
            ImageIO.write(rendered.get(mid), "png", out.resolve("frame-" + theme.name().toLowerCase() + "-rendered.png").toFile());
            ImageIO.write(shown.get(mid), "png", out.resolve("frame-" + theme.name().toLowerCase() + "-decoded.png").toFile());
            System.out.printf("warp GIF, %s theme, %d stages: %d frames, %.2f MB (%d kB per frame), written in %.1f s;"
                            + " decoded vs rendered, worst frame: max channel error %d, 99.9th percentile %d, mean %.2f%n",
                    theme, s.count(), shown.size(), Files.size(gif) / 1e6, Files.size(gif) / 1024 / shown.size(), seconds,
                    worst.max(), worst.p999(), worst.mean());
        }
        if (Boolean.getBoolean("genscope.bench.layers")) layers(robot, s, out);
    }

    /** Where the bytes go: the light theme's GIF with one layer of the picture drawn at a time. */
    private void layers(FxRobot robot, LayerStages s, Path out) throws IOException {
        robot.interact(() -> ThemeManager.apply(scene, Theme.LIGHT, false));
        WarpView v = panel.view();
        for (String only : new String[] {"grid", "points", "density"}) {
            robot.interact(() -> {
                v.setShowGrid(only.equals("grid"));
                v.setShowPoints(only.equals("points"));
                v.setShowDensity(only.equals("density"));
            });
            WarpExport[] e = new WarpExport[1];
            robot.interact(() -> e[0] = new WarpExport(s, v, WarpExport.SIZE, WarpExport.FRAMES_PER_LAYER));
            Path gif = out.resolve("warp-light-" + only + ".gif");
            e[0].writeGif(gif, i -> { });
            System.out.printf("warp GIF, light theme, %s only: %.2f MB%n", only, Files.size(gif) / 1e6);
        }
        robot.interact(() -> {
            v.setShowGrid(true);
            v.setShowPoints(true);
            v.setShowDensity(true);
        });
    }
}
