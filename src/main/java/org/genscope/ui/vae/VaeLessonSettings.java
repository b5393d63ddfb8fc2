package org.genscope.ui.vae;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.genscope.nn.OptimizerKind;
import org.genscope.ui.common.Lesson;

/**
 * The settings a lesson step can make in the VAE workspace ({@code set NAME: VALUE}; docs/lessons.md lists them):
 * {@code preset} (a preset's title, e.g. {@code 2-D latent MNIST}, or {@code 2d-mnist}, {@code iwae}, {@code collapse},
 * {@code toy}), {@code latent}, {@code beta}, {@code warmup} (steps), {@code hidden}, {@code samples}, {@code epochs},
 * {@code lr}, {@code seed}, and {@code data} (binarized-mnist, labelled-mnist or a toy's id), {@code binarize},
 * {@code activation}, {@code optimizer}, {@code batch}. Set the preset first: the others change it. Sessions save a
 * workspace as these pairs ({@link #capture}).
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
                    VaeData d = vm.dataChoices().stream().filter(c -> dataName(c).equalsIgnoreCase(v)).findFirst().orElse(null);
                    if (d == null || d.kind() == VaeData.Kind.PAINTED || d.kind() == VaeData.Kind.FILE) return "no built-in data '" + value + "'";
                    vm.dataProperty().set(d);
                }
                case "binarize" -> vm.binarizeProperty().set(Lesson.yes(v));
                case "activation" -> vm.activationProperty().set(v);
                case "optimizer" -> vm.optimizerProperty().set(OptimizerKind.valueOf(v.toUpperCase(Locale.ROOT)));
                case "batch" -> vm.batchProperty().set(Integer.parseInt(v));
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

    /**
     * The workspace's settings now, as the pairs {@link #apply} takes, in the order to apply them: the preset first
     * (when one is chosen), then the data (which sets its recipe), then the rest. Painted or file data is left out: a
     * session keeps it beside these.
     */
    static Map<String, String> capture(VaeViewModel vm) {
        Map<String, String> s = new LinkedHashMap<>();
        VaePreset p = vm.presetProperty().get();
        if (p != null) s.put("preset", p.title());
        VaeData d = vm.dataProperty().get();
        if (d != null && d.kind() != VaeData.Kind.PAINTED && d.kind() != VaeData.Kind.FILE) s.put("data", dataName(d));
        s.put("binarize", Lesson.yesNo(vm.binarizeProperty().get()));
        s.put("hidden", vm.hiddenProperty().get());
        s.put("activation", vm.activationProperty().get());
        s.put("latent", Integer.toString(vm.latentProperty().get()));
        s.put("samples", Integer.toString(vm.samplesProperty().get()));
        s.put("beta", vm.betaProperty().get());
        s.put("warmup", Integer.toString(vm.warmupProperty().get()));
        s.put("optimizer", vm.optimizerProperty().get().name().toLowerCase(Locale.ROOT));
        s.put("lr", vm.learningRateProperty().get());
        s.put("epochs", Integer.toString(vm.epochsProperty().get()));
        s.put("batch", Integer.toString(vm.batchProperty().get()));
        s.put("seed", Integer.toString(vm.seedProperty().get()));
        return s;
    }

    /** The {@code data} value of a choice: {@code binarized-mnist}, {@code labelled-mnist} or a toy's id. */
    static String dataName(VaeData d) {
        return switch (d.kind()) {
            case BINARIZED_MNIST -> "binarized-mnist";
            case LABELLED_MNIST -> "labelled-mnist";
            case TOY -> d.toy().id();
            case PAINTED -> "painted";
            case FILE -> "file";
        };
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
