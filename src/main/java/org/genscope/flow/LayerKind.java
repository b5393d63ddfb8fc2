package org.genscope.flow;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.genscope.Quoted;

/** The layer types a {@link FlowSpec} can stack, with the short ids of the text form and the CLI. */
public enum LayerKind {
    /** NICE additive coupling (Dinh et al. 2014): z_b = x_b + m(x_a). Masks alternate along the stack. */
    ADDITIVE_COUPLING("nice", "additive coupling (NICE)", true),
    /** RealNVP affine coupling (Dinh et al. 2016): z_b = x_b ∘ exp(s(x_a)) + t(x_a), s tanh-bounded. */
    AFFINE_COUPLING("realnvp", "affine coupling (RealNVP)", true),
    /** NICE's diagonal scaling z = x ∘ exp(s) (usually last). */
    SCALING("scale", "diagonal scaling (NICE)", false),
    /** Glow's ActNorm with data-dependent initialisation. */
    ACTNORM("actnorm", "ActNorm (Glow)", false),
    /** Glow's invertible linear map (1×1 convolution), LU-parametrised. */
    INVERTIBLE_LINEAR("linear", "invertible linear map, LU (Glow)", false),
    /** One Glow step: ActNorm, invertible linear map, affine coupling (Kingma &amp; Dhariwal 2018, Fig. 2a). */
    GLOW_STEP("glow", "Glow step: ActNorm + LU linear + affine coupling", true),
    /** MAF (Papamakarios et al. 2017): density in 1 pass, sampling in D. Orderings alternate along the stack. */
    MAF("maf", "masked autoregressive flow (MAF)", true),
    /** IAF (Kingma et al. 2016): sampling in 1 pass, density in D. Orderings alternate along the stack. */
    IAF("iaf", "inverse autoregressive flow (IAF)", true),
    /** Reverses the order of the variables. */
    REVERSE("reverse", "reverse permutation", false),
    /** A fixed random permutation of the variables, drawn from the flow's seed when built and saved with the model. */
    PERMUTE("shuffle", "random permutation (fixed, from the seed)", false);

    private final String id;
    private final String title;
    private final boolean network;

    LayerKind(String id, String title, boolean network) {
        this.id = id;
        this.title = title;
        this.network = network;
    }

    /** Short id: nice, realnvp, scale, actnorm, linear, glow, maf, iaf, reverse, shuffle. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** Whether the layer has a neural network whose hidden sizes the spec sets. */
    public boolean hasNetwork() {
        return network;
    }

    /** Whether the layer is a coupling (or contains one): these alternate their mask parity along a stack. */
    boolean coupling() {
        return this == ADDITIVE_COUPLING || this == AFFINE_COUPLING || this == GLOW_STEP;
    }

    /** Whether the layer is autoregressive: these alternate natural and reversed orderings along a stack. */
    boolean autoregressive() {
        return this == MAF || this == IAF;
    }

    /** By id or enum name, case-insensitive. */
    public static LayerKind byId(String s) {
        for (LayerKind k : values()) {
            if (k.id.equalsIgnoreCase(s.trim()) || k.name().equalsIgnoreCase(s.trim())) return k;
        }
        throw new IllegalArgumentException("unknown layer kind " + Quoted.of(s.trim()) + "; choose one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(LayerKind::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
