package org.genscope.train;

/** Life cycle of a training job. STOPPED, FAILED and FINISHED are final. */
public enum JobState {
    /** Created (and possibly restored from a checkpoint), not started. */
    NEW,
    RUNNING,
    /** Not stepping; no thread is held while paused. */
    PAUSED,
    /** Stopped by the user before the end. */
    STOPPED,
    /** Stopped by non-finite numbers or an error; see the snapshot's message. */
    FAILED,
    /** Reached the configured number of steps. */
    FINISHED;

    public boolean isTerminal() {
        return this == STOPPED || this == FAILED || this == FINISHED;
    }
}
