package org.genscope.ui.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.ejml.data.FMatrixRMaj;
import org.genscope.flow.FlowModel;
import org.genscope.flow.FlowPreset;
import org.genscope.flow.LayerStages;
import org.genscope.nn.Adam;
import org.genscope.nn.Rng;
import org.genscope.ui.export.ViewExporter;
import org.genscope.ui.theme.Theme;
import org.genscope.ui.theme.ThemeManager;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Flows for the warp views: small and random for the checks, a briefly trained preset for the screenshots. */
final class WarpFixtures {
    private WarpFixtures() {}

    static final LayerStages.Settings SMALL = new LayerStages.Settings(7, 16, 3.0, 120, 3, 16, 0.01, 0.15);

    /** A 3-layer RealNVP with its initial (random) weights, small settings. */
    static LayerStages small() {
        FlowModel m = org.genscope.flow.FlowSpec.parse("realnvp:8-8*3").withSeed(9).build(2);
        return LayerStages.compute(m, SMALL);
    }

    /** The preset's model after {@code steps} Adam steps of 256 examples (a quick stand-in for a trained flow). */
    static FlowModel trained(String preset, int steps) {
        FlowPreset p = FlowPreset.byId(preset);
        FlowModel m = p.model();
        FMatrixRMaj all = p.toy().generate(4000, p.noise(), 1).x();
        m.initialize(all);
        Adam adam = new Adam(m.params(), 2e-3);
        Rng rng = new Rng(4);
        FMatrixRMaj batch = new FMatrixRMaj(256, 2);
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < 256; i++) System.arraycopy(all.data, 2 * rng.nextInt(all.numRows), batch.data, 2 * i, 2);
            m.lossAndGradients(batch);
            adam.step();
        }
        return m;
    }

    /** Shows {@code root} in a w×h scene with the light theme on {@code stage}. */
    static Scene show(Stage stage, Parent root, double w, double h) {
        Scene scene = new Scene(root, w, h);
        ThemeManager.apply(scene, Theme.LIGHT, false);
        stage.setScene(scene);
        stage.show();
        return scene;
    }

    /** The directory of -Dgenscope.shot, or null when screenshots are off. */
    static Path shotDir() {
        String s = System.getProperty("genscope.shot");
        return s == null ? null : Path.of(s);
    }

    /**
     * Writes {@code root} (the root of {@code scene}) as PNG in the light and the dark theme, after the FX thread
     * has caught up with the new styles (controls' skins lay out on the next pulse).
     */
    static void shoot(FxRobot robot, Scene scene, Parent root, String name, boolean presenter) {
        Path dir = shotDir();
        if (dir == null) return;
        for (Theme t : new Theme[] {Theme.LIGHT, Theme.DARK}) {
            robot.interact(() -> ThemeManager.apply(scene, t, presenter));
            WaitForAsyncUtils.waitForFxEvents(4);
            robot.interact(() -> {
                try {
                    ViewExporter.writePng(root, 1, null, dir.resolve(name + "-" + t.name().toLowerCase() + (presenter ? "-presenter" : "") + ".png"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
