package org.genscope.ui.wta;

import org.genscope.ui.common.Lesson;
import org.genscope.wta.WtaPreset;

/**
 * The settings a lesson step can make in the WTA workspace ({@code set NAME: VALUE}; docs/lessons.md lists them):
 * {@code preset} (fc-5, fc-20, conv-32, conv-128, conv-plain), {@code k} (lifetime sparsity in %),
 * {@code spatial} (yes/no), {@code units} (hidden units or maps, e.g. {@code 2000} or {@code 32,32}), {@code epochs},
 * {@code lr}, {@code seed}. Set the preset first: the others change it.
 */
final class WtaLessonSettings {
    private WtaLessonSettings() {}

    /** Applies one setting; null when applied, else what is wrong. */
    static String apply(WtaViewModel vm, String key, String value) {
        String v = value.strip();
        try {
            switch (key) {
                case "preset" -> {
                    WtaPreset p = WtaPreset.byKey(v);
                    vm.presetProperty().set(null);                       // picking the same demo again reloads it
                    vm.presetProperty().set(p);
                }
                case "k" -> {
                    double k = Double.parseDouble(v);
                    if (!(k > 0 && k <= 100)) return "k: a percentage in (0, 100], not '" + value + "'";
                    vm.kPercentProperty().set(k);
                }
                case "spatial" -> vm.spatialProperty().set(Lesson.yes(v));
                case "units" -> vm.unitsProperty().set(v);
                case "epochs" -> vm.epochsProperty().set(Integer.parseInt(v));
                case "lr" -> vm.learningRateProperty().set(Double.toString(Double.parseDouble(v)));
                case "seed" -> vm.seedProperty().set(Integer.parseInt(v));
                default -> {
                    return "the WTA workspace has no setting '" + key + "'";
                }
            }
        } catch (IllegalArgumentException e) {
            return key + ": " + (e.getMessage() == null ? "'" + value + "' is not a value it takes" : e.getMessage());
        }
        return null;
    }
}
