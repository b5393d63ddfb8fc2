package org.genscope.nn;

import java.util.List;
import java.util.Map;

/**
 * Updates a fixed list of parameters from their accumulated gradients, then zeroes the gradients.
 * Its internal state (moments, step count) is exposed by name so checkpoints can save and restore it exactly.
 */
public interface Optimizer {
    /** The parameters this optimizer updates (fixed at construction). */
    List<Param> params();

    /** One update from the current gradients; zeroes the gradients afterwards. */
    void step();

    /** Learning rate of the next step (schedules may change it between steps). */
    double learningRate();

    void setLearningRate(double lr);

    /** Named copies of the internal state, for checkpoints. */
    Map<String, float[]> state();

    /** Restores a state returned by {@link #state()}; throws IllegalArgumentException on a mismatch. */
    void loadState(Map<String, float[]> state);
}
