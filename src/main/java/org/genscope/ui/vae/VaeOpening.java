package org.genscope.ui.vae;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.genscope.io.Metadata;
import org.genscope.io.ModelFile;
import org.genscope.vae.DecoderKind;
import org.genscope.vae.Vae;
import org.genscope.vae.VaeConfig;
import org.genscope.vae.VaeFile;

/**
 * A VAE opened from a file (File ▸ Open trained model, {@code genscope open}, or the workspace's button): read and
 * checked off the FX thread, its configuration shown in the settings, and the model shown as it is on the data it was
 * trained on — at once for built-in data (binarized MNIST, the labelled MNIST sample, a 2-D toy), or once the user
 * opens or paints data of its shape. Data of another shape is named with what to do. FX thread.
 */
final class VaeOpening {
    private record Opened(Path file, Vae vae, VaeData builtIn, String dataName) {}

    private final VaeViewModel vm;
    private String pendingName = "";

    VaeOpening(VaeViewModel vm) {
        this.vm = vm;
    }

    void open(Path path) {
        vm.run().open(path, this::opened, this::show);
    }

    /** The same for a model already read (an entry of a session file). */
    void open(ModelFile file) {
        vm.run().open(file, this::opened, this::show);
    }

    private Opened opened(ModelFile mf) throws java.io.IOException {
        Vae vae = VaeFile.load(mf);
        if (vae.inputs() > VaeDatasets.MAX_INPUTS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s models D = %,d values; the workspace "
                    + "draws up to %,d (use genscope eval vae / sample vae for it).", mf.path().getFileName(),
                    vae.inputs(), VaeDatasets.MAX_INPUTS));
        }
        String dataName = mf.meta(Metadata.DATASET).orElse("").replaceFirst("-(train|all)$", "");
        return new Opened(mf.path(), vae, builtInDataOf(vae.config(), mf.meta(VaeFile.IMAGE).orElse(""), dataName,
                vm.dataChoices()), dataName);
    }

    private void show(Opened o) {
        Vae vae = o.vae();
        String name = o.file().getFileName().toString();
        pendingName = name;
        // the data first: choosing data loads its recipe, which the model's own configuration then overrides
        if (o.builtIn() != null) {
            vm.dataProperty().set(o.builtIn());
            vm.binarizeProperty().set(true);
            vm.adopt(vae.config());
            vm.message().set("Opened " + name + " (" + VaeViewModel.describe(vae.config()) + ")");
            vm.run().show(vae);
            return;
        }
        boolean painted = o.dataName().equals("painted");
        OpenedFile f = vm.file();
        if (painted && vm.hasPainted() && fits(vae.config(), 2, DecoderKind.GAUSSIAN)) {
            vm.choose(VaeData.Kind.PAINTED);
            vm.adopt(vae.config());
            vm.run().show(vae);
        } else if (!painted && f != null && fits(vae.config(), f.inputs(), decoderOf(f))) {
            vm.choose(VaeData.Kind.FILE);
            vm.adopt(vae.config());
            vm.run().show(vae);
        } else {
            vm.adopt(vae.config());
            vm.run().await(vae, "Opened " + name + ": trained on " + (o.dataName().isEmpty() ? "data it does not name"
                    : "'" + o.dataName() + "'") + " (" + shape(vae.config()) + "). " + (painted ? "Paint a density again"
                    : "Open that data (File ▸ Open dataset)") + " to see the model on it and train it further.");
        }
    }

    /**
     * New data arrived (a file, a painting): a model waiting for data is shown on it if it fits. Returns the sentence
     * saying how the data is used, and — if it does not fit the waiting model — why and what to do.
     */
    String dataArrived(String how, int inputs, DecoderKind decoder, String what) {
        Vae pending = vm.run().pending();
        if (pending == null) return how + " Press Train (Ctrl+Enter).";
        if (!fits(pending.config(), inputs, decoder)) {
            return how + " The VAE you opened, " + pendingName + ", models " + shape(pending.config()) + " but " + what
                    + " has " + shape(inputs, decoder) + ": open data of its shape to see it, or press Train to train a "
                    + "new VAE on this data.";
        }
        vm.run().showPending(m -> true);
        return how + " The VAE you opened (" + pendingName + ") is shown on it; Train (Ctrl+Enter) trains it further.";
    }

    static boolean fits(VaeConfig c, int inputs, DecoderKind decoder) {
        return c.inputs() == inputs && c.decoder() == decoder;
    }

    static DecoderKind decoderOf(OpenedFile f) {
        return f.binary() || f.greyImages() ? DecoderKind.BERNOULLI : DecoderKind.GAUSSIAN;
    }

    /**
     * The built-in data a model was trained on, judged from its shape and metadata, or null: 28×28 Bernoulli models of
     * binarized MNIST or of the MNIST sample (also from {@code genscope train vae}, whose default is binarized MNIST),
     * 2-D Gaussian models of a toy by its name.
     */
    static VaeData builtInDataOf(VaeConfig c, String image, String dataName, List<VaeData> choices) {
        if (c.decoder() == DecoderKind.BERNOULLI && c.inputs() == 784 && (image.equals("28x28") || image.isEmpty())) {
            if (dataName.startsWith("mnist-sample10k")) return VaeData.LABELLED_MNIST;
            if (dataName.startsWith("binarized-mnist") || dataName.isEmpty()) return VaeData.BINARIZED_MNIST;
            return null;
        }
        if (c.decoder() == DecoderKind.GAUSSIAN && c.inputs() == 2) {
            return choices.stream().filter(d -> d.toy() != null && d.toy().id().equals(dataName)).findFirst().orElse(null);
        }
        return null;
    }

    static String shape(VaeConfig c) {
        return shape(c.inputs(), c.decoder());
    }

    private static String shape(int inputs, DecoderKind decoder) {
        return String.format(Locale.ROOT, "D = %,d, %s", inputs, decoder == DecoderKind.BERNOULLI ? "binary values"
                : "continuous values");
    }
}
