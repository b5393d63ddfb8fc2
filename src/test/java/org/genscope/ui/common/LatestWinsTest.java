package org.genscope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recomputation from the newest input: one computation at a time, waiting inputs coalesce, stale results vanish. */
class LatestWinsTest {
    private final List<Runnable> queue = new ArrayList<>();
    private final List<Integer> computed = new ArrayList<>();
    private final List<Integer> shown = new ArrayList<>();
    private final LatestWins<Integer, Integer> latest = new LatestWins<>(QueuedUi.of(queue), i -> {
        computed.add(i);
        return i * 10;
    }, shown::add, e -> shown.add(-1));

    @Test
    void inputsWaitingBehindAComputationCoalesceToTheNewest() {
        latest.submit(1);
        latest.submit(2);
        latest.submit(3);
        assertEquals(1, queue.size(), "one computation started");
        queue.remove(0).run();
        assertEquals(List.of(3), computed, "only the newest was computed");
        assertEquals(List.of(30), shown);
    }

    @Test
    void aResultOvertakenByANewerInputIsNotShown() {
        List<Runnable> fx = new ArrayList<>();
        UiExecutor ui = QueuedUi.of(queue, fx);
        LatestWins<Integer, Integer> l = new LatestWins<>(ui, i -> i, shown::add, e -> { });
        l.submit(1);
        queue.remove(0).run();                 // 1 computed, its result waits for the FX thread …
        l.submit(2);                           // … and 2 arrives first
        fx.remove(0).run();
        assertTrue(shown.isEmpty(), "1 is stale");
        queue.remove(0).run();
        fx.remove(0).run();
        assertEquals(List.of(2), shown);
    }

    @Test
    void cancelDropsWhatIsOnItsWay() {
        latest.submit(5);
        latest.cancel();
        queue.remove(0).run();
        assertTrue(shown.isEmpty());
    }

    @Test
    void aFailureIsReportedForTheNewestInput() {
        LatestWins<Integer, Integer> failing = new LatestWins<>(UiExecutor.currentThread(), i -> {
            throw new IllegalStateException("no");
        }, shown::add, e -> shown.add(-1));
        failing.submit(1);
        assertEquals(List.of(-1), shown);
    }
}
