package org.genscope.ui.shell;

import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Parent;

/**
 * The workspaces of the main window, in sidebar order. A workspace whose view does not exist yet has no factory
 * and is shown as a disabled entry, never as a fake screen.
 */
public enum Workspace {
    HOME("Home", "", "", null),
    MADE("MADE", "Masked autoencoders",
            "A MADE turns an ordinary autoencoder into a density model by masking its weights so that each output "
                    + "sees only the inputs before it in an ordering. Build the masks by hand, see which inputs each "
                    + "unit can reach, train on binarized MNIST and draw digits pixel by pixel. "
                    + "(Germain et al., 2015)",
            org.genscope.ui.made.MadeView::create),
    FLOWS("Flows", "Normalizing flows",
            "A normalizing flow is a chain of invertible maps that carries a simple Gaussian onto your data, with an "
                    + "exact likelihood from the change of variables. Stack NICE, RealNVP, Glow, MAF or IAF layers, "
                    + "paint a target density, and watch the Gaussian warp into it layer by layer.",
            org.genscope.ui.flow.FlowView::create),
    VAE("VAE", "Variational autoencoders",
            "A variational autoencoder learns a small latent space and a decoder that maps latent points back to "
                    + "data, trained on the ELBO = reconstruction − KL. Scatter the latent codes, decode a grid of "
                    + "latent points, and click anywhere in latent space to see what it means. "
                    + "(Kingma & Welling, 2014)",
            null),
    WTA("WTA", "Winner-take-all autoencoders",
            "Winner-take-all autoencoders learn sparse features by letting only the strongest units fire: lifetime "
                    + "sparsity across a batch, spatial sparsity in convolutional maps. Watch the filters sharpen as "
                    + "it trains, then use the features for a linear classifier. (Makhzani & Frey, 2015)",
            null);

    private final String title;
    private final String family;
    private final String description;
    private final Function<WorkspaceContext, Parent> factory;

    Workspace(String title, String family, String description, Function<WorkspaceContext, Parent> factory) {
        this.title = title;
        this.family = family;
        this.description = description;
        this.factory = factory;
    }

    public String title() {
        return title;
    }

    public String family() {
        return family;
    }

    public String description() {
        return description;
    }

    /** Whether the workspace can be opened in this version (Home always can). */
    public boolean available() {
        return this == HOME || factory != null;
    }

    /** The factory for this workspace's view, if it exists in this version. */
    public Optional<Function<WorkspaceContext, Parent>> factory() {
        return Optional.ofNullable(factory);
    }

    /** The slug used in file names and settings, e.g. {@code made}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
