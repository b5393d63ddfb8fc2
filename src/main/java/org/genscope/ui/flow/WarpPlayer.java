package org.genscope.ui.flow;

import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Plays a position t ∈ [0, K] forward or backward at a number of seconds per layer, eased at every stage
 * (smoothstep inside each layer: the motion slows into each stage so it can be seen, and never jumps). An
 * {@link AnimationTimer} drives it once per frame from the real clock; {@link #advance} moves it by a given time,
 * so tests drive it deterministically. With {@link #setBounce} it sweeps back and forth until paused, otherwise it
 * stops at the end. FX thread only.
 */
final class WarpPlayer {
    /** What the player is doing. */
    enum State { PAUSED, FORWARD, BACKWARD }

    private final DoubleProperty position = new SimpleDoubleProperty(this, "position", 0);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.PAUSED);
    private int count;
    private double secondsPerLayer = 1;
    private boolean bounce;
    /** The unwarped clock u, with position = eased(u) as last set by the player. */
    private double clock;
    private double lastSet = Double.NaN;
    private long lastNanos = -1;
    private boolean realTime = true;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (lastNanos >= 0) advance((now - lastNanos) / 1e9);
            lastNanos = now;
        }
    };

    /** The position shown; set it to jump (while playing, the sweep continues from there). */
    DoubleProperty positionProperty() {
        return position;
    }

    ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    State state() {
        return state.get();
    }

    /** K, the last stage; the position is clamped to it. */
    void setCount(int k) {
        count = Math.max(0, k);
        if (position.get() > count) position.set(count);
        if (count == 0) pause();
    }

    /** Seconds for one layer (&gt; 0). */
    void setSecondsPerLayer(double s) {
        if (!(s > 0)) throw new IllegalArgumentException("seconds per layer must be positive, got " + s);
        secondsPerLayer = s;
    }

    double secondsPerLayer() {
        return secondsPerLayer;
    }

    /** Back and forth until paused, instead of stopping at the end. */
    void setBounce(boolean b) {
        bounce = b;
    }

    /** Whether playing starts the frame timer (tests turn it off and call {@link #advance} themselves). */
    void setRealTime(boolean on) {
        realTime = on;
        if (!on) timer.stop();
    }

    /** Plays towards K (from 0 again if already there). */
    void playForward() {
        if (count == 0) return;
        if (position.get() >= count) position.set(0);
        start(State.FORWARD);
    }

    /** Plays towards 0 (from K again if already there). */
    void playBackward() {
        if (count == 0) return;
        if (position.get() <= 0) position.set(count);
        start(State.BACKWARD);
    }

    void pause() {
        timer.stop();
        state.set(State.PAUSED);
    }

    private void start(State s) {
        state.set(s);
        lastNanos = -1;
        if (realTime) timer.start();
    }

    /** Moves the sweep on by {@code seconds} of play (nothing while paused). */
    void advance(double seconds) {
        if (state.get() == State.PAUSED || count == 0) return;
        double sign = state.get() == State.FORWARD ? 1 : -1;
        // continue from wherever the position is now if it was moved by hand
        if (position.get() != lastSet) clock = uneased(Math.max(0, Math.min(count, position.get())));
        clock += sign * seconds / secondsPerLayer;
        if (clock >= count || clock <= 0) {
            double end = clock >= count ? count : 0;
            double overshoot = Math.abs(clock - end);
            if (bounce) {
                state.set(end == count ? State.BACKWARD : State.FORWARD);
                clock = end == count ? Math.max(0, count - overshoot) : Math.min(count, overshoot);
            } else {
                clock = end;
                pause();
            }
        }
        lastSet = eased(clock);
        position.set(lastSet);
    }

    /** The eased position of clock u: ⌊u⌋ + s(u − ⌊u⌋) with smoothstep s(x) = 3x² − 2x³. */
    static double eased(double u) {
        double k = Math.floor(u);
        double x = u - k;
        return k + x * x * (3 - 2 * x);
    }

    /** The clock of an eased position: s⁻¹(y) = ½ − sin(asin(1 − 2y)/3) inside each layer. */
    static double uneased(double t) {
        double k = Math.floor(t);
        double y = t - k;
        return k + 0.5 - Math.sin(Math.asin(1 - 2 * y) / 3);
    }
}
