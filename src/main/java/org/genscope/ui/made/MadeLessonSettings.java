package org.genscope.ui.made;

import java.util.Locale;
import org.genscope.made.DegreeRule;
import org.genscope.made.OrderingKind;
import org.genscope.ui.common.Lesson;

/**
 * The settings a lesson step can make in the MADE workspace ({@code set NAME: VALUE}; docs/lessons.md lists them):
 * {@code data} (a built-in set: sandbox, mnist_4, mnist_28, moons, eight_gaussians, checkerboard, pinwheel,
 * spirals), {@code inputs} (D of the sandbox), {@code hidden} (widths, e.g. 8,8), {@code ordering}
 * (natural, random), {@code rule} (uniform, even, softmax), {@code seed}, {@code direct}, {@code masks},
 * {@code order-agnostic}, {@code epochs}, {@code lr}. Each is applied as the control beside it would apply it.
 */
final class MadeLessonSettings {
    private MadeLessonSettings() {}

    /** Applies one setting; null when applied, else what is wrong. */
    static String apply(MadeViewModel vm, String key, String value) {
        MadeBuilderModel b = vm.builder();
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            switch (key) {
                case "data" -> {
                    if (!vm.chooseBuiltIn(v)) return "no built-in data '" + value + "'";
                }
                case "inputs" -> b.inputsProperty().set(Integer.parseInt(v));
                case "hidden" -> b.widthsProperty().set(v);
                case "ordering" -> b.orderingProperty().set(OrderingKind.valueOf(v.toUpperCase(Locale.ROOT)));
                case "rule" -> b.ruleProperty().set(DegreeRule.valueOf(v.toUpperCase(Locale.ROOT)));
                case "seed" -> b.seedProperty().set(Integer.parseInt(v));
                case "direct" -> b.directProperty().set(Lesson.yes(v));
                case "masks" -> vm.masksProperty().set(Integer.parseInt(v));
                case "order-agnostic" -> vm.orderAgnosticProperty().set(Lesson.yes(v));
                case "epochs" -> vm.epochsProperty().set(Integer.parseInt(v));
                case "lr" -> vm.learningRateProperty().set(Double.toString(Double.parseDouble(v)));
                default -> {
                    return "the MADE workspace has no setting '" + key + "'";
                }
            }
        } catch (IllegalArgumentException e) {
            return key + ": '" + value + "' is not a value it takes";
        }
        if (!b.rebuild()) return key + ": " + b.errorProperty().get();
        return null;
    }
}
