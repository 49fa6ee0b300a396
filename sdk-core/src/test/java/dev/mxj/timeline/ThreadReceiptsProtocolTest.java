package dev.mxj.timeline;

import dev.mxj.MatrixClient;
import dev.mxj.id.EventId;
import dev.mxj.id.UserId;
import dev.mxj.room.Receipt;
import dev.mxj.room.ReceiptType;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.mxj.testing.SyncBuilders.obj;
import static dev.mxj.timeline.TimelineJson.BOB;
import static dev.mxj.timeline.TimelineJson.ROOM;
import static dev.mxj.timeline.TimelineJson.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Threaded read receipts from a server that keeps {@code thread_id} (Dendrite drops it), in the
 * shapes of the spec's receipts module: {@code main}, a thread root's ID, or none (unthreaded).
 * Room: A (a thread root), B, C (in A), D, E (in A), F (in A), G; the own user is ALICE.
 */
class ThreadReceiptsProtocolTest {
    private static final String CAROL = "@carol:example.org";
    private static final String ALICE = MockHomeserver.USER.value();

    private static Map<String, Object> event(String name, long ts, boolean inThreadA) {
        Map<String, Object> content = inThreadA
                ? obj("msgtype", "m.text", "body", name, "m.relates_to", obj("rel_type", "m.thread", "event_id", "$A"))
                : obj("msgtype", "m.text", "body", name);
        return obj("type", "m.room.message", "event_id", "$" + name, "sender", BOB, "origin_server_ts", ts,
                "room_id", ROOM.value(), "content", content);
    }

    private static Map<String, Object> read(String user, String threadId) {
        return obj(user, threadId == null ? obj("ts", 1) : obj("ts", 1, "thread_id", threadId));
    }

    private static String sync(String nextBatch, List<Map<String, Object>> events, Map<String, Object> receipts) {
        Map<String, Object> joined = obj("timeline", obj("events", events, "limited", false, "prev_batch", "p0"),
                "ephemeral", obj("events", List.of(obj("type", "m.receipt", "content", receipts))));
        return write(obj("next_batch", nextBatch, "rooms", obj("join", obj(ROOM.value(), joined))));
    }

    private static List<UserId> readers(List<TimelineItem> items, String name) {
        return items.stream().filter(TimelineItem.Event.class::isInstance).map(TimelineItem.Event.class::cast)
                .filter(e -> e.eventId().equals(Optional.of(EventId.of("$" + name)))).findFirst().orElseThrow()
                .aggregations().readReceipts().stream().map(Receipt::userId).toList();
    }

    private static ThreadInfo threadA(Timeline timeline) {
        return timeline.items().stream().filter(TimelineItem.Event.class::isInstance).map(TimelineItem.Event.class::cast)
                .filter(e -> e.eventId().equals(Optional.of(EventId.of("$A")))).findFirst().orElseThrow()
                .aggregations().thread().orElseThrow();
    }

    @Test
    void threadedReceiptsSitInTheirThreadCountUnreadRepliesAndAreSentWithTheirThreadId() throws Exception {
        try (MockHomeserver mock = MockHomeserver.start()) {
            MemoryStateStore store = new MemoryStateStore();
            store.saveSession(mock.session());
            List<Map<String, Object>> events = List.of(event("A", 1, false), event("B", 2, false), event("C", 3, true),
                    event("D", 4, false), event("E", 5, true), event("F", 6, true), event("G", 7, false));
            Map<String, Object> receipts = obj(
                    "$E", obj("m.read", obj(ALICE, obj("ts", 1, "thread_id", "$A"), CAROL, obj("ts", 2, "thread_id", "$A"))),
                    "$D", obj("m.read", read(ALICE, "main")),
                    "$C", obj("m.read", read(BOB, null)),
                    "$B", obj("m.read", read(CAROL, "main")));
            mock.ok("{\"filter_id\":\"1\"}").ok(sync("s1", events, receipts));
            try (MatrixClient client = mock.builder().stateStore(store).build()) {
                client.sync().syncOnce().get(5, TimeUnit.SECONDS);
                mock.take();
                mock.take();
                try (Timeline main = client.rooms().roomById(ROOM).timeline();
                     ThreadTimeline thread = main.thread(EventId.of("$A"))) {
                    assertEquals(List.of("$A", "$B", "$D", "$G"), TimelineProtocolTest.ids(main.items()));
                    assertEquals(List.of("$A", "$C", "$E", "$F"), TimelineProtocolTest.ids(thread.items()),
                            "complete from the store: no request");
                    assertEquals(3, threadA(main).replies());
                    assertEquals(1, threadA(main).unread(), "ALICE read thread A up to E: F is unread");

                    UserId carol = UserId.of(CAROL);
                    UserId bob = UserId.of(BOB);
                    assertEquals(List.of(bob, carol), readers(main.items(), "B"), "CAROL's main receipt; BOB's"
                            + " unthreaded one names C, hidden here, so it sits on B (same ts: by user ID)");
                    assertEquals(List.of(carol, UserId.of(ALICE)), readers(thread.items(), "E"),
                            "the receipts of thread A, newest first");
                    assertEquals(List.of(UserId.of(ALICE)), readers(main.items(), "D"), "ALICE's main receipt");
                    assertEquals(List.of(bob), readers(thread.items(), "C"));
                    assertEquals(List.of(), readers(main.items(), "G"));

                    mock.ok("{}");
                    assertEquals(Optional.of(EventId.of("$F")), thread.markAsRead(ReceiptType.READ).get(5, TimeUnit.SECONDS));
                    RecordedRequest request = mock.take();
                    assertEquals("POST", request.getMethod());
                    assertEquals(List.of("_matrix", "client", "v3", "rooms", ROOM.value(), "receipt", "m.read", "$F"),
                            request.getUrl().pathSegments());
                    assertEquals("{\"thread_id\":\"$A\"}", request.getBody().utf8());

                    mock.ok("{}");
                    assertEquals(Optional.of(EventId.of("$G")), main.markAsRead(ReceiptType.READ).get(5, TimeUnit.SECONDS));
                    assertEquals("{\"thread_id\":\"main\"}", mock.take().getBody().utf8());

                    mock.ok(sync("s2", List.of(), obj("$F", obj("m.read", read(ALICE, "$A")))));
                    client.sync().syncOnce().get(5, TimeUnit.SECONDS);
                    mock.take();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while (threadA(main).unread() != 0 && System.nanoTime() < deadline) {
                        Thread.sleep(10);
                    }
                    assertEquals(0, threadA(main).unread(), "the threaded receipt from sync read the thread");
                }
            }
        }
    }
}
