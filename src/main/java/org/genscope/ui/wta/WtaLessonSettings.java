package org.genscope.ui.wta;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.genscope.PlainNumber;
import org.genscope.ui.common.Lesson;
import org.genscope.wta.WtaKind;
import org.genscope.wta.WtaPreset;

/**
 * The settings a lesson step can make in the WTA workspace ({@code set NAME: VALUE}; docs/lessons.md lists them):
 * {@code preset} (fc-5, fc-20, conv-32, conv-128, conv-plain), {@code k} (lifetime sparsity in %),
 * {@code spatial} (yes/no), {@code units} (hidden units or maps, e.g. {@code 2000} or {@code 32,32}), {@code epochs},
 * {@code lr}, {@code seed}, and {@code kind} (fc, conv), {@code encoder-kernel}, {@code decoder-kernel},
 * {@code data} (binarized, labelled), {@code batch}. Set the preset first: the others change it. Sessions save a
 * workspace as these pairs ({@link #capture}).
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
                case "kind" -> vm.kindProperty().set(WtaKind.valueOf(v.toUpperCase(Locale.ROOT)));
                case "encoder-kernel" -> vm.encoderKernelProperty().set(Integer.parseInt(v));
                case "decoder-kernel" -> vm.decoderKernelProperty().set(Integer.parseInt(v));
                case "data" -> {
                    if (!v.equalsIgnoreCase("binarized") && !v.equalsIgnoreCase("labelled")) return "no built-in data '" + value + "'";
                    vm.dataProperty().set(WtaData.valueOf(v.toUpperCase(Locale.ROOT)));
                }
                case "batch" -> vm.batchProperty().set(Integer.parseInt(v));
                case "k" -> {
                    double k = Double.parseDouble(v);
                    if (!(k > 0 && k <= 100)) return "k: a percentage in (0, 100], not '" + value + "'";
                    vm.kPercentProperty().set(k);
                }
                case "spatial" -> vm.spatialProperty().set(Lesson.yes(v));
                case "units" -> vm.unitsProperty().set(v);
                case "epochs" -> vm.epochsProperty().set(Integer.parseInt(v));
                case "lr" -> vm.learningRateProperty().set(Double.toString(Double.parseDouble(v)));
                case "weight-decay" -> vm.weightDecayProperty().set(PlainNumber.of(Double.parseDouble(v)));
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

    /**
     * The workspace's settings now, as the pairs {@link #apply} takes, in the order to apply them: the preset first
     * (when one is chosen), the kind before spatial sparsity (FC turns it off). A file of images is left out: a
     * session keeps it beside these.
     */
    static Map<String, String> capture(WtaViewModel vm) {
        Map<String, String> s = new LinkedHashMap<>();
        if (vm.presetProperty().get() != null) s.put("preset", vm.presetProperty().get().key());
        s.put("kind", vm.kindProperty().get().name().toLowerCase(Locale.ROOT));
        s.put("units", vm.unitsProperty().get());
        s.put("encoder-kernel", Integer.toString(vm.encoderKernelProperty().get()));
        s.put("decoder-kernel", Integer.toString(vm.decoderKernelProperty().get()));
        s.put("k", Double.toString(vm.kPercentProperty().get()));
        s.put("spatial", Lesson.yesNo(vm.spatialProperty().get()));
        if (vm.dataProperty().get() != WtaData.FILE) s.put("data", vm.dataProperty().get().name().toLowerCase(Locale.ROOT));
        s.put("lr", vm.learningRateProperty().get());
        s.put("weight-decay", vm.weightDecayProperty().get());
        s.put("batch", Integer.toString(vm.batchProperty().get()));
        s.put("epochs", Integer.toString(vm.epochsProperty().get()));
        s.put("seed", Integer.toString(vm.seedProperty().get()));
        return s;
    }
}
