package org.genscope.ui.vae;

import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.CsvWriter;
import org.genscope.data.Dataset;
import org.genscope.vae.Vae;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.LatestWins;
import org.genscope.ui.common.UiExecutor;

/**
 * The Latent space tab's state, free of controls (unit-tested without a window): the scatter examples encoded by the
 * newest model ({@link LatentCodes}, recomputed off the FX thread, newest model wins), the point under the user's
 * mouse decoded, two chosen examples and the decoded paths between their codes, and the decoded manifold grid.
 * Decoding one code takes well under a millisecond (784-200-200-(2) on two cores), so it runs on the FX thread with
 * the model the codes were made with, which only the FX thread uses once the codes are shown.
 */
public final class LatentViewModel {
    /** Points of an interpolation, both ends included. */
    static final int PATH_POINTS = 10;
    /** Codes per side of the manifold grid. */
    static final int GRID = 15;

    /** A decoded point of the plane: where, its code, what the decoder makes of it (E[x|z]) and how long that took. */
    record Decoded(double u, double v, float[] z, float[] x, long nanos) {}

    /** The paths between the codes of examples a and b, decoded; plane coordinates of their points for drawing. */
    record Interpolation(int a, int b, float[] linear, float[] spherical, float[] linearUv, float[] sphericalUv) {}

    /** A manifold grid and its decodings (rows·cols·D values, reading order). */
    record Grid(ManifoldGrid cells, float[] decoded, long step) {}

    private record GridRequest(Vae model, ManifoldGrid cells, long step) {}

    private record EncodeRequest(Vae model, Dataset examples, long step) {}

    private final UiExecutor ui;
    private final StringProperty message;
    private final ReadOnlyObjectWrapper<LatentCodes> codes = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Decoded> decoded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Integer> selected = new ReadOnlyObjectWrapper<>(-1);
    private final ReadOnlyObjectWrapper<Interpolation> interpolation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Grid> grid = new ReadOnlyObjectWrapper<>();
    private final LatestWins<EncodeRequest, LatentCodes> encoder;
    private final LatestWins<GridRequest, Grid> grids;
    private Dataset examples;
    private int endA = -1;
    private int endB = -1;
    private boolean decodedSelection;

    /** @param message the status bar's line (exports report there) */
    public LatentViewModel(UiExecutor ui, StringProperty message) {
        this.ui = ui;
        this.message = message;
        encoder = new LatestWins<>(ui, r -> LatentCodes.encode(r.model(), r.examples(), r.step()), this::show,
                e -> message.set("Could not encode the examples: " + BackgroundTask.describe(e)));
        grids = new LatestWins<>(ui, r -> new Grid(r.cells(), r.model().decode(r.cells().codes()).data, r.step()), grid::set,
                e -> message.set("Could not decode the manifold grid: " + BackgroundTask.describe(e)));
    }

    /** A new run: these examples will be encoded; everything shown of the last run goes. */
    void reset(Dataset scatterExamples) {
        examples = scatterExamples;
        encoder.cancel();
        grids.cancel();
        codes.set(null);
        decoded.set(null);
        selected.set(-1);
        interpolation.set(null);
        grid.set(null);
        endA = -1;
        endB = -1;
    }

    /** Encodes the examples with {@code model} (a copy this view-model may keep) off the FX thread; the newest wins. */
    public void refresh(Vae model, long step) {
        if (examples != null) encoder.submit(new EncodeRequest(model, examples, step));
    }

    private void show(LatentCodes c) {
        codes.set(c);
        if (selected.get() >= c.size()) selected.set(-1);
        grids.submit(new GridRequest(c.model().copy(), ManifoldGrid.over(c, GRID), c.step()));
        Decoded d = decoded.get();
        if (decodedSelection && selected.get() >= 0) select(selected.get());     // the same example or place,
        else if (d != null) decodeAt(d.u(), d.v());                              // under the new model
        if (endA >= 0 && endB >= 0) interpolate();
    }

    /** Decodes plane point (u, v) with the codes' model, on the FX thread. */
    public void decodeAt(double u, double v) {
        LatentCodes c = codes.get();
        if (c == null) return;
        decodedSelection = false;
        decode(c, u, v, c.lift(u, v));
    }

    private void decode(LatentCodes c, double u, double v, float[] z) {
        float[] x = new float[c.model().inputs()];
        long t0 = System.nanoTime();
        c.model().decode(z, x);
        decoded.set(new Decoded(u, v, z, x, System.nanoTime() - t0));
    }

