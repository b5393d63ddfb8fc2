package org.genscope.ui.flow;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.genscope.flow.FlowSpec;
import org.genscope.flow.LayerKind;
import org.genscope.flow.LayerSpec;

/**
 * The layer-stack editor's controls (list data → base, add menu, remove/up/down, hidden sizes of the selected
 * layer, the whole stack as text, learnable base), wired to the {@link FlowBuilderModel} that holds the rules.
 */
final class LayerStackEditor {
    private final FlowBuilderModel builder;
    private final ListView<LayerSpec> list;
    private final TextField spec;
    private final CheckBox learnableBase;

    LayerStackEditor(FlowBuilderModel builder, ListView<LayerSpec> list, MenuButton add, Button remove, Button up,
                     Button down, TextField hidden, TextField spec, CheckBox learnableBase) {
        this.builder = builder;
        this.list = list;
        this.spec = spec;
        this.learnableBase = learnableBase;
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LayerSpec item, boolean empty) {
                super.updateItem(item, empty);
                // short names keep the list readable in presenter mode; the full title is the tooltip
                setText(empty || item == null ? null : (getIndex() + 1) + ". " + DiagnosticsReport.shortName(item.kind())
                        + (item.kind().hasNetwork() ? "  [" + hiddenText(item) + "]" : ""));
                setTooltip(empty || item == null ? null : wrapped(LayerHelp.tooltip(item.kind())));
            }
        });
        for (LayerKind k : LayerKind.values()) {
            Label name = new Label(k.title());
            name.setTooltip(wrapped(LayerHelp.of(k)));
            CustomMenuItem item = new CustomMenuItem(name);
            item.setOnAction(e -> builder.add(k, selected()));
            add.getItems().add(item);
        }
        list.getSelectionModel().selectedItemProperty().addListener((o, a, l) -> {
            hidden.setDisable(l == null || !l.kind().hasNetwork());
            hidden.setText(l == null || !l.kind().hasNetwork() ? "" : hiddenText(l));
        });
        hidden.setOnAction(e -> {
            if (selected() >= 0) builder.setHidden(selected(), hidden.getText());
        });
        spec.setOnAction(e -> builder.setText(spec.getText()));
        learnableBase.selectedProperty().addListener((o, a, v) -> builder.setLearnableBase(v));
        remove.setOnAction(e -> {
            if (selected() >= 0) builder.remove(selected());
        });
        up.setOnAction(e -> move(-1));
        down.setOnAction(e -> move(1));
        builder.specProperty().addListener((o, a, s) -> show(s));
        show(builder.spec());
    }

    private int selected() {
        return list.getSelectionModel().getSelectedIndex();
    }

    private void move(int delta) {
        int i = selected();
        if (i >= 0 && builder.move(i, delta)) list.getSelectionModel().select(i + delta);
    }

    private void show(FlowSpec s) {
        int selected = selected();
        list.getItems().setAll(s.layers());
        if (selected >= 0) list.getSelectionModel().select(Math.min(selected, s.layers().size() - 1));
        spec.setText(s.layersText());
        learnableBase.setSelected(s.learnableBase());
    }

    private static Tooltip wrapped(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(460);
        return t;
    }

    static String hiddenText(LayerSpec l) {
        StringBuilder sb = new StringBuilder();
        for (int w : l.hidden()) sb.append(sb.length() == 0 ? "" : "-").append(w);
        return sb.toString();
    }
}
