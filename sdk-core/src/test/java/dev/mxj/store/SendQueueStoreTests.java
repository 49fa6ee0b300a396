package dev.mxj.store;

import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import dev.mxj.store.QueuedSend.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Part of {@link StateStoreContract}: the persistent send queue keeps events per room in order,
 * with their transaction IDs, through sent, failed, retried, edited and removed.
 */
public interface SendQueueStoreTests {
    RoomId ROOM_A = RoomId.of("!a:example.org");
    RoomId ROOM_B = RoomId.of("!b:example.org");

    /** A new, empty store that the suite closes after the test. */
    StateStore stateStore() throws Exception;

    private static RawJson text(String body) {
        return RawJson.ofTree(Map.of("msgtype", "m.text", "body", body));
    }

    private static List<String> txns(List<QueuedSend> sends) {
        return sends.stream().map(QueuedSend::transactionId).toList();
    }

    @Test
    default void queuedEventsComeBackPerRoomInOrder() throws Exception {
        StateStore store = stateStore();
        assertEquals(List.of(), store.queuedSends(ROOM_A));
        assertEquals(List.of(), store.roomsWithQueuedSends());
        QueuedSend first = store.enqueueSend(ROOM_A, "t1", "m.room.message", text("one"), Optional.empty(), 1000);
        store.enqueueSend(ROOM_B, "t2", "m.reaction", text("two"), Optional.empty(), 1001);
        QueuedSend third = store.enqueueSend(ROOM_A, "t3", "m.room.redaction", RawJson.emptyObject(),
                Optional.of(EventId.of("$target")), 1002);

        assertTrue(third.order() > first.order());
        assertEquals(List.of("t1", "t3"), txns(store.queuedSends(ROOM_A)));
        assertEquals(List.of("t2"), txns(store.queuedSends(ROOM_B)));
        assertEquals(Set.of(ROOM_A, ROOM_B), Set.copyOf(store.roomsWithQueuedSends()));
        QueuedSend read = store.queuedSends(ROOM_A).get(0);
        assertEquals(first, read);
        assertEquals(new QueuedSend(ROOM_A, "t1", first.order(), "m.room.message", text("one"), Optional.empty(),
                Status.PENDING, Optional.empty(), Optional.empty(), 1000), read);
        assertEquals(Optional.of(EventId.of("$target")), store.queuedSends(ROOM_A).get(1).redacts());
    }

    @Test
    default void aTransactionIdIsQueuedOnce() throws Exception {
        StateStore store = stateStore();
        store.enqueueSend(ROOM_A, "t1", "m.room.message", text("one"), Optional.empty(), 1);
        assertThrows(IllegalArgumentException.class,
                () -> store.enqueueSend(ROOM_B, "t1", "m.room.message", text("two"), Optional.empty(), 2));
        assertEquals(List.of("t1"), txns(store.queuedSends(ROOM_A)));
        assertEquals(List.of(), store.queuedSends(ROOM_B));
    }

    @Test
    default void sentFailedRetriedAndRemoved() throws Exception {
        StateStore store = stateStore();
        store.enqueueSend(ROOM_A, "t1", "m.room.message", text("one"), Optional.empty(), 1);
        store.enqueueSend(ROOM_A, "t2", "m.room.message", text("two"), Optional.empty(), 2);

        assertTrue(store.markSendFailed(ROOM_A, "t1", "M_FORBIDDEN: no"));
        QueuedSend failed = store.queuedSends(ROOM_A).get(0);
        assertEquals(Status.FAILED, failed.status());
        assertEquals(Optional.of("M_FORBIDDEN: no"), failed.failure());

        assertTrue(store.markSendPending(ROOM_A, "t1"));
        assertFalse(store.markSendPending(ROOM_A, "t1"), "only a failed event is retried");
        QueuedSend retried = store.queuedSends(ROOM_A).get(0);
        assertEquals(Status.PENDING, retried.status());
        assertEquals(Optional.empty(), retried.failure());
        assertEquals(failed.order(), retried.order(), "a retry keeps the place in the queue");

        assertTrue(store.markSendSent(ROOM_A, "t1", EventId.of("$sent")));
        assertEquals(Optional.of(EventId.of("$sent")), store.queuedSends(ROOM_A).get(0).eventId());
        assertEquals(Status.SENT, store.queuedSends(ROOM_A).get(0).status());

        assertTrue(store.removeSend(ROOM_A, "t1"));
        assertFalse(store.removeSend(ROOM_A, "t1"));
        assertFalse(store.removeSend(ROOM_B, "t2"), "the transaction is in another room");
        assertEquals(List.of("t2"), txns(store.queuedSends(ROOM_A)));
        assertTrue(store.removeSend(ROOM_A, "t2"));
        assertEquals(List.of(), store.roomsWithQueuedSends());
    }

    @Test
    default void onlyAWaitingEventHasItsContentReplaced() throws Exception {
        StateStore store = stateStore();
        store.enqueueSend(ROOM_A, "t1", "m.room.message", text("one"), Optional.empty(), 1);
        assertTrue(store.replaceQueuedContent(ROOM_A, "t1", text("edited")));
        assertEquals(text("edited"), store.queuedSends(ROOM_A).get(0).content());

        store.markSendSent(ROOM_A, "t1", EventId.of("$sent"));
        assertFalse(store.replaceQueuedContent(ROOM_A, "t1", text("too late")));
        assertFalse(store.replaceQueuedContent(ROOM_A, "missing", text("x")));
        assertFalse(store.markSendSent(ROOM_A, "missing", EventId.of("$x")));
        assertFalse(store.markSendFailed(ROOM_A, "missing", "x"));
        assertEquals(text("edited"), store.queuedSends(ROOM_A).get(0).content());
    }
}
