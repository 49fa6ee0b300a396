package dev.mxj;

import dev.mxj.auth.LoginRequest;
import dev.mxj.auth.SessionState;
import dev.mxj.testing.MockHomeserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mxj.testing.Pause.await;
import static dev.mxj.testing.Pause.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link MatrixClient#close()} and callbacks: a callback running when the app closes the client is
 * waited for, and none runs after {@code close()} returned, on mxj's executor or the app's, so the app
 * may close its store right after.
 */
class ClientCloseCallbacksTest {
    private static final String LOGIN = "{\"user_id\":\"@alice:example.org\",\"access_token\":\"tok\","
            + "\"device_id\":\"DEV\"}";

    private final MockHomeserver mock = MockHomeserver.start();
    private final ExecutorService appExecutor = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() {
        appExecutor.shutdownNow();
        mock.close();
    }

    @Test
    void closeWaitsForACallbackRunningOnMxjsExecutor() throws Exception {
        assertCloseWaitsForARunningCallback(mock.client());
    }

    @Test
    void withTheAppsExecutorQueuedCallbacksNeverRunAfterCloseAndRunningOnesAreWaitedFor() throws Exception {
        MatrixClient client = mock.builder().callbackExecutor(appExecutor).build();
        AtomicInteger calls = new AtomicInteger();
        client.onSessionStateChanged(state -> calls.incrementAndGet());
        CountDownLatch release = new CountDownLatch(1);
        appExecutor.execute(() -> await(release)); // the app's executor is busy: the callback waits in its queue
        mock.ok(LOGIN);
        client.auth().login(LoginRequest.password("alice", "pw")).join();

        long start = System.nanoTime();
        client.close();
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2_000,
                "nothing was running: close() did not wait");
        release.countDown();
        appExecutor.submit(() -> { }).get(5, TimeUnit.SECONDS); // the queue drained
        assertEquals(0, calls.get(), "a callback queued before close() ran after it returned");
        assertFalse(appExecutor.isShutdown(), "the app's executor is the app's to shut down");
    }

    @Test
    void aRunningCallbackOnTheAppsExecutorIsWaitedFor() throws Exception {
        assertCloseWaitsForARunningCallback(mock.builder().callbackExecutor(appExecutor).build());
    }

    /** {@code close()} returns only after a callback that was running when it was called has ended. */
    private void assertCloseWaitsForARunningCallback(MatrixClient client) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        client.onSessionStateChanged(state -> {
            started.countDown();
            sleep(300);
            finished.set(true);
        });
        mock.ok(LOGIN);
        client.auth().login(LoginRequest.password("alice", "pw")).join();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        client.close();
        assertTrue(finished.get(), "close() returned while the callback was still running");
    }

    @Test
    void aCallbackThatClosesTheClientDoesNotWaitForItself() throws Exception {
        MatrixClient client = mock.client();
        CountDownLatch closed = new CountDownLatch(1);
        client.onSessionStateChanged(state -> {
            if (state instanceof SessionState.Active) {
                client.close();
                closed.countDown();
            }
        });
        mock.ok(LOGIN);
        client.auth().login(LoginRequest.password("alice", "pw")).join();
        assertTrue(closed.await(MatrixClient.CLOSE_TIMEOUT.toMillis() / 2, TimeUnit.MILLISECONDS),
                "close() from a callback waited for that callback");
    }
}
