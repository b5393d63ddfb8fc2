package org.genscope.ui.made;

import org.genscope.data.Binarization;
import org.genscope.data.DataFormatException;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.data.Downsample;
import org.genscope.data.SampleData;
import org.genscope.data.Toy2D;

/**
 * What the MADE workspace can model: a mask sandbox (any D, no data), binarized MNIST at 28×28 or shrunk to 4×4 so
 * every unit can be drawn, and the 2D toy densities (continuous, mixture-of-Gaussians conditionals).
 */
enum MadeData implements MadeSource {
    SANDBOX("Sandbox: any D, no data", 0, null, Recipe.SANDBOX),
    MNIST_4("MNIST 4×4, binary (D = 16)", 16, null, Recipe.MNIST_4),
    MNIST_28("MNIST 28×28, binary (D = 784)", 784, null, Recipe.MNIST_28),
    MOONS("2D: two moons", 2, Toy2D.MOONS, Recipe.TWO_D),
    EIGHT_GAUSSIANS("2D: 8 gaussians", 2, Toy2D.EIGHT_GAUSSIANS, Recipe.TWO_D),
    CHECKERBOARD("2D: checkerboard", 2, Toy2D.CHECKERBOARD, Recipe.TWO_D),
    PINWHEEL("2D: pinwheel", 2, Toy2D.PINWHEEL, Recipe.TWO_D),
    SPIRALS("2D: two spirals", 2, Toy2D.SPIRALS, Recipe.TWO_D);

    /** Block-mean threshold for the 4×4 digits: keeps about a third of the pixels on, as in the 28×28 strokes' shapes. */
    static final float SHRINK_THRESHOLD = 0.14f;
    static final int TOY_POINTS = 12_000;
    static final double TOY_NOISE = 0.05;
    /** The fractions of a toy's points held out for validation and for test. */
    static final double TOY_HELD_OUT = 1.0 / 6;

    final String label;
    final int inputs;
    final Toy2D toy;
    final Recipe recipe;

    MadeData(String label, int inputs, Toy2D toy, Recipe recipe) {
        this.label = label;
        this.inputs = inputs;
        this.toy = toy;
        this.recipe = recipe;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public boolean trainable() {
        return this != SANDBOX;
    }

    @Override
    public boolean binary() {
        return this == MNIST_4 || this == MNIST_28;
    }

    @Override
    public Recipe recipe() {
        return recipe;
    }

    @Override
    public String shortLabel() {
        return switch (this) {
            case SANDBOX -> "Sandbox (no data)";
            case MNIST_4 -> "MNIST 4×4";
            case MNIST_28 -> "MNIST 28×28";
            default -> "2D: " + toy.id();
        };
    }

    @Override
    public String note() {
        return switch (this) {
            case SANDBOX -> "Explore masks for any D; pick a dataset (or open your own) to train.";
            case MNIST_4 -> "Binarized MNIST averaged over 7×7 blocks and thresholded: 16-pixel digits, small "
                    + "enough to see every unit and edge.";
            case MNIST_28 -> "The MADE paper's benchmark (50k/10k/10k). The network view switches to an aggregated "
                    + "view at this size.";
            default -> "A 2D density: each conditional p(x_d | x_<d) is a mixture of Gaussians.";
        };
    }

    @Override
    public DataSplits load(long seed) throws DataFormatException {
        return switch (this) {
            case SANDBOX -> throw new IllegalStateException("the sandbox has no data");
            case MNIST_28 -> SampleData.binarizedMnist();
            case MNIST_4 -> SampleData.binarizedMnist().map(d ->
                    Binarization.threshold(Downsample.meanPool(d, 7), SHRINK_THRESHOLD));
            default -> {
                Dataset all = toy.generate(TOY_POINTS, TOY_NOISE, seed);
                yield DataSplits.random(all, TOY_HELD_OUT, TOY_HELD_OUT, seed);
            }
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
