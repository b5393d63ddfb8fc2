package org.genscope.ui.flow;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.genscope.flow.FlowPreset;
import org.genscope.flow.FlowSpec;
import org.genscope.flow.LayerKind;
import org.genscope.flow.LayerSpec;

/**
 * The layer-stack editor's state and rules, free of controls (unit-tested): add, remove, reorder layers, set a
 * layer's hidden sizes, type the whole stack as text, load a preset. Invalid input never replaces a valid stack:
 * it sets {@link #errorProperty()} and leaves the spec as it was.
 */
public final class FlowBuilderModel {
    static final int[] DEFAULT_HIDDEN = {64, 64};

    private final ObjectProperty<FlowSpec> spec = new SimpleObjectProperty<>(FlowPreset.ALL.get(0).spec());
    private final StringProperty error = new SimpleStringProperty("");

    public FlowSpec spec() {
        return spec.get();
    }

    public ObjectProperty<FlowSpec> specProperty() {
        return spec;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public void loadPreset(FlowPreset p) {
        spec.set(p.spec());
        error.set("");
    }

    /** Appends a layer of this kind (networks get 64-64 hidden units) after {@code after} (−1 = at the end). */
    public boolean add(LayerKind kind, int after) {
        int at = after < 0 || after >= spec().layers().size() ? spec().layers().size() : after + 1;
        LayerSpec layer = kind.hasNetwork() ? LayerSpec.of(kind, DEFAULT_HIDDEN) : LayerSpec.of(kind);
        return apply(() -> spec().withLayerInserted(at, layer));
    }

    public boolean remove(int index) {
        if (spec().layers().size() == 1) return fail("A flow needs at least one layer.");
        return apply(() -> spec().withLayerRemoved(index));
    }

    /** Moves a layer up (−1) or down (+1) the stack. */
    public boolean move(int index, int delta) {
        int to = index + delta;
        if (to < 0 || to >= spec().layers().size()) return false;
        return apply(() -> spec().withLayerMoved(index, to));
    }

    /** Sets the hidden sizes of layer {@code index} from text like {@code 64-64} or {@code 128, 128}. */
    public boolean setHidden(int index, String text) {
        LayerSpec layer = spec().layers().get(index);
        if (!layer.kind().hasNetwork()) return fail(layer.kind().title() + " has no network to size.");
        int[] widths;
        try {
            String[] parts = text.trim().split("[-,;\\s]+");
            widths = new int[parts.length];
            for (int i = 0; i < parts.length; i++) widths[i] = Integer.parseInt(parts[i]);
        } catch (NumberFormatException e) {
            return fail("Hidden sizes: whole numbers like 64-64.");
        }
        return apply(() -> spec().withLayerReplaced(index, layer.withHidden(widths)));
    }

    /** Replaces the stack by its text form, e.g. {@code realnvp:64-64*8} or {@code actnorm,maf:32*4}. */
    public boolean setText(String text) {
        return apply(() -> spec().withLayers(FlowSpec.parseLayers(text)));
    }

    public void setLearnableBase(boolean learnable) {
        apply(() -> spec().withLearnableBase(learnable));
    }

    public List<LayerSpec> layers() {
        return spec().layers();
    }

    private interface Edit {
        FlowSpec apply();
    }

    private boolean apply(Edit edit) {
        try {
            spec.set(edit.apply());
            error.set("");
            return true;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return fail(e.getMessage());
        }
    }

    private boolean fail(String message) {
        error.set(message);
        return false;
    }
}
