package org.genscope.ui.made;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.genscope.made.DegreeRule;
import org.genscope.made.OrderingKind;
import org.genscope.nn.OptimizerKind;
import org.genscope.ui.common.Lesson;

/**
 * The settings a lesson step can make in the MADE workspace ({@code set NAME: VALUE}; docs/lessons.md lists them):
 * {@code data} (a built-in set: sandbox, mnist_4, mnist_28, moons, eight_gaussians, checkerboard, pinwheel,
 * spirals), {@code inputs} (D of the sandbox), {@code hidden} (widths, e.g. 8,8), {@code ordering}
 * (natural, random), {@code rule} (uniform, even, softmax), {@code seed}, {@code direct}, {@code masks},
 * {@code order-agnostic}, {@code optimizer}, {@code lr}, {@code epochs}, {@code batch}, {@code softmax-l}. Each is
 * applied as the control beside it would apply it. Sessions save a workspace as these pairs ({@link #capture}).
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
                case "softmax-l" -> b.softmaxLProperty().set(Double.parseDouble(v));
                case "seed" -> b.seedProperty().set(Integer.parseInt(v));
                case "direct" -> b.directProperty().set(Lesson.yes(v));
                case "masks" -> vm.masksProperty().set(Integer.parseInt(v));
                case "order-agnostic" -> vm.orderAgnosticProperty().set(Lesson.yes(v));
                case "optimizer" -> vm.optimizerProperty().set(OptimizerKind.valueOf(v.toUpperCase(Locale.ROOT)));
                case "epochs" -> vm.epochsProperty().set(Integer.parseInt(v));
                case "batch" -> vm.batchProperty().set(Integer.parseInt(v));
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

    /**
     * The workspace's settings now, as the pairs {@link #apply} takes, in the order to apply them (data first: it
     * sets the data's recipe; the optimizer before the learning rate: it sets its default). Data that is not built
     * in (a file) is left out: a session keeps it beside these.
     */
    static Map<String, String> capture(MadeViewModel vm) {
        MadeBuilderModel b = vm.builder();
        Map<String, String> s = new LinkedHashMap<>();
        if (vm.dataProperty().get() instanceof MadeData d) s.put("data", d.name().toLowerCase(Locale.ROOT));
        if (vm.dataProperty().get() == MadeData.SANDBOX) s.put("inputs", Integer.toString(b.inputsProperty().get()));
        s.put("hidden", b.widthsProperty().get());
        s.put("ordering", b.orderingProperty().get().name().toLowerCase(Locale.ROOT));
        s.put("rule", b.ruleProperty().get().name().toLowerCase(Locale.ROOT));
        if (b.ruleProperty().get() == DegreeRule.SOFTMAX) s.put("softmax-l", Double.toString(b.softmaxLProperty().get()));
        s.put("seed", Integer.toString(b.seedProperty().get()));
        s.put("direct", Lesson.yesNo(b.directProperty().get()));
        s.put("masks", Integer.toString(vm.masksProperty().get()));
        s.put("order-agnostic", Lesson.yesNo(vm.orderAgnosticProperty().get()));
        s.put("optimizer", vm.optimizerProperty().get().name().toLowerCase(Locale.ROOT));
        s.put("lr", vm.learningRateProperty().get());
        s.put("epochs", Integer.toString(vm.epochsProperty().get()));
        s.put("batch", Integer.toString(vm.batchProperty().get()));
        return s;
    }
}
