package org.genscope.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;

/** Integer spinners bound both ways to a view-model's property. */
public final class Spinners {
    private Spinners() {}

    /** {@code s} offers min..max in steps of {@code step}, starts at the property's value (min if none), and follows it. */
    public static void bind(Spinner<Integer> s, int min, int max, int step, ObjectProperty<Integer> value) {
        s.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get() == null ? min : value.get(), step));
        s.getValueFactory().valueProperty().bindBidirectional(value);
    }
}
