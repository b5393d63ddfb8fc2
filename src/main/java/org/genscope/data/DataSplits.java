package org.genscope.data;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.genscope.nn.Rng;

/**
 * Train, validation and test splits. Statistics used for preprocessing (normalization, standardization) come from
 * {@link #train()} only, and are then applied to all three.
 */
public record DataSplits(Dataset train, Dataset validation, Dataset test) {

    /**
     * Shuffles {@code all} with a seeded {@link Rng} and cuts it into disjoint splits: the first
     * {@code round(N·testFraction)} shuffled examples form the test split, the next {@code round(N·validFraction)} the
     * validation split, the rest the training split. The same seed gives the same splits.
     */
    public static DataSplits random(Dataset all, double validFraction, double testFraction, long seed) {
        if (validFraction < 0 || testFraction < 0 || validFraction + testFraction >= 1) {
            throw new IllegalArgumentException("split fractions must be ≥ 0 and leave training data: valid "
                    + validFraction + ", test " + testFraction);
        }
        int n = all.size();
        int[] p = new Rng(seed).permutation(n);
        int nTest = (int) Math.round(n * testFraction);
        int nValid = (int) Math.round(n * validFraction);
        return new DataSplits(
                all.subset(Arrays.copyOfRange(p, nTest + nValid, n), all.name() + "-train"),
                all.subset(Arrays.copyOfRange(p, nTest, nTest + nValid), all.name() + "-valid"),
                all.subset(Arrays.copyOfRange(p, 0, nTest), all.name() + "-test"));
    }

    /** Applies the same transformation to each split (e.g. a binarization). */
    public DataSplits map(UnaryOperator<Dataset> f) {
        return new DataSplits(f.apply(train), f.apply(validation), f.apply(test));
    }
}
