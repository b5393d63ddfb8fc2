package org.genscope.ui.vae;

import java.util.Locale;

/**
 * The settings a lesson step can make in the VAE workspace ({@code set NAME: VALUE}; docs/lessons.md lists them):
 * {@code preset} (a preset's title, e.g. {@code 2-D latent MNIST}, or {@code 2d-mnist}, {@code iwae}, {@code collapse},
 * {@code toy}), {@code data} (a toy id: moons, checkerboard, pinwheel, …), {@code latent}, {@code beta}, {@code warmup} (steps), {@code hidden}, {@code samples}, {@code epochs},
 * {@code lr}, {@code seed}. Set the preset first: the others change it.
 */
final class VaeLessonSettings {
    private VaeLessonSettings() {}

    /** Applies one setting; null when applied, else what is wrong. */
    static String apply(VaeViewModel vm, String key, String value) {
        String v = value.strip();
        try {
            switch (key) {
                case "preset" -> {
                    VaePreset p = preset(v);
                    if (p == null) return "no preset '" + value + "'";
                    vm.presetProperty().set(null);                       // picking the same demo again reloads it
                    vm.presetProperty().set(p);
                }
                case "data" -> {
                    var d = vm.dataChoices().stream().filter(c -> c.toy() != null && c.toy().id().equalsIgnoreCase(v)).findFirst();
                    if (d.isEmpty()) return "no toy data '" + value + "'";
                    vm.dataProperty().set(d.get());
                }
                case "latent" -> vm.latentProperty().set(Integer.parseInt(v));
                case "beta" -> vm.betaProperty().set(Double.toString(Double.parseDouble(v)));
                case "warmup" -> vm.warmupProperty().set(Integer.parseInt(v));
                case "hidden" -> vm.hiddenProperty().set(v);
                case "samples" -> vm.samplesProperty().set(Integer.parseInt(v));
                case "epochs" -> vm.epochsProperty().set(Integer.parseInt(v));
                case "lr" -> vm.learningRateProperty().set(Double.toString(Double.parseDouble(v)));
                case "seed" -> vm.seedProperty().set(Integer.parseInt(v));
                default -> {
                    return "the VAE workspace has no setting '" + key + "'";
                }
            }
        } catch (IllegalArgumentException e) {
            return key + ": '" + value + "' is not a value it takes";
        }
        return null;
    }

    /** A preset by its title or a short name. */
    static VaePreset preset(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String title = switch (n) {
            case "2d-mnist" -> "2-D latent MNIST";
            case "iwae" -> "50-D latent (IWAE paper)";
            case "collapse" -> "β = 8 collapse";
            case "toy" -> "2-D toy";
            default -> name;
        };
        return VaePreset.ALL.stream().filter(p -> p.title().equalsIgnoreCase(title)).findFirst().orElse(null);
    }
}
