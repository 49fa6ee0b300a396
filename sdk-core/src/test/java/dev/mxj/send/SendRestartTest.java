package dev.mxj.send;

import dev.mxj.MatrixClient;
import dev.mxj.id.EventId;
import dev.mxj.store.QueuedSend;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.mxj.send.SendSupport.ROOM;
import static dev.mxj.send.SendSupport.eventId;
import static dev.mxj.send.SendSupport.eventually;
import static dev.mxj.send.SendSupport.line;
import static dev.mxj.send.SendSupport.slowEventId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue lives in the store: a client closed mid-send leaves the event for the next one, which looks
 * it up on the server first and sends it again, with the same transaction ID, only if the server lacks it.
 */
class SendRestartTest extends StoredQueueFixture {
    /** A sync of the room without the event: the server does not have it. */
    static final String SYNC_WITHOUT_IT = "{\"next_batch\":\"s1\",\"rooms\":{}}";

    @Test
    void aClientClosedMidSendLeavesTheEventToTheNextRun() {
        slowEventId(server, "$late", Duration.ofSeconds(2));
        server.ok(SYNC_WITHOUT_IT); // the next run first looks the event up
        eventId(server, "$e1");
        String txn;
        String firstPath;
        try (MatrixClient first = client()) {
            txn = first.rooms().roomById(ROOM).sendText("survives").transactionId();
            firstPath = line(server.take());
        }
        assertEquals(QueuedSend.Status.PENDING, store.queuedSends(ROOM).get(0).status());

        try (MatrixClient second = client()) {
            eventually("the next run sent it", () -> store.queuedSends(ROOM).stream()
                    .anyMatch(e -> e.status() == QueuedSend.Status.SENT));
            RecordedRequest lookup = server.take();
            assertEquals("GET /_matrix/client/v3/sync", line(lookup));
            assertEquals("0", lookup.getUrl().queryParameter("timeout"));
            assertTrue(lookup.getUrl().queryParameter("filter").contains(ROOM.value()));
            assertEquals(firstPath, line(server.take()), "same transaction ID");
            SendHandle handle = second.rooms().roomById(ROOM).queuedSend(txn).orElseThrow();
            assertEquals(EventId.of("$e1"), handle.sent().join());
            assertEquals(List.of(txn), second.rooms().roomById(ROOM).localEchoes().stream()
                    .map(LocalEcho::transactionId).toList());
        }
    }

    @Test
    void anEventTheServerTookBeforeTheClientDiedIsNotSentAgain() {
        slowEventId(server, "$late", Duration.ofSeconds(2)); // the server stored it; the answer never arrived
        String txn;
        try (MatrixClient first = client()) {
            txn = first.rooms().roomById(ROOM).sendText("once").transactionId();
            server.take();
        }
        server.ok("{\"next_batch\":\"s1\",\"rooms\":{\"join\":{\"" + ROOM.value() + "\":{\"timeline\":{"
                + "\"events\":[{\"type\":\"m.room.message\",\"event_id\":\"$stored\",\"sender\":\"@alice:example.org\","
                + "\"origin_server_ts\":1,\"content\":{\"msgtype\":\"m.text\",\"body\":\"once\"},"
                + "\"unsigned\":{\"transaction_id\":\"" + txn + "\"}}]}}}}}");

        try (MatrixClient second = client()) {
            SendHandle handle = second.rooms().roomById(ROOM).queuedSend(txn).orElseThrow();
            assertEquals(EventId.of("$stored"), handle.sent().orTimeout(5, TimeUnit.SECONDS).join());
            assertEquals("GET /_matrix/client/v3/sync", line(server.take()));
            assertEquals(2, server.requestCount(), "the PUT of the first run and the lookup: no second PUT");
        }
    }
}
