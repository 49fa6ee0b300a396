package dev.mxj.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.mxj.testing.Pause.await;
import static dev.mxj.testing.Pause.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Worker}: tasks in order; close finishes and waits for the work taken, and takes no more. */
class WorkerTest {
    private final Worker worker = new Worker("test-worker", Duration.ofSeconds(5));

    @Test
    void closeWaitsForTheRunningTaskAndThoseQueued() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();
        worker.execute(() -> {
            started.countDown();
            sleep(300);
            done.add("running");
        });
        worker.execute(() -> done.add("queued"));
        assertTrue(started.await(5, TimeUnit.SECONDS));

        assertTrue(worker.close(deadlineIn(Duration.ofSeconds(5))));
        assertEquals(List.of("running", "queued"), done);
        assertTrue(worker.isClosed());
    }

    @Test
    void aTaskAfterCloseIsRefused() {
        assertTrue(worker.close(deadlineIn(Duration.ofSeconds(1))));
        assertThrows(RejectedExecutionException.class, () -> worker.execute(() -> { }));
    }

    @Test
    void closeOnTheWorkersOwnThreadDoesNotWaitForItself() throws Exception {
        CompletableFuture<Long> waited = new CompletableFuture<>();
        worker.execute(() -> {
            long start = System.nanoTime();
            worker.close(deadlineIn(Duration.ofSeconds(5)));
            waited.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        });
        assertTrue(waited.get(5, TimeUnit.SECONDS) < 1_000, "close() on the worker waited for itself");
        assertTrue(worker.isClosed());
    }

    @Test
    void closeStopsWaitingAtTheDeadline() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        worker.execute(() -> {
            started.countDown();
            await(release);
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        long start = System.nanoTime();
        assertFalse(worker.close(deadlineIn(Duration.ofMillis(200))), "the task was still running");
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited >= 150 && waited < 3_000, "waited " + waited + " ms");
        release.countDown();
    }

    private static long deadlineIn(Duration duration) {
        return System.nanoTime() + duration.toNanos();
    }
}
