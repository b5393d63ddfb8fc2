package org.genscope.ui.flow;

import org.genscope.flow.FlowPreset;

/**
 * The settings a lesson step can make in the Flows workspace ({@code set NAME: VALUE}; docs/lessons.md lists them):
 * {@code preset} (an id, e.g. realnvp-moons: layers, data and training as that demo), {@code layers} (a layer
 * text as the command line takes it, e.g. {@code realnvp:64-64*2}), {@code data} (a toy id: moons, checkerboard,
 * 8gaussians, …), {@code steps}, {@code lr}, {@code seed}. Set the preset first: later settings change it.
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
                case "steps" -> vm.stepsProperty().set(Integer.parseInt(v));
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
}
