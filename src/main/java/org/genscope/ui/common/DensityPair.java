package org.genscope.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.genscope.ui.theme.Palette;

/**
 * A 2D dataset beside a model of it: the data points on their own, and the model's density p(x) as a heat map
 * with the model's samples on top, both over the same rectangle so they compare at a glance.
 */
public final class DensityPair extends VBox {
    private final DensityView data = new DensityView();
    private final DensityView model = new DensityView();

    public DensityPair(String dataTitle, String modelTitle) {
        super(4);
        Label a = new Label(dataTitle);
        Label b = new Label(modelTitle);
        a.getStyleClass().add("muted");
        b.getStyleClass().add("muted");
        VBox.setVgrow(data, Priority.ALWAYS);
        VBox.setVgrow(model, Priority.ALWAYS);
        model.getStyleClass().add("model-density");
        data.getStyleClass().add("data-density");
        getChildren().addAll(a, data, b, model);
    }

    /** Shows (up to 3,000 of) the data points and forgets the previous model picture. */
    public void setData(float[] xy) {
        float[] shown = new float[Math.min(xy.length, 6000)];
        System.arraycopy(xy, 0, shown, 0, shown.length);
        data.setData(new float[0], 0, 0);
        data.setDataPoints(shown, Color.WHITE);
        model.setData(new float[0], 0, 0);
        model.setSamplePoints(new float[0], Color.ORANGE);
    }

    /**
     * Shows the data before any model exists: (up to 3,000 of) the points over {xmin, xmax, ymin, ymax}, and an empty
     * model picture.
     */
    public void previewData(float[] xy, double[] bounds) {
        setData(xy);
        data.setDensity(new float[1], 1, 1, bounds[0], bounds[1], bounds[2], bounds[3]);
    }

    /**
     * The model's density on an nx×ny grid over {xmin, xmax, ymin, ymax} with row 0 at the bottom (as the models
     * compute it), and its samples (interleaved x, y).
     */
    public void setModel(float[] densityRowsFromBottom, int nx, int ny, double[] bounds, float[] samples) {
        model.setDensityRowsFromBottom(densityRowsFromBottom, nx, ny, bounds);
        model.setSamplePoints(samples, Palette.of(this).accent());
        if (data.rows() == 0) data.setDensity(new float[nx * ny], ny, nx, bounds[0], bounds[1], bounds[2], bounds[3]);
    }

    public DensityView dataView() {
        return data;
    }

    public DensityView modelView() {
        return model;
    }
}
