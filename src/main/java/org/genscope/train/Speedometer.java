package org.genscope.train;

/**
 * Steps per second, smoothed exponentially over about two seconds of training time, and the time to the end at
 * that speed. Pauses are excluded: {@link #restart} is called whenever a run begins.
 */
final class Speedometer {
    private static final double TAU_NANOS = 2e9;
    private static final long MIN_WINDOW_NANOS = 100_000_000L;

    private double rate;
    private long since;
    private long sinceStep;

    void restart(long nowNanos, long step) {
        since = nowNanos;
        sinceStep = step;
    }

    /** rate ← rate + α (instant − rate),  α = 1 − exp(−Δt/τ). */
    void update(long nowNanos, long step) {
        long dt = nowNanos - since;
        if (dt < MIN_WINDOW_NANOS) return;
        double instant = (step - sinceStep) * 1e9 / dt;
        rate = rate == 0 ? instant : rate + (1 - Math.exp(-dt / TAU_NANOS)) * (instant - rate);
        restart(nowNanos, step);
    }

    double stepsPerSecond() {
        return rate;
    }

    double etaSeconds(long remainingSteps) {
        return rate > 0 ? remainingSteps / rate : Double.NaN;
    }
}
