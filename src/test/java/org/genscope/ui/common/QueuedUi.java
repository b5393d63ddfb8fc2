package org.genscope.ui.common;

import java.util.List;
import org.genscope.train.TaskExecutor;

/** A test executor: background work waits in a list until the test runs it; FX work runs at once or waits too. */
final class QueuedUi {
    private QueuedUi() {}

    static UiExecutor of(List<Runnable> queue) {
        return of(queue, null);
    }

    /** FX work waits in {@code fxQueue} (if not null) until the test runs it. */
    static UiExecutor of(List<Runnable> queue, List<Runnable> fxQueue) {
        return new UiExecutor() {
            @Override
            public void background(Runnable work) {
                queue.add(work);
            }

            @Override
            public void fx(Runnable work) {
                if (fxQueue == null) work.run();
                else fxQueue.add(work);
            }

            @Override
            public TaskExecutor jobs() {
                return queue::add;
            }

            @Override
            public FrameClock everyFrame(Runnable tick) {
                return UiExecutor.currentThread().everyFrame(tick);
            }
        };
    }
}
