package dev.mxj.store;

import dev.mxj.ErrorCode;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import dev.mxj.send.SendFailedException.Reason;
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

    /** A refusal as the queue stores it. */
    QueuedSend.Failure FORBIDDEN = new QueuedSend.Failure(Reason.FORBIDDEN, "M_FORBIDDEN: not in room",
            Optional.of(403), Optional.of(ErrorCode.FORBIDDEN));

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
                Optional.empty(), Status.PENDING, Optional.empty(), Optional.empty(), 1000), read);
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

        assertTrue(store.markSendFailed(ROOM_A, "t1", FORBIDDEN));
        QueuedSend failed = store.queuedSends(ROOM_A).get(0);
        assertEquals(Status.FAILED, failed.status());
        assertEquals(Optional.of(FORBIDDEN), failed.failure());

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
    default void onlyAnEventNotSentHasItsContentReplaced() throws Exception {
        StateStore store = stateStore();
        store.enqueueSend(ROOM_A, "t1", "m.room.message", text("one"), Optional.empty(), 1);
        assertTrue(store.replaceQueuedContent(ROOM_A, "t1", text("edited")));
        assertEquals(text("edited"), store.queuedSends(ROOM_A).get(0).content());
        store.markSendFailed(ROOM_A, "t1", FORBIDDEN);
        assertTrue(store.replaceQueuedContent(ROOM_A, "t1", text("edited again")), "a failed event can be fixed");

        store.markSendSent(ROOM_A, "t1", EventId.of("$sent"));
        assertFalse(store.replaceQueuedContent(ROOM_A, "t1", text("too late")));
        assertFalse(store.replaceQueuedContent(ROOM_A, "missing", text("x")));
        assertFalse(store.markSendSent(ROOM_A, "missing", EventId.of("$x")));
        assertFalse(store.markSendFailed(ROOM_A, "missing", FORBIDDEN));
        assertEquals(text("edited again"), store.queuedSends(ROOM_A).get(0).content());
    }

    @Test
    default void aFailureKeepsItsReasonStatusAndCode() throws Exception {
        StateStore store = stateStore();
        store.enqueueSend(ROOM_A, "t1", "m.room.message", text("one"), Optional.empty(), 1);
        QueuedSend.Failure network = new QueuedSend.Failure(Reason.NETWORK, "unreachable", Optional.empty(),
                Optional.empty());
        store.markSendFailed(ROOM_A, "t1", network);
        assertEquals(Optional.of(network), store.queuedSends(ROOM_A).get(0).failure());
        store.markSendPending(ROOM_A, "t1");
        store.markSendFailed(ROOM_A, "t1", FORBIDDEN);
        assertEquals(Optional.of(FORBIDDEN), store.queuedSends(ROOM_A).get(0).failure());
    }

    @Test
    default void anEditAndARedactionOfAnEventInFlightGetItsIdWhenItIsSent() throws Exception {
        StateStore store = stateStore();
        store.enqueueSend(ROOM_A, "parent", "m.room.message", text("one"), Optional.empty(), 1);
        RawJson edit = RawJson.parse("{\"body\":\"* uno\",\"m.relates_to\":{\"rel_type\":\"m.replace\"}}");
        QueuedSend waitingEdit = store.enqueueDependentSend(ROOM_A, "edit", "parent", "m.room.message", edit, 2)
                .orElseThrow();
        QueuedSend waitingRedaction = store.enqueueDependentSend(ROOM_A, "redaction", "parent", "m.room.redaction",
                RawJson.emptyObject(), 3).orElseThrow();
        assertEquals(Optional.of("parent"), waitingEdit.dependsOn());
        assertEquals(Optional.empty(), waitingRedaction.redacts());
        assertEquals(List.of(waitingEdit, waitingRedaction), store.queuedSends(ROOM_A).subList(1, 3));
        assertEquals(Optional.empty(), store.enqueueDependentSend(ROOM_B, "other", "parent", "m.room.message", edit, 4),
                "the parent is in another room");
        assertEquals(Optional.empty(), store.enqueueDependentSend(ROOM_A, "other", "missing", "m.room.message", edit, 4));

        assertTrue(store.markSendSent(ROOM_A, "parent", EventId.of("$parent")));
        List<QueuedSend> queued = store.queuedSends(ROOM_A);
        assertEquals(List.of("parent", "edit", "redaction"), txns(queued));
        assertEquals(Optional.empty(), queued.get(1).dependsOn());
        assertEquals(RawJson.parse("{\"body\":\"* uno\",\"m.relates_to\":{\"rel_type\":\"m.replace\","
                + "\"event_id\":\"$parent\"}}"), queued.get(1).content());
        assertEquals(Optional.of(EventId.of("$parent")), queued.get(2).redacts());
        assertEquals(Optional.empty(), queued.get(2).dependsOn());

        QueuedSend late = store.enqueueDependentSend(ROOM_A, "late", "parent", "m.room.redaction",
                RawJson.emptyObject(), 5).orElseThrow();
        assertEquals(Optional.of(EventId.of("$parent")), late.redacts(), "a sent parent resolves at once");
        assertEquals(late, store.queuedSends(ROOM_A).get(3));
    }

    @Test
    default void removingAnEventRemovesWhatWaitsForIt() throws Exception {
        StateStore store = stateStore();
        store.enqueueSend(ROOM_A, "parent", "m.room.message", text("one"), Optional.empty(), 1);
        store.enqueueDependentSend(ROOM_A, "edit", "parent", "m.room.message", text("* two"), 2);
        store.enqueueDependentSend(ROOM_A, "edit-of-edit", "edit", "m.room.message", text("* three"), 3);
        store.enqueueSend(ROOM_A, "other", "m.room.message", text("other"), Optional.empty(), 4);

        assertTrue(store.removeSend(ROOM_A, "parent"));
        assertEquals(List.of("other"), txns(store.queuedSends(ROOM_A)));
    }
}
