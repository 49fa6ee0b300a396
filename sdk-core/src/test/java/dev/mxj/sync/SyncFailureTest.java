package dev.mxj.sync;

import dev.mxj.InvalidResponseException;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixNetworkException;
import dev.mxj.auth.SessionState;
import dev.mxj.id.RoomId;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static dev.mxj.internal.sync.SyncJson.TS;
import static dev.mxj.internal.sync.SyncJson.message;
import static dev.mxj.internal.sync.SyncJson.sync;
import static dev.mxj.sync.LoopFixture.await;
import static dev.mxj.testing.MockHomeserver.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Back-off and resume, Offline and Error states, invalid responses, hard logout, permanent errors. */
class SyncFailureTest {
    private static final RoomId ROOM = RoomId.of("!room:example.org");
    private final LoopFixture f = new LoopFixture();

    @AfterEach
    void tearDown() {
        f.close();
    }

    private void awaitToken(String token) {
        await(() -> f.store.syncToken().equals(Optional.of(token)), "the store holds token " + token);
    }

    @Test
    void aSingleFailureIsRetriedQuietlyFromTheSavedToken() throws Exception {
        f.filter("f1").ok(sync("s1").json());
        f.mock.error(500, "M_UNKNOWN", "hiccup");
        f.ok(sync("s2").json());
        f.sync().start();
        f.take();
        f.takeSync();
        assertEquals("s1", f.takeSync().getUrl().queryParameter("since"));
        assertEquals("s1", f.takeSync().getUrl().queryParameter("since"), "the retry resumes from the saved token");
        awaitToken("s2");
        f.sync().stop().get(2, TimeUnit.SECONDS);
        await(() -> f.stateNames().equals(List.of("Running", "Idle")), "one blip is not reported");
    }

    @Test
    void serverErrorsAreReportedThenRecover() throws Exception {
        f.filter("f1").ok(sync("s1").json());
        f.mock.error(500, "M_UNKNOWN", "down").error(503, "M_UNKNOWN", "still down");
        f.ok(sync("s2").json());
        f.sync().start();
        awaitToken("s2");
        await(() -> f.stateNames().equals(List.of("Running", "Error", "Running")), "Error, then Running again");
        SyncState.Error error = (SyncState.Error) f.states.get(1);
        assertEquals(503, assertInstanceOf(MatrixApiException.class, error.cause()).httpStatus());
        assertTrue(error.retryIn().isPresent(), "a server error is retried");
        f.sync().stop().get(2, TimeUnit.SECONDS);
    }

    @Test
    void disconnectsMakeItOfflineUntilASyncSucceeds() throws Exception {
        f.filter("f1").ok(sync("s1").json()).disconnect().disconnect().disconnect()
                .ok(sync("s2").join(ROOM, r -> r.timeline(message("$m", USER, TS, "back"))).json());
        f.sync().start();
        awaitToken("s2");
        await(() -> f.stateNames().equals(List.of("Running", "Offline", "Running")), "Offline, then Running");
        SyncState.Offline offline = (SyncState.Offline) f.states.get(1);
        assertInstanceOf(MatrixNetworkException.class, offline.cause());
        assertTrue(f.store.event(ROOM, dev.mxj.id.EventId.of("$m")).isPresent(), "nothing is lost");
        await(() -> f.mock.requestCount() == 7, "filter, s1, three failures, s2, then the next long poll");
        f.sync().stop().get(2, TimeUnit.SECONDS);
    }

    @Test
    void invalidResponsesAreRetriedThenReportedAndNeverHalfApplied() throws Exception {
        f.filter("f1").ok(sync("s1").json())
                .ok("this is not JSON")
                .ok(sync("ignored").join(ROOM, r -> r.timeline(message("$half", USER, TS, "half")))
                        .raw("rooms", List.of()).json())
                .ok(sync("s2").json());
        f.sync().start();
        awaitToken("s2");
        await(() -> f.stateNames().equals(List.of("Running", "Error", "Running")), "Error, then Running again");
        assertInstanceOf(InvalidResponseException.class, ((SyncState.Error) f.states.get(1)).cause());
        assertTrue(f.store.room(ROOM).isEmpty(), "nothing of an invalid response is applied");
        f.sync().stop().get(2, TimeUnit.SECONDS);
    }

    @Test
    void syncOnceReportsAnInvalidResponseAndKeepsTheToken() {
        f.filter("f1").ok(sync("s1").json()).ok("{\"rooms\":{}}");
        f.sync().syncOnce().join();
        CompletionException e = assertThrows(CompletionException.class, () -> f.sync().syncOnce().join());
        assertInstanceOf(InvalidResponseException.class, e.getCause());
        assertEquals(Optional.of("s1"), f.store.syncToken());
    }

    @Test
    void aRevokedTokenTerminatesTheLoop() throws Exception {
        f.filter("f1").ok(sync("s1").json());
        f.mock.error(401, "M_UNKNOWN_TOKEN", "logged out elsewhere");
        f.sync().start();
        await(() -> f.sync().state() instanceof SyncState.Terminated, "Terminated");
        assertInstanceOf(SessionState.Ended.class, f.client.sessionState());
        Thread.sleep(100);
        assertEquals(3, f.mock.requestCount(), "no request after the session ended");
        f.sync().stop().get(2, TimeUnit.SECONDS);
        assertInstanceOf(SyncState.Terminated.class, f.sync().state(), "stop() does not hide an ended session");
    }

    @Test
    void aSessionEndedElsewhereStopsTheLongPollAtOnce() throws Exception {
        f.mock.server().setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.endsWith("/filter")) {
                    return json(200, "{\"filter_id\":\"f1\"}");
                }
                if (path.endsWith("/sync")) {
                    return request.getUrl().queryParameter("since") == null ? json(200, sync("s1").json())
                            : new MockResponse.Builder().headersDelay(20, TimeUnit.SECONDS).body("{}").build();
                }
                return json(401, "{\"errcode\":\"M_UNKNOWN_TOKEN\",\"error\":\"device deleted\"}");
            }
        });
        f.sync().start();
        await(() -> f.mock.requestCount() == 3, "the long poll is under way");
        long start = System.nanoTime();
        assertThrows(CompletionException.class, () -> f.client.account().whoami().join());
        await(() -> f.sync().state() instanceof SyncState.Terminated, "Terminated");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "the long poll did not hold it up");
        assertTrue(((SyncState.Terminated) f.sync().state()).reason().contains("device deleted"));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void aPermanentErrorStopsTheLoopUntilStartedAgain() throws Exception {
        f.filter("f1");
        f.mock.error(403, "M_FORBIDDEN", "no");
        f.sync().start();
        await(() -> f.sync().state() instanceof SyncState.Error, "Error");
        SyncState.Error error = (SyncState.Error) f.sync().state();
        assertEquals(Optional.empty(), error.retryIn());
        Thread.sleep(100);
        assertEquals(2, f.mock.requestCount());
        f.ok(sync("s1").json());
        f.sync().start();
        awaitToken("s1");
        await(() -> f.sync().state() instanceof SyncState.Running, "Running again");
        f.sync().stop().get(2, TimeUnit.SECONDS);
    }
}
