package org.genscope.ui.vae;

import java.util.List;
import org.genscope.data.Toy2D;

/**
 * A whole demo in one click: the data and the settings it was tuned with.
 *
 * @param title  what the preset list shows
 * @param lesson one sentence on what it shows, for the data note
 * @param data   the data it trains on
 * @param recipe its settings
 */
record VaePreset(String title, String lesson, VaeData data, VaeRecipe recipe) {
    static final List<VaePreset> ALL = List.of(
            new VaePreset("2-D latent MNIST", "Two latent units: every digit is a point of the plane, and the decoder "
                    + "turns every point of the plane into a digit (Kingma & Welling, figure 4).",
                    VaeData.LABELLED_MNIST, VaeRecipe.LABELLED_MNIST),
            new VaePreset("50-D latent (IWAE paper)", "The IWAE paper's VAE: 784-200-200-(50), tanh; it uses only part "
                    + "of its 50 units (see Inside the bound).", VaeData.BINARIZED_MNIST, VaeRecipe.BINARIZED_MNIST),
            new VaePreset("β = 8 collapse", "β = 8 weighs the KL term eight times: most of the 10 units collapse to the "
                    + "prior, the codes of different digits crowd together and reconstructions blur.",
                    VaeData.LABELLED_MNIST, VaeRecipe.LABELLED_MNIST.withLatent(10).withBeta(8, 0)),
            new VaePreset("2-D toy", "A VAE of 2-D points with a Gaussian decoder: its density p(x) beside the data, "
                    + "as in the Flows workspace.", new VaeData("2-D: " + Toy2D.PINWHEEL.id(), VaeData.Kind.TOY,
                    Toy2D.PINWHEEL), VaeRecipe.POINTS));

    @Override
    public String toString() {
        return title;
    }
}
