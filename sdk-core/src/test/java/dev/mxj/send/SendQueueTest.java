package dev.mxj.send;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixClient;
import dev.mxj.id.EventId;
import dev.mxj.json.RawJson;
import dev.mxj.room.Room;
import dev.mxj.testing.MockHomeserver;
import dev.mxj.timeline.Timeline;
import dev.mxj.timeline.TimelineItem;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.mxj.send.SendSupport.ROOM;
import static dev.mxj.send.SendSupport.ROOM_PATH;
import static dev.mxj.send.SendSupport.assertJson;
import static dev.mxj.send.SendSupport.body;
import static dev.mxj.send.SendSupport.eventId;
import static dev.mxj.send.SendSupport.eventually;
import static dev.mxj.send.SendSupport.line;
import static dev.mxj.send.SendSupport.slowEventId;
import static dev.mxj.send.SendSupport.txn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The send queue against the spec's request shapes: transaction IDs, order, retries, failure, cancel. */
class SendQueueTest {
    private final MockHomeserver server = MockHomeserver.start();
    private final MatrixClient client = server.loggedInClient();
    private final Room room = client.rooms().roomById(ROOM);

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private static EventId await(SendHandle handle) {
        return handle.sent().orTimeout(5, TimeUnit.SECONDS).join();
    }

    @Test
    void aTextMessageIsPutWithItsTransactionId() {
        eventId(server, "$e1");
        List<LocalEcho> seen = new CopyOnWriteArrayList<>();
        room.onSendStateChanged(seen::add);

        SendHandle handle = room.sendText("hello");
        assertEquals(EventId.of("$e1"), await(handle));

        RecordedRequest request = server.take();
        assertEquals("PUT " + ROOM_PATH + "/send/m.room.message/" + handle.transactionId(), line(request));
        assertJson("{\"msgtype\":\"m.text\",\"body\":\"hello\",\"m.mentions\":{}}", body(request));
        assertEquals(new SendState.Sent(EventId.of("$e1")), handle.state());
        eventually("listeners saw pending then sent", () -> seen.size() == 2);
        assertEquals(new SendState.Pending(), seen.get(0).state());
        assertEquals(new SendState.Sent(EventId.of("$e1")), seen.get(1).state());
        assertEquals(handle.transactionId(), seen.get(0).transactionId());
    }

    @Test
    void aRetryReusesTheTransactionId() {
        server.error(500, "M_UNKNOWN", "try again");
        server.error(429, "M_LIMIT_EXCEEDED", "slow down");
        eventId(server, "$e1");

        SendHandle handle = room.sendNotice("**hi**");
        assertEquals(EventId.of("$e1"), await(handle));

        String path = ROOM_PATH + "/send/m.room.message/" + handle.transactionId();
        for (int i = 0; i < 3; i++) {
            RecordedRequest request = server.take();
            assertEquals("PUT " + path, line(request));
            assertEquals("<strong>hi</strong>", body(request).string("formatted_body").orElseThrow());
        }
    }

    @Test
    void whenTheTransportGivesUpTheQueueWaitsAndTriesAgain() {
        for (int i = 0; i < 4; i++) {
            server.error(503, "M_UNKNOWN", "down for maintenance"); // the first attempt and 3 transport retries
        }
        eventId(server, "$e1");

        SendHandle handle = room.sendText("patience");
        assertEquals(EventId.of("$e1"), await(handle));
        String path = line(server.take());
        for (int i = 0; i < 4; i++) {
            assertEquals(path, line(server.take()), "every attempt has the same transaction ID");
        }
    }

    @Test
    void oneEventIsInFlightPerRoomAndOrderIsKept() throws Exception {
        slowEventId(server, "$e1", Duration.ofMillis(400));
        eventId(server, "$e2");
        eventId(server, "$e3");

        SendHandle first = room.sendText("one");
        SendHandle second = room.sendEmote("two");
        SendHandle third = room.sendEvent("org.example.custom", RawJson.ofTree(Map.of("n", 3)));
        Thread.sleep(200);
        assertEquals(1, server.requestCount(), "the second waits for the first");

        assertEquals(EventId.of("$e3"), await(third));
        assertEquals(EventId.of("$e1"), first.state() instanceof SendState.Sent s ? s.eventId() : null);
        assertEquals(List.of("one", "two"), List.of(body(server.take()).string("body").orElseThrow(),
                body(server.take()).string("body").orElseThrow()));
        RecordedRequest custom = server.take();
        assertEquals("PUT " + ROOM_PATH + "/send/org.example.custom/" + third.transactionId(), line(custom));
        assertJson("{\"n\":3}", body(custom));
        assertNotEquals(first.transactionId(), second.transactionId());
    }

    @Test
    void aFailureHoldsTheRoomUntilRetried() {
        server.error(403, "M_FORBIDDEN", "You may not send here");
        eventId(server, "$e1");
        eventId(server, "$e2");

        SendHandle first = room.sendText("one");
        SendHandle second = room.sendText("two");
        eventually("the first failed", () -> first.state() instanceof SendState.Failed);
        SendFailedException error = ((SendState.Failed) first.state()).error();
        assertEquals(Optional.of(ErrorCode.of("M_FORBIDDEN")), error.errorCode());
        assertEquals(new SendState.Pending(), second.state());
        assertFalse(first.sent().isDone());
        assertEquals(1, server.requestCount());
        assertInstanceOf(SendState.Failed.class, room.localEchoes().get(0).state());

        assertTrue(first.retry());
        assertEquals(EventId.of("$e1"), await(first));
        assertEquals(EventId.of("$e2"), await(second));
        String failedPath = line(server.take());
        assertEquals(failedPath, line(server.take()), "the retry used the same transaction ID");
        assertEquals(second.transactionId(), txn(server.take()));
    }

