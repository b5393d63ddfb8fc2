package org.genscope.ui.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.genscope.data.Dataset;
import org.genscope.data.Toy2D;
import org.genscope.ui.TestScenes;
import org.genscope.vae.Vae;
import org.genscope.vae.VaeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The latent scatter with 10,000 codes, the size of the MNIST test set: the dots are one image on one canvas, and
 * neither drawing them afresh (new codes, a class toggled) nor redrawing the overlays as the mouse moves takes a
 * frame's time (16.7 ms at 60 Hz) on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class LatentScatterTest {
    /** One frame at 60 Hz. */
    private static final long FRAME_NANOS = 16_700_000L;
    private final LatentScatter scatter = new LatentScatter();
    private LatentCodes codes;

    @Start
    void start(Stage stage) {
        Dataset moons = Toy2D.MOONS.generate(10_000, 0.05, 1);
        int[] classes = new int[moons.size()];
        for (int i = 0; i < classes.length; i++) classes[i] = i % 10;
        codes = LatentCodes.encode(new Vae(VaeConfig.defaults(2)), moons.withLabels(classes), 0);
        TestScenes.show(stage, new StackPane(scatter), 760, 620);
    }

    private static long median(long[] t) {
        long[] s = t.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    @Test
    void tenThousandDotsRedrawWithinAFrame(FxRobot robot) {
        robot.interact(() -> scatter.setCodes(codes, null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, scatter.getChildrenUnmodifiable().size(), "one canvas, not a node per dot");
        int runs = 25;
        long[] raster = new long[runs];
        long[] whole = new long[runs];
        long[] overlay = new long[runs];
        float[] uv = codes.uv();
        for (int r = 0; r < runs; r++) {
            int k = r;
            robot.interact(() -> {
                scatter.setClassShown(k % 10, k % 2 == 1);                   // the dots are drawn afresh
                raster[k] = scatter.rasterNanos();
                whole[k] = scatter.drawNanos();
                double[] at = scatter.toCanvas(uv[2 * (37 * k)], uv[2 * (37 * k) + 1]);
                scatter.setSelected(scatter.nearest(at[0], at[1]));          // only the overlays change
                overlay[k] = scatter.drawNanos();
            });
        }
        System.out.printf(Locale.ROOT, "latent scatter, 10,000 dots at 760×620: raster %.2f ms, whole redraw %.2f ms, "
                + "overlay redraw %.3f ms (medians of %d)%n", median(raster) / 1e6, median(whole) / 1e6,
                median(overlay) / 1e6, runs);
        assertTrue(median(whole) < FRAME_NANOS, "a redraw with new dots takes " + median(whole) / 1e6 + " ms");
        assertTrue(median(overlay) < median(whole), "moving the mouse does not draw the dots again");
    }

    @Test
    void aDotUnderTheMouseIsPickedAndAHiddenClassIsNot(FxRobot robot) {
        robot.interact(() -> scatter.setCodes(codes, null));
        WaitForAsyncUtils.waitForFxEvents();
        float[] uv = codes.uv();
        int i = 4321;
        robot.interact(() -> {
            double[] at = scatter.toCanvas(uv[2 * i], uv[2 * i + 1]);
            int found = scatter.nearest(at[0], at[1]);
            double[] there = scatter.toCanvas(uv[2 * found], uv[2 * found + 1]);
            assertTrue(Math.hypot(there[0] - at[0], there[1] - at[1]) < 1e-6, "the dot under the mouse (or one on it)");
            scatter.setClassShown(codes.label(found), false);
            int other = scatter.nearest(at[0], at[1]);
            assertTrue(other < 0 || codes.label(other) != codes.label(found), "a hidden class cannot be picked");
        });
    }
}
