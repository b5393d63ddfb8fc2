package org.genscope.ui.flow;

import org.genscope.flow.LayerKind;

/** One sentence per layer kind, for the layer list and the Add menu: what the layer does to x and to log|det|. */
final class LayerHelp {
    private LayerHelp() {}

    static String of(LayerKind kind) {
        return switch (kind) {
            case ADDITIVE_COUPLING -> "Shifts one half of the coordinates by a network of the other half: "
                    + "z_b = x_b + m(x_a). It keeps volume, so log|det| = 0.";
            case AFFINE_COUPLING -> "Scales and shifts one half of the coordinates by networks of the other half: "
                    + "z_b = x_b·exp(s(x_a)) + t(x_a), so log|det| = Σ s(x_a).";
            case SCALING -> "Scales every coordinate by a learned factor, z = x·exp(s): the only change of volume in a "
                    + "NICE flow (log|det| = Σ s).";
            case ACTNORM -> "A learned scale and shift per coordinate, set at the start so the first batch comes out "
                    + "with mean 0 and variance 1.";
            case INVERTIBLE_LINEAR -> "Multiplies by an invertible matrix W = P·L·(U + diag s), which mixes the "
                    + "coordinates; log|det W| = Σ log|s| stays cheap.";
            case GLOW_STEP -> "One Glow step: ActNorm, then an invertible linear map, then an affine coupling.";
            case MAF -> "Shifts and scales each coordinate by a MADE of the coordinates before it: the density takes "
                    + "one pass, sampling takes D passes.";
            case IAF -> "The MAF's map run the other way round: sampling takes one pass, the density takes D passes.";
            case REVERSE -> "Reverses the order of the coordinates, so the next coupling transforms the other half.";
            case PERMUTE -> "Permutes the coordinates by a fixed random permutation (stored in the model file).";
        };
    }

    /** The kind's title and what it does, for a tooltip. */
    static String tooltip(LayerKind kind) {
        return kind.title() + ": " + of(kind);
    }
}
