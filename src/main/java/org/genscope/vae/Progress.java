package org.genscope.vae;

/**
 * Progress of a long evaluation (an importance-sampled log-likelihood with k = 5000 takes minutes), and its
 * cancellation: called on the evaluating thread after each block of (example, sample) pairs; returning false
 * cancels, and the evaluation then throws {@link java.util.concurrent.CancellationException}.
 */
@FunctionalInterface
public interface Progress {
    /** Never cancels, reports nothing. */
    Progress NONE = (done, total) -> true;

    /** {@code done} of {@code total} pairs evaluated so far; false to cancel. */
    boolean report(long done, long total);
}
