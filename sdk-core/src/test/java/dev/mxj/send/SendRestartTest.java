package dev.mxj.send;

import dev.mxj.MatrixClient;
import dev.mxj.id.EventId;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.store.QueuedSend;
import dev.mxj.testing.MockHomeserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.mxj.send.SendSupport.ROOM;
import static dev.mxj.send.SendSupport.eventId;
import static dev.mxj.send.SendSupport.eventually;
import static dev.mxj.send.SendSupport.line;
import static dev.mxj.send.SendSupport.slowEventId;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The queue lives in the store: a client closed mid-send leaves the event for the next one, same transaction ID. */
class SendRestartTest {
    private final MockHomeserver server = MockHomeserver.start();
    private final MemoryStateStore store = new MemoryStateStore();

    @AfterEach
    void close() {
        server.close();
    }

    private MatrixClient client() {
        // A state store is the session store too.
        store.saveSession(server.session());
        return server.builder().stateStore(store).build();
    }

    @Test
    void aClientClosedMidSendLeavesTheEventToTheNextRun() {
        slowEventId(server, "$late", Duration.ofSeconds(2));
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
            assertEquals(firstPath, line(server.take()), "same transaction ID");
            SendHandle handle = second.rooms().roomById(ROOM).queuedSend(txn).orElseThrow();
            assertEquals(EventId.of("$e1"), handle.sent().join());
            assertEquals(List.of(txn), second.rooms().roomById(ROOM).localEchoes().stream()
                    .map(LocalEcho::transactionId).toList());
        }
    }
}
