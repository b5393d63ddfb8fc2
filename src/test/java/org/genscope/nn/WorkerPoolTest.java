package org.genscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The worker team runs every part exactly once, reports failures, and serves concurrent callers correctly. */
class WorkerPoolTest {
    @Test
    void everyPartRunsExactlyOnce() {
        WorkerPool pool = new WorkerPool(3);
        for (int rep = 0; rep < 200; rep++) {
            AtomicIntegerArray hits = new AtomicIntegerArray(3);
            int parts = 1 + rep % 3;
            assertTrue(pool.tryBegin());
            try {
                pool.invoke((part, n) -> hits.incrementAndGet(part), parts);
            } finally {
                pool.end();
            }
            for (int p = 0; p < 3; p++) assertEquals(p < parts ? 1 : 0, hits.get(p), "rep " + rep + " part " + p);
        }
    }

    @Test
    void aFailingPartIsRethrownToTheCaller() {
        WorkerPool pool = new WorkerPool(2);
        assertTrue(pool.tryBegin());
        try {
            assertThrows(IllegalStateException.class, () -> pool.invoke((part, n) -> {
                if (part == 1) throw new IllegalStateException("boom");
            }, 2));
        } finally {
            pool.end();
        }
    }

    @Test
    void concurrentGemmCallersGetCorrectProducts() throws Exception {
        // two threads hammer the shared team; whoever cannot claim it computes serially
        ExecutorService ex = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<?>[] fs = new Future<?>[2];
            for (int t = 0; t < 2; t++) {
                long seed = t;
                fs[t] = ex.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    Rng rng = new Rng(seed);
                    for (Gemm g : GemmBackends.available()) {
                        for (int rep = 0; rep < 5; rep++) GemmBackendsTest.check(g, rng, false, rep % 2 == 1, 64, 96, 200, 1f, 0f);
                    }
                    return null;
                });
            }
            start.countDown();
            for (Future<?> f : fs) f.get(60, TimeUnit.SECONDS);
        } finally {
            ex.shutdownNow();
        }
    }
}
