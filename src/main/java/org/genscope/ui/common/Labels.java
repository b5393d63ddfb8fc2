package org.genscope.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Display names for enum choices in combo boxes (one-way: the boxes are not editable). */
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
}
