package org.genscope.flow;

import java.util.List;
import java.util.stream.Collectors;
import org.genscope.Quoted;
import org.genscope.data.DataSplits;
import org.genscope.data.Toy2D;

/**
 * A one-click demo shared by the app and the CLI ({@code genscope train flow --preset ID}): a flow, a 2-D toy
 * dataset and the training settings that reproduce the usual picture.
 *
 * @param id           CLI name, e.g. {@code realnvp-moons}
 * @param title        one line for menus
 * @param shortTitle   a few words, where space is short (e.g. {@code RealNVP ×8 · moons})
 * @param spec         the flow
 * @param dataset      a {@link Toy2D} id
 * @param noise        the toy's noise σ
 * @param size         examples generated (split 80/10/10 into train, validation, test)
 * @param learningRate Adam's learning rate
 * @param steps        optimizer steps
 * @param batchSize    examples per step
 */
public record FlowPreset(String id, String title, String shortTitle, FlowSpec spec, String dataset, double noise, int size,
                         double learningRate, int steps, int batchSize) {

    private static FlowPreset of(String id, String title, String shortTitle, String layers, String dataset, double noise,
                                 double lr, int steps) {
        return new FlowPreset(id, title, shortTitle, FlowSpec.parse(layers), dataset, noise, 20_000, lr, steps, 256);
    }

    /**
     * The presets, the three first. Trained by {@link FlowTraining} (Adam, cosine decay); the test NLLs they reach
     * are listed in the README ("Normalizing flows from the command line").
     */
    public static final List<FlowPreset> ALL = List.of(
            of("realnvp-moons", "RealNVP, 8 affine couplings, on two moons", "RealNVP ×8 · moons", "realnvp:64-64*8", "moons", 0.05, 2e-3, 3000),
            of("maf-checkerboard", "MAF, 8 layers, on the checkerboard", "MAF ×8 · checkerboard", "maf:64-64*8", "checkerboard", 0, 2e-3, 6000),
            of("glow-8gaussians", "Glow, 6 steps, on 8 Gaussians", "Glow ×6 · 8 Gaussians", "glow:64-64*6", "8gaussians", 0.2, 2e-3, 4000),
            of("nice-moons", "NICE, 4 additive couplings + scaling, on two moons (volume changes only in the scaling)",
                    "NICE ×4 · moons", "nice:64-64*4,scale", "moons", 0.05, 2e-3, 3000),
            of("iaf-8gaussians", "IAF, 8 layers, on 8 Gaussians (sampling 1 pass, density D passes)", "IAF ×8 · 8 Gaussians",
                    "iaf:32-32*8", "8gaussians", 0.2, 3e-3, 4000),
            of("realnvp-pinwheel", "ActNorm + RealNVP, 8 couplings, on the pinwheel", "RealNVP ×8 · pinwheel",
                    "actnorm,realnvp:64-64*8", "pinwheel", 0.3, 2e-3, 4000));

    /** The preset with this id. */
    public static FlowPreset byId(String id) {
        for (FlowPreset p : ALL) if (p.id.equalsIgnoreCase(id.trim())) return p;
        throw new IllegalArgumentException("unknown preset " + Quoted.of(id) + "; known: " + ids());
    }

    public static String ids() {
        return ALL.stream().map(FlowPreset::id).collect(Collectors.joining(", "));
    }

    public Toy2D toy() {
        return Toy2D.byName(dataset);
    }

    /** The preset's data: {@code size} points of the toy (by the seed), split 80/10/10. */
    public DataSplits data(long seed) {
        return DataSplits.random(toy().generate(size, noise, seed), 0.1, 0.1, seed);
    }

    /** The preset's model for 2-D data. */
    public FlowModel model() {
        return spec.build(2);
    }
}
