package dev.mxj.send;

import dev.mxj.MatrixClient;
import dev.mxj.id.EventId;
import dev.mxj.json.RawJson;
import dev.mxj.room.Room;
import dev.mxj.store.QueuedSend;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static dev.mxj.send.SendSupport.ROOM;
import static dev.mxj.send.SendSupport.ROOM_PATH;
import static dev.mxj.send.SendSupport.body;
import static dev.mxj.send.SendSupport.eventId;
import static dev.mxj.send.SendSupport.eventually;
import static dev.mxj.send.SendSupport.line;
import static dev.mxj.send.SendSupport.slowEventId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Editing and redacting an event while it is in flight: the edit or redaction is stored waiting for
 * the event's ID, sent after it with that ID, dropped with it if it is cancelled, and kept across a
 * restart.
 */
class SendDependentsTest extends StoredQueueFixture {
    private static EventId await(SendHandle handle) {
        return handle.sent().orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Sends {@code text} as the first event and waits until its PUT has left (its answer is slow). */
    private SendHandle sendInFlight(Room room, String text) {
        SendHandle handle = room.sendText(text);
        eventually("the event is in flight", () -> server.requestCount() == 1);
        return handle;
    }

    @Test
    void anEditOfAnEventInFlightIsSentAfterItWithItsId() throws Exception {
        slowEventId(server, "$e1", Duration.ofMillis(400));
        eventId(server, "$edit");
        try (MatrixClient client = client()) {
            Room room = client.rooms().roomById(ROOM);
            SendHandle first = sendInFlight(room, "one");

            SendHandle edit = first.edit("**uno**").get(5, TimeUnit.SECONDS);
            assertNotEquals(first, edit, "an event in flight cannot change: an edit follows it");
            LocalEcho echo = room.localEchoes().get(1);
            assertEquals(edit.transactionId(), echo.transactionId());
            assertEquals(Optional.of(first.transactionId()), echo.dependsOn());
            assertEquals(Optional.empty(), echo.content().object("m.relates_to").orElseThrow().string("event_id"));

            assertEquals(EventId.of("$edit"), await(edit));
            assertEquals(EventId.of("$e1"), await(first));
            assertEquals(Optional.of("one"), body(server.take()).string("body"));
            RawJson sent = body(server.take());
            RawJson relation = sent.object("m.relates_to").orElseThrow();
            assertEquals(Optional.of("m.replace"), relation.string("rel_type"));
            assertEquals(Optional.of("$e1"), relation.string("event_id"));
            assertEquals(Optional.of("* **uno**"), sent.string("body"));
            assertEquals(Optional.of("<strong>uno</strong>"), sent.object("m.new_content").orElseThrow()
                    .string("formatted_body"));
        }
    }

    @Test
    void aRedactionOfAnEventInFlightIsSentAfterIt() throws Exception {
        slowEventId(server, "$e1", Duration.ofMillis(400));
        eventId(server, "$redaction");
        try (MatrixClient client = client()) {
            Room room = client.rooms().roomById(ROOM);
            SendHandle first = sendInFlight(room, "oops");
            assertTrue(!first.cancel(), "an event in flight cannot be cancelled");

            SendHandle redaction = first.redact(Optional.of("wrong room")).get(5, TimeUnit.SECONDS).orElseThrow();
            assertEquals(EventId.of("$redaction"), await(redaction));
            server.take();
            RecordedRequest redact = server.take();
            assertEquals("PUT " + ROOM_PATH + "/redact/$e1/" + redaction.transactionId(), line(redact));
            assertEquals(Optional.of("wrong room"), body(redact).string("reason"));
        }
    }

    @Test
    void cancellingAFailedEventDropsTheEditWaitingForIt() throws Exception {
        server.enqueue(new MockResponse.Builder().code(403).setHeader("Content-Type", "application/json")
                .body("{\"errcode\":\"M_FORBIDDEN\",\"error\":\"not in room\"}")
                .headersDelay(400, TimeUnit.MILLISECONDS).build());
        try (MatrixClient client = client()) {
            Room room = client.rooms().roomById(ROOM);
            SendHandle first = sendInFlight(room, "one");
            SendHandle edit = first.edit("uno").get(5, TimeUnit.SECONDS);
            eventually("the event failed", () -> first.state() instanceof SendState.Failed);
            assertEquals(new SendState.Pending(), edit.state(), "the edit waits behind the failed event");

            assertTrue(first.cancel());
            assertEquals(List.of(), store.queuedSends(ROOM));
            assertEquals(new SendState.Cancelled(), edit.state());
            CompletionException e = assertThrows(CompletionException.class, () -> edit.sent().join());
            assertInstanceOf(CancellationException.class, e.getCause());
            assertEquals(List.of(), room.localEchoes());
            CompletionException late = assertThrows(CompletionException.class,
                    () -> first.edit("too late").orTimeout(5, TimeUnit.SECONDS).join());
            assertInstanceOf(IllegalStateException.class, late.getCause());
            assertEquals(1, server.requestCount());
        }
    }

    @Test
    void anEditAndARedactionWaitingForAnEventInFlightSurviveARestart() throws Exception {
        slowEventId(server, "$late", Duration.ofSeconds(2)); // the first run never reads it
        server.ok(SendRestartTest.SYNC_WITHOUT_IT); // the next run looks the event up first
        eventId(server, "$e1");
        eventId(server, "$edit");
        eventId(server, "$redaction");
        String parent;
        try (MatrixClient first = client()) {
            Room room = first.rooms().roomById(ROOM);
            SendHandle handle = sendInFlight(room, "one");
            parent = handle.transactionId();
            handle.edit("uno").get(5, TimeUnit.SECONDS);
            handle.redact(Optional.empty()).get(5, TimeUnit.SECONDS).orElseThrow();
        }
        List<QueuedSend> left = store.queuedSends(ROOM);
        assertEquals(3, left.size());
        assertEquals(Optional.of(parent), left.get(1).dependsOn());
        assertEquals(Optional.of(parent), left.get(2).dependsOn());
        String parentPath = line(server.take());

        try (MatrixClient second = client()) {
            eventually("the next run sent all three", () -> store.queuedSends(ROOM).stream()
                    .allMatch(e -> e.status() == QueuedSend.Status.SENT));
            assertEquals("GET /_matrix/client/v3/sync", line(server.take()));
            assertEquals(parentPath, line(server.take()), "the event again, with its transaction ID");
            assertEquals(Optional.of("$e1"), body(server.take()).object("m.relates_to").orElseThrow()
                    .string("event_id"));
            assertEquals("PUT " + ROOM_PATH + "/redact/$e1/" + left.get(2).transactionId(), line(server.take()));
        }
    }
}
