package org.genscope.ui.common;

import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/** Display names for choices in combo boxes (one-way: the boxes are not editable). */
public final class Labels {
    private Labels() {}

    public static <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }

    /**
     * The closed box shows {@code shortName} (so it fits a side panel in presenter mode) with the full name, from the
     * box's converter, as its tooltip (followed by the box's own tooltip, which says what the setting is); the open
     * list keeps the full names. With nothing chosen it shows the prompt.
     */
    public static <T> void shortWhenClosed(ComboBox<T> box, Function<T, String> shortName) {
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? box.getPromptText() : shortName.apply(item));
                Tooltip about = box.getTooltip();
                if (empty || item == null) {
                    setTooltip(about);
                    return;
                }
                Tooltip t = new Tooltip(box.getConverter().toString(item) + (about == null ? "" : "\n\n" + about.getText()));
                t.setWrapText(true);
                t.setMaxWidth(460);
                setTooltip(t);
            }
        });
    }
}
