package org.genscope.compare;

import java.util.Objects;

/**
 * One model on the leaderboard, as a workspace published it when a run paused or finished, or when a model file
 * was opened: immutable (the model is a copy nothing trains).
 *
 * @param key      the run it comes from; a later entry with the same key replaces this one (the run trained on)
 * @param name     what the table calls it, e.g. "MADE 784-500-784"
 * @param settings the run's settings in one line (architecture, seed, steps), for the table
 * @param model    the model
 * @param test     where it is measured; entries are grouped by {@link TestSet#id}
 */
public record Entry(String key, String name, String settings, Candidate model, TestSet test) {
    public Entry {
        Objects.requireNonNull(key);
        Objects.requireNonNull(name);
        Objects.requireNonNull(settings);
        Objects.requireNonNull(model);
        Objects.requireNonNull(test);
        if (model.inputs() != test.data().dimension()) {
            throw new IllegalArgumentException(name + " takes " + model.inputs() + " inputs; its test set "
                    + test.title() + " has " + test.data().dimension());
        }
    }
}
