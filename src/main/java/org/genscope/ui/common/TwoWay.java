package org.genscope.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;

/**
 * A control that follows a view-model value and reports the user's edits back through an action (set it and
 * rebuild, validate, …) instead of a plain bidirectional binding — for models whose changes must go through their
 * rules, or whose property type differs from the control's (an {@code IntegerProperty} behind a spinner).
 */
public final class TwoWay {
    private TwoWay() {}

    /**
     * @param control  the control's value property (e.g. {@code spinner.getValueFactory().valueProperty()})
     * @param model    the view-model's value
     * @param toControl the model's value as the control shows it
     * @param edit     called with a value the user entered that differs from the model's
     */
    public static <C, M> void follow(Property<C> control, ObservableValue<M> model, Function<M, C> toControl,
                                     Consumer<C> edit) {
        control.setValue(toControl.apply(model.getValue()));
        model.addListener((o, a, v) -> control.setValue(toControl.apply(v)));
        control.addListener((o, a, v) -> {
            if (v != null && !Objects.equals(v, toControl.apply(model.getValue()))) edit.accept(v);
        });
    }

    /** The same, where the control shows the model's value as it is. */
    public static <T> void follow(Property<T> control, ObservableValue<T> model, Consumer<T> edit) {
        follow(control, model, Function.identity(), edit);
    }
}
