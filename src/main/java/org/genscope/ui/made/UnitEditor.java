package org.genscope.ui.made;

import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import org.genscope.made.Connectivity;

/**
 * The "Selected unit" editor: the hidden unit clicked in the network graph and its m(k), which the user may set
 * directly (the builder keeps it within 1..D−1). A selection that no longer exists after a rebuild is dropped.
 */
final class UnitEditor {
    private final MadeBuilderModel builder;
    private final Label label;
    private final HBox editor;
    private final SpinnerValueFactory.IntegerSpinnerValueFactory degrees = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1, 1);
    private int layer = -1;
    private int unit = -1;

    UnitEditor(MadeBuilderModel builder, Label label, HBox editor, Spinner<Integer> degree) {
        this.builder = builder;
        this.label = label;
        this.editor = editor;
        degree.setValueFactory(degrees);
        degrees.valueProperty().addListener((o, a, v) -> {
            if (layer > 0 && v != null && v != builder.connectivity().degrees(layer)[unit]) builder.setDegree(layer, unit, v);
        });
        editor.setDisable(true);
    }

    /** Hidden unit {@code unit} of layer {@code layer} was clicked. */
    void select(int layer, int unit) {
        this.layer = layer;
        this.unit = unit;
        Connectivity c = builder.connectivity();
        label.setText("Hidden unit " + (unit + 1) + " of layer " + layer + ". It sees inputs with m⁰ ≤ m(k) "
                + "through its paths and feeds outputs with m⁰ > m(k).");
        degrees.setMax(c.inputs() - 1);
        degrees.setValue(c.degrees(layer)[unit]);
        editor.setDisable(false);
    }

    /** After the network changed: the layer and unit still selected, or −1 if the selection is gone. */
    int[] keep(Connectivity c) {
        if (layer > c.hiddenLayers() || layer > 0 && unit >= c.width(layer)) {
            layer = -1;
            editor.setDisable(true);
            label.setText("Click a hidden unit in the network.");
        }
        return new int[] {layer, unit};
    }
}
