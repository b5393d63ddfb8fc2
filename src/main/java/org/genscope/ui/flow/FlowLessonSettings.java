package org.genscope.ui.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import org.genscope.flow.FlowPreset;

/**
 * The settings a lesson step can make in the Flows workspace ({@code set NAME: VALUE}; docs/lessons.md lists them):
 * {@code preset} (an id, e.g. realnvp-moons: layers, data and training as that demo), {@code layers} (a layer
 * text as the command line takes it, e.g. {@code realnvp:64-64*2}), {@code data} (a toy id: moons, checkerboard,
 * 8gaussians, …), {@code noise} (σ of the toy), {@code points} (how many are drawn), {@code steps}, {@code batch},
 * {@code lr}, {@code seed}. Set the preset first: later settings change it. Sessions save a workspace as these
 * pairs ({@link #capture}).
 */
final class FlowLessonSettings {
    private FlowLessonSettings() {}

    /** Applies one setting; null when applied, else what is wrong. */
    static String apply(FlowViewModel vm, String key, String value) {
        String v = value.strip();
        try {
            switch (key) {
                case "preset" -> {
                    FlowPreset p = FlowPreset.byId(v);
                    vm.presetProperty().set(null);                   // picking the same demo again reloads it
                    vm.presetProperty().set(p);
                }
                case "layers" -> {
                    if (!vm.builder().setText(v)) return "layers: " + vm.builder().errorProperty().get();
                }
                case "data" -> {
                    var d = vm.dataChoices().stream().filter(c -> c.toy() != null && c.toy().id().equalsIgnoreCase(v)).findFirst();
                    if (d.isEmpty()) return "no toy data '" + value + "'";
                    vm.dataProperty().set(d.get());
                }
                case "noise" -> vm.noiseProperty().set(Double.toString(Double.parseDouble(v)));
                case "points" -> vm.pointsProperty().set(Integer.parseInt(v));
                case "steps" -> vm.stepsProperty().set(Integer.parseInt(v));
                case "batch" -> vm.batchProperty().set(Integer.parseInt(v));
                case "lr" -> vm.learningRateProperty().set(Double.toString(Double.parseDouble(v)));
                case "seed" -> vm.seedProperty().set(Integer.parseInt(v));
                default -> {
                    return "the Flows workspace has no setting '" + key + "'";
                }
            }
        } catch (IllegalArgumentException e) {
            return key + ": " + (e.getMessage() == null ? "'" + value + "' is not a value it takes" : e.getMessage());
        }
        return null;
    }

    /**
     * The workspace's settings now, as the pairs {@link #apply} takes, in the order to apply them: the preset first
     * (when one is chosen; the values after it then change nothing and it stays chosen). Painted or file points are
     * left out: a session keeps them beside these.
     */
    static Map<String, String> capture(FlowViewModel vm) {
        Map<String, String> s = new LinkedHashMap<>();
        if (vm.presetProperty().get() != null) s.put("preset", vm.presetProperty().get().id());
        FlowData d = vm.dataProperty().get();
        if (d != null && d.toy() != null) s.put("data", d.toy().id());
        s.put("noise", vm.noiseProperty().get());
        s.put("points", Integer.toString(vm.pointsProperty().get()));
        s.put("layers", vm.builder().spec().layersText());
        s.put("steps", Integer.toString(vm.stepsProperty().get()));
        s.put("batch", Integer.toString(vm.batchProperty().get()));
        s.put("lr", vm.learningRateProperty().get());
        s.put("seed", Integer.toString(vm.seedProperty().get()));
        return s;
    }
}