    @Test
    void cancellingAFailedEventLetsTheNextGo() {
        server.error(413, "M_TOO_LARGE", "too big");
        eventId(server, "$e2");

        SendHandle first = room.sendText("big");
        SendHandle second = room.sendText("small");
        eventually("the first failed", () -> first.state() instanceof SendState.Failed);
        assertTrue(first.cancel());
        assertFalse(first.retry());
        assertEquals(EventId.of("$e2"), await(second));
        assertEquals(new SendState.Cancelled(), first.state());
        CompletionException e = assertThrows(CompletionException.class, () -> first.sent().join());
        assertInstanceOf(CancellationException.class, e.getCause());
        server.take();
        assertEquals(second.transactionId(), txn(server.take()));
    }

    @Test
    void editingAndRedactingAWaitingEventChangesTheQueue() throws Exception {
        slowEventId(server, "$e1", Duration.ofMillis(300));
        eventId(server, "$e2");

        SendHandle first = room.sendText("one");
        SendHandle second = room.sendText("tow");
        SendHandle third = room.sendText("oops");
        eventually("the first is in flight", () -> server.requestCount() == 1);
        assertFalse(first.cancel(), "an event in flight cannot be cancelled");

        assertEquals(second, second.edit("two").get(5, TimeUnit.SECONDS));
        assertEquals(Optional.empty(), third.redact(Optional.empty()).get(5, TimeUnit.SECONDS));
        assertEquals(EventId.of("$e2"), await(second));

        server.take();
        RecordedRequest edited = server.take();
        assertEquals(second.transactionId(), txn(edited));
        assertJson("{\"msgtype\":\"m.text\",\"body\":\"two\",\"m.mentions\":{}}", body(edited));
        assertEquals(new SendState.Cancelled(), third.state());
        assertEquals(2, server.requestCount());
    }

    @Test
    void editingAndRedactingASentEventQueuesRelations() throws Exception {
        eventId(server, "$e1");
        eventId(server, "$edit");
        eventId(server, "$redaction");
        SendHandle first = room.sendText("one");
        await(first);

        SendHandle edit = first.edit("uno").get(5, TimeUnit.SECONDS);
        await(edit);
        SendHandle redaction = first.redact(Optional.of("wrong room")).get(5, TimeUnit.SECONDS).orElseThrow();
        await(redaction);

        server.take();
        assertEquals("$e1", body(server.take()).object("m.relates_to").orElseThrow().string("event_id").orElseThrow());
        RecordedRequest redact = server.take();
        assertEquals("PUT " + ROOM_PATH + "/redact/$e1/" + redaction.transactionId(), line(redact));
        assertJson("{\"reason\":\"wrong room\"}", body(redact));
    }

    @Test
    void repliesReactionsAndRedactionsOfRemoteEvents() {
        eventId(server, "$r1");
        eventId(server, "$r2");
        eventId(server, "$r3");
        EventId target = EventId.of("$target");
        await(room.reply(target, "indeed"));
        SendHandle reaction = room.react(target, "👍");
        await(reaction);
        SendHandle redaction = room.redact(target, Optional.empty());
        await(redaction);

        assertEquals("$target", body(server.take()).object("m.relates_to").orElseThrow()
                .object("m.in_reply_to").orElseThrow().string("event_id").orElseThrow());
        RecordedRequest react = server.take();
        assertEquals("PUT " + ROOM_PATH + "/send/m.reaction/" + reaction.transactionId(), line(react));
        assertJson("{\"m.relates_to\":{\"rel_type\":\"m.annotation\",\"event_id\":\"$target\",\"key\":\"👍\"}}",
                body(react));
        RecordedRequest redact = server.take();
        assertEquals("PUT " + ROOM_PATH + "/redact/$target/" + redaction.transactionId(), line(redact));
        assertJson("{}", body(redact));
    }

    @Test
    void theTimelineShowsTheLocalEchoAtOnceThenItsState() {
        slowEventId(server, "$e1", Duration.ofMillis(300));
        try (Timeline timeline = room.timeline()) {
            SendHandle handle = room.sendText("hi");
            eventually("a pending local echo", () -> local(timeline, handle)
                    .filter(echo -> echo.state() instanceof SendState.Pending).isPresent());
            await(handle);
            eventually("the sent state", () -> local(timeline, handle)
                    .filter(echo -> echo.state().equals(new SendState.Sent(EventId.of("$e1")))).isPresent());
        }
    }

    private static Optional<LocalEcho> local(Timeline timeline, SendHandle handle) {
        return timeline.items().stream().filter(TimelineItem.Local.class::isInstance)
                .map(item -> ((TimelineItem.Local) item).echo())
                .filter(echo -> echo.transactionId().equals(handle.transactionId())).findFirst();
    }
}
