package org.genscope.ui.vae;

import java.util.ArrayList;
import java.util.List;
import org.genscope.data.Toy2D;

/**
 * An entry of the VAE workspace's data choice: binarized MNIST (the benchmark's 50k/10k/10k), the labelled MNIST
 * sample, a 2-D toy density, the Paint tab's points, or a file opened with File ▸ Open dataset. Where the points come
 * from and how they are prepared is {@link VaeDatasets}'.
 */
record VaeData(String label, Kind kind, Toy2D toy) {
    enum Kind { BINARIZED_MNIST, LABELLED_MNIST, TOY, PAINTED, FILE }

    static final VaeData BINARIZED_MNIST = new VaeData("Binarized MNIST (the benchmark, 50k/10k/10k)", Kind.BINARIZED_MNIST, null);
    static final VaeData LABELLED_MNIST = new VaeData("MNIST with labels (10,000 digits)", Kind.LABELLED_MNIST, null);

    static List<VaeData> all() {
        List<VaeData> list = new ArrayList<>(List.of(BINARIZED_MNIST, LABELLED_MNIST));
        for (Toy2D t : Toy2D.values()) list.add(new VaeData("2-D: " + t.id(), Kind.TOY, t));
        list.add(new VaeData("2-D: painted (Paint tab)", Kind.PAINTED, null));
        list.add(new VaeData("Your own file (File ▸ Open dataset)", Kind.FILE, null));
        return list;
    }

    /** Images (Bernoulli decoder) rather than 2-D points (Gaussian decoder); a file decides for itself. */
    boolean mnist() {
        return kind == Kind.BINARIZED_MNIST || kind == Kind.LABELLED_MNIST;
    }

    /** A few words for the closed choice box and the status bar. */
    String shortLabel() {
        return switch (kind) {
            case BINARIZED_MNIST -> "Binarized MNIST";
            case LABELLED_MNIST -> "MNIST with labels";
            case TOY -> "2-D: " + toy.id();
            case PAINTED -> "2-D: painted";
            case FILE -> "your file";
        };
    }

    /** The recipe this data starts from when the user picks it (a file's depends on what it holds: see there). */
    VaeRecipe recipe() {
        return switch (kind) {
            case BINARIZED_MNIST -> VaeRecipe.BINARIZED_MNIST;
            case LABELLED_MNIST, FILE -> VaeRecipe.LABELLED_MNIST;
            case TOY, PAINTED -> VaeRecipe.POINTS;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