    /** Selects example i (−1: none) and decodes its own code μ(x_i) (for L &gt; 2 off the plane, where it really is). */
    public void select(int i) {
        LatentCodes c = codes.get();
        if (c == null || i >= c.size()) return;
        selected.set(i);
        if (i < 0) return;
        decodedSelection = true;
        decode(c, c.uv()[2 * i], c.uv()[2 * i + 1], c.code(i));
    }

    /** The selected example becomes the start (a) or the end (b) of the interpolation. */
    public void setEnd(boolean start) {
        int i = selected.get();
        if (i < 0) return;
        if (start) endA = i;
        else endB = i;
        if (endA >= 0 && endB >= 0) interpolate();
    }

    /** Sets both ends at once (a lesson or a test). */
    void interpolate(int a, int b) {
        endA = a;
        endB = b;
        interpolate();
    }

    private void interpolate() {
        LatentCodes c = codes.get();
        if (c == null) return;
        float[][] linear = LatentPath.linear(c.code(endA), c.code(endB), PATH_POINTS);
        float[][] spherical = LatentPath.spherical(c.code(endA), c.code(endB), PATH_POINTS);
        interpolation.set(new Interpolation(endA, endB, decodeAll(c.model(), linear), decodeAll(c.model(), spherical),
                onPlane(c, linear), onPlane(c, spherical)));
    }

    /** The decodings of {@code z}, one after the other (rows × D). */
    static float[] decodeAll(Vae model, float[][] z) {
        int d = model.inputs();
        float[] out = new float[z.length * d];
        float[] one = new float[d];
        for (int k = 0; k < z.length; k++) {
            model.decode(z[k], one);
            System.arraycopy(one, 0, out, k * d, d);
        }
        return out;
    }

    /** Plane coordinates of codes (for L = 1, (z₁, 0)). */
    static float[] onPlane(LatentCodes c, float[][] z) {
        if (c.plane() == null) {
            float[] uv = new float[2 * z.length];
            for (int k = 0; k < z.length; k++) uv[2 * k] = z[k][0];
            return uv;
        }
        FMatrixRMaj m = new FMatrixRMaj(z.length, c.latent());
        for (int k = 0; k < z.length; k++) System.arraycopy(z[k], 0, m.data, k * c.latent(), c.latent());
        return c.plane().project(m);
    }

    /** Writes every scatter example's code μ(x) and class as CSV (z1, …, zL, class) off the FX thread. */
    void saveCodes(Path file) {
        LatentCodes c = codes.get();
        if (c == null) return;
        Dataset out = new Dataset("codes", "Genscope", c.mean(), c.examples().hasLabels() ? c.examples().labels() : null, 0, 0);
        BackgroundTask.of(() -> {
            CsvWriter.write(file, out, "z", "class");
            return file;
        }).onSuccess(f -> message.set(String.format(Locale.ROOT, "Saved %,d codes to %s", c.size(), f)))
                .onFailure(e -> message.set("Could not save the codes: " + BackgroundTask.describe(e))).run(ui);
    }

    /**
     * Writes the current interpolation as an animated GIF (linear path left, spherical right, a → b → a) off the FX
     * thread; images only.
     */
    void saveGif(Path file, int rows, int cols) {
        LatentCodes c = codes.get();
        Interpolation i = interpolation.get();
        if (c == null || i == null) return;
        int steps = InterpolationGif.STEPS;
        float[] linear = decodeAll(c.model(), LatentPath.linear(c.code(i.a()), c.code(i.b()), steps));
        float[] spherical = decodeAll(c.model(), LatentPath.spherical(c.code(i.a()), c.code(i.b()), steps));
        BackgroundTask.of(() -> {
            InterpolationGif.write(file, linear, spherical, steps, rows, cols);
            return file;
        }).onSuccess(f -> message.set("Saved the interpolation as an animated GIF to " + f))
                .onFailure(e -> message.set("Could not write the GIF: " + BackgroundTask.describe(e))).run(ui);
    }

    public ReadOnlyObjectProperty<LatentCodes> codesProperty() {
        return codes.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Decoded> decodedProperty() {
        return decoded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Integer> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Interpolation> interpolationProperty() {
        return interpolation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Grid> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    /** The chosen start (a) or end (b) of the interpolation, −1 if not chosen. */
    int end(boolean start) {
        return start ? endA : endB;
    }
}
