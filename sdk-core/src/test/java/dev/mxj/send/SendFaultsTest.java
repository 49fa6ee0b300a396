package dev.mxj.send;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.id.EventId;
import dev.mxj.room.Room;
import dev.mxj.send.SendFailedException.Reason;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.store.QueuedSend;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.mxj.send.SendSupport.ROOM;
import static dev.mxj.send.SendSupport.body;
import static dev.mxj.send.SendSupport.eventId;
import static dev.mxj.send.SendSupport.eventually;
import static dev.mxj.send.SendSupport.txn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults while sending, against the spec's error shapes: each ends as a typed {@link SendFailedException}
 * on the handle and the local echo, the event stays queued (and so do the room's later events, in
 * order), and it can be retried or cancelled; the typed reason survives a restart.
 */
class SendFaultsTest {
    /** More than the mock client's longest back-off (20 ms), so the transport hands the 429 to the queue. */
    private static final String RATE_LIMITED = "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"Too many requests\","
            + "\"retry_after_ms\":60}";
    /** The first attempt and the queue's 4 more rounds. */
    private static final int ROUNDS = 5;

    private final MockHomeserver server = MockHomeserver.start();
    private final MemoryStateStore store = new MemoryStateStore();
    private MatrixClient client = client();
    private Room room = client.rooms().roomById(ROOM);

    private MatrixClient client() {
        store.saveSession(server.session());
        return server.builder().stateStore(store).build();
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private static EventId await(SendHandle handle) {
        return handle.sent().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static SendFailedException failedWith(SendHandle handle) {
        eventually("the event failed", () -> handle.state() instanceof SendState.Failed);
        return ((SendState.Failed) handle.state()).error();
    }

    @Test
    void aRateLimitTheTransportGivesUpOnIsWaitedOutByTheQueue() {
        server.json(429, RATE_LIMITED);
        eventId(server, "$e1");
        eventId(server, "$e2");
        long start = System.nanoTime();

        SendHandle first = room.sendText("one");
        SendHandle second = room.sendText("two");
        assertEquals(EventId.of("$e1"), await(first));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(60), "waited retry_after_ms");
        assertEquals(EventId.of("$e2"), await(second));
        assertEquals(first.transactionId(), txn(server.take()));
        assertEquals(first.transactionId(), txn(server.take()), "the same transaction ID after the wait");
        assertEquals(second.transactionId(), txn(server.take()));
    }

    @Test
    void aLastingRateLimitFailsRateLimitedAndTheRoomWaitsUntilRetried() {
        for (int i = 0; i < ROUNDS; i++) {
            server.json(429, RATE_LIMITED);
        }
        eventId(server, "$e1");
        eventId(server, "$e2");

        SendHandle first = room.sendText("one");
        SendHandle second = room.sendText("two");
        SendFailedException error = failedWith(first);
        assertEquals(Reason.RATE_LIMITED, error.reason());
        assertEquals(Optional.of(429), error.httpStatus());
        assertEquals(Optional.of(ErrorCode.LIMIT_EXCEEDED), error.errorCode());
        assertEquals(Optional.of(Duration.ofMillis(60)), error.retryAfter());
        assertInstanceOf(MatrixApiException.class, error.getCause());
        assertTrue(error.getMessage().contains("rate limiting"), error.getMessage());
        assertEquals(new SendState.Pending(), second.state());
        assertEquals(List.of(first.transactionId(), second.transactionId()),
                room.localEchoes().stream().map(LocalEcho::transactionId).toList(), "nothing left the queue");
        assertInstanceOf(SendState.Failed.class, room.localEchoes().get(0).state());
        assertEquals(ROUNDS, server.requestCount());

        assertTrue(first.retry());
        assertEquals(EventId.of("$e1"), await(first));
        assertEquals(EventId.of("$e2"), await(second));
        for (int i = 0; i <= ROUNDS; i++) {
            assertEquals(first.transactionId(), txn(server.take()));
        }
        assertEquals(second.transactionId(), txn(server.take()), "the later event went after the first");
    }

    @Test
    void lastingServerErrorsFailAndCancellingLetsTheNextGo() {
        // Each round is the transport's first attempt and its 3 retries.
        for (int i = 0; i < ROUNDS * 4; i++) {
            server.error(503, "M_UNKNOWN", "Service unavailable");
        }
        eventId(server, "$e2");

        SendHandle first = room.sendText("one");
        SendHandle second = room.sendText("two");
        SendFailedException error = failedWith(first);
        assertEquals(Reason.SERVER_ERROR, error.reason());
        assertEquals(Optional.of(503), error.httpStatus());
        assertEquals(new SendState.Pending(), second.state());

        assertTrue(first.cancel());
        assertEquals(EventId.of("$e2"), await(second));
        assertEquals(new SendState.Cancelled(), first.state());
        assertEquals(ROUNDS * 4 + 1, server.requestCount());
    }

    @Test
    void anEventTooLargeIsEditedSmallerAndRetried() throws Exception {
        server.error(413, "M_TOO_LARGE", "event too large");
        eventId(server, "$small");

        SendHandle big = room.sendText("x".repeat(70_000));
        SendFailedException error = failedWith(big);
        assertEquals(Reason.TOO_LARGE, error.reason());
        assertEquals(Optional.of(ErrorCode.TOO_LARGE), error.errorCode());

        assertEquals(big, big.edit("small now").get(5, TimeUnit.SECONDS), "a failed event is edited in place");
        assertInstanceOf(SendState.Failed.class, big.state(), "an edit alone does not retry");
        assertTrue(big.retry());
        assertEquals(EventId.of("$small"), await(big));
        server.take();
        RecordedRequest retried = server.take();
        assertEquals(big.transactionId(), txn(retried));
        assertEquals(Optional.of("small now"), body(retried).string("body"));
    }

    @Test
    void aForbiddenSendFailsAtOnceAndItsReasonSurvivesARestart() {
        server.error(403, "M_FORBIDDEN", "User @alice:example.org not in room");
        SendHandle first = room.sendText("one");
        SendFailedException error = failedWith(first);
        assertEquals(Reason.FORBIDDEN, error.reason());
        assertEquals(1, server.requestCount(), "a refusal is not retried");
        assertTrue(error.getMessage().contains("not joined"), error.getMessage());

        client.close();
        client = client();
        room = client.rooms().roomById(ROOM);
        QueuedSend stored = store.queuedSends(ROOM).get(0);
        assertEquals(Reason.FORBIDDEN, stored.failure().orElseThrow().reason());
        SendHandle again = room.queuedSend(first.transactionId()).orElseThrow();
        SendFailedException restored = ((SendState.Failed) again.state()).error();
        assertEquals(Reason.FORBIDDEN, restored.reason());
        assertEquals(Optional.of(403), restored.httpStatus());
        assertEquals(Optional.of(ErrorCode.FORBIDDEN), restored.errorCode());
        assertEquals(null, restored.getCause(), "the exception itself is of the first process");
        assertFalse(again.sent().isDone());

        eventId(server, "$e1");
        assertTrue(again.retry());
        assertEquals(EventId.of("$e1"), await(again));
    }

    @Test
    void aNetworkFailureThroughEveryRoundFailsNetwork() {
        server.close(); // nothing listens: every attempt fails to connect
        SendHandle first = room.sendText("one");
        SendFailedException error = failedWith(first);
        assertEquals(Reason.NETWORK, error.reason());
        assertEquals(Optional.empty(), error.httpStatus());
        assertEquals(1, store.queuedSends(ROOM).size());
    }
}
