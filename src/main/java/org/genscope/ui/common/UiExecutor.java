package org.genscope.ui.common;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.genscope.train.TaskExecutor;

/**
 * Where the UI's work runs: slow work off the FX thread, results back on it, and a per-frame tick for draining
 * training snapshots. The app uses {@link #javafx}; view-model tests use {@link #currentThread}, which runs every
 * piece of work at once on the caller's thread (JabRef's {@code CurrentThreadTaskExecutor}), so a whole run —
 * preparation, training, result — happens inside the call and can be checked without a window.
 */
public interface UiExecutor {
    /** Runs {@code work} off the FX thread. */
    void background(Runnable work);

    /** Runs {@code work} on the FX thread, after the current event (never inside the caller, even on the FX thread). */
    void fx(Runnable work);

    /** The executor training jobs run their loops on. */
    TaskExecutor jobs();

    /** A clock that calls {@code tick} once per frame on the FX thread while started. */
    FrameClock everyFrame(Runnable tick);

    /** Starts and stops a per-frame tick. */
    interface FrameClock {
        void start();

        void stop();
    }

    /** Background work on {@code background}'s threads, results through {@link Platform#runLater}. */
    static UiExecutor javafx(TaskExecutor background) {
        return new UiExecutor() {
            @Override
            public void background(Runnable work) {
                background.execute(work);
            }

            @Override
            public void fx(Runnable work) {
                Platform.runLater(work);
            }

            @Override
            public TaskExecutor jobs() {
                return background;
            }

            @Override
            public FrameClock everyFrame(Runnable tick) {
                AnimationTimer timer = new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        tick.run();
                    }
                };
                return new FrameClock() {
                    @Override
                    public void start() {
                        timer.start();
                    }

                    @Override
                    public void stop() {
                        timer.stop();
                    }
                };
            }
        };
    }

    /**
     * Everything on the calling thread, in order: background work and FX work run inside the call, a training job
     * runs to its end inside {@code start()}. There are no frames: tests drain snapshots themselves.
     */
    static UiExecutor currentThread() {
        return new UiExecutor() {
            @Override
            public void background(Runnable work) {
                work.run();
            }

            @Override
            public void fx(Runnable work) {
                work.run();
            }

            @Override
            public TaskExecutor jobs() {
                return TaskExecutor.currentThread();
            }

            @Override
            public FrameClock everyFrame(Runnable tick) {
                return new FrameClock() {
                    @Override
                    public void start() { }

                    @Override
                    public void stop() { }
                };
            }
        };
    }
}
