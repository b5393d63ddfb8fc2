package org.genscope.train;

import org.genscope.nn.Rng;

/**
 * What one optimizer step trains on: the indices of the examples (a slice of this epoch's random permutation of
 * {@code 0..trainingSize-1}) and the generator for any randomness the model needs (noise, mask orderings).
 * Tasks that sample their data from a distribution ignore the indices and draw from {@code rng}.
 *
 * @param step   steps completed before this one (0 for the first step), for schedules such as KL warm-up
 * @param epoch  epochs completed before this one
 * @param indices example indices; the array is the task's to keep
 * @param rng    the job's model generator; checkpointed, so a resumed job draws the same numbers
 */
public record Batch(long step, int epoch, int[] indices, Rng rng) {}
