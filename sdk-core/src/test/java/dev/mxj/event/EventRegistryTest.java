package dev.mxj.event;

import dev.mxj.json.RawJson;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mxj.event.SpecExamples.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Application-registered types, and envelopes too broken to be room events. */
class EventRegistryTest {
    record Poll(String question) {
    }

    private static final EventRegistry POLLS = EventRegistry.defaults().with("org.example.poll",
            c -> new Poll(c.string("question").orElseThrow(() -> new IllegalArgumentException("no question"))));

    @Test
    void aRegisteredTypeParsesToCustomContent() {
        CustomContent content = assertInstanceOf(CustomContent.class,
                POLLS.parseContent("org.example.poll", json("{'question': 'Lunch?'}")));
        assertEquals(Optional.of(new Poll("Lunch?")), content.as(Poll.class));
        assertEquals(Optional.empty(), content.as(String.class));
        assertEquals(json("{'question': 'Lunch?'}"), content.content());
    }

    @Test
    void aRegisteredParserThatThrowsGivesFailedToParse() {
        FailedToParse failed = assertInstanceOf(FailedToParse.class, POLLS.parseContent("org.example.poll", json("{}")));
        assertEquals("no question", failed.error());
        FailedToParse nullResult = assertInstanceOf(FailedToParse.class,
                EventRegistry.defaults().with("x.null", c -> null).parseContent("x.null", json("{}")));
        assertTrue(nullResult.error().contains("null"));
    }

    @Test
    void registeringIsACopyAndTakesPrecedenceOverMxjsModel() {
        assertInstanceOf(UnknownContent.class, EventRegistry.defaults().parseContent("org.example.poll", json("{}")));
        EventRegistry names = EventRegistry.defaults().with(RoomNameContent.TYPE, c -> "custom");
        CustomContent custom = assertInstanceOf(CustomContent.class, names.parseContent("m.room.name", json("{'name': 'n'}")));
        assertEquals("custom", custom.value());
        assertInstanceOf(RoomNameContent.class, POLLS.parseContent("m.room.name", json("{'name': 'n'}")));
        assertThrows(NullPointerException.class, () -> EventRegistry.defaults().with("x", null));
    }

    @Test
    void registeredTypesParseInsideEnvelopes() {
        RoomEvent event = (RoomEvent) POLLS.parseRoomEvent(json("{'type': 'org.example.poll', 'event_id': '$p', "
                + "'sender': '@a:x.org', 'origin_server_ts': 1, 'content': {'question': 'Tea?'}}"));
        assertEquals(Optional.of(new Poll("Tea?")), ((CustomContent) event.content()).as(Poll.class));
    }

    @Test
    void malformedEnvelopesBecomeMalformedEvents() {
        assertMalformed("[1, 2]", "not a JSON object");
        assertMalformed("'just a string'", "not a JSON object");
        assertMalformed("{'event_id': '$e', 'sender': '@a:x.org'}", "no \"type\" string");
        assertMalformed("{'type': 5, 'event_id': '$e', 'sender': '@a:x.org'}", "no \"type\" string");
        assertMalformed("{'type': 'm.room.message', 'sender': '@a:x.org'}", "no \"event_id\" string");
        assertMalformed("{'type': 'm.room.message', 'event_id': '$e'}", "no \"sender\" string");
        assertMalformed("{'type': 'm.room.message', 'event_id': 'e', 'sender': '@a:x.org'}", "Not a Matrix event ID");
        assertMalformed("{'type': 'm.room.message', 'event_id': '$e', 'sender': 'alice'}", "Not a Matrix user ID");
        assertMalformed("{'type': 'm.room.name', 'event_id': '$e', 'sender': '@a:x.org', 'state_key': 5}",
                "\"state_key\" is not a string");
    }

    @Test
    void badContentInAGoodEnvelopeIsARoomEventWithFailedToParse() {
        RawJson raw = json("{'type': 'm.room.member', 'event_id': '$e', 'sender': '@a:x.org', 'state_key': "
                + "'@a:x.org', 'content': {'membership': 7}}");
        RoomEvent event = assertInstanceOf(RoomEvent.class, EventRegistry.defaults().parseRoomEvent(raw));
        FailedToParse failed = assertInstanceOf(FailedToParse.class, event.content());
        assertEquals("\"membership\" is not a string", failed.error());
        assertSame(raw, event.raw());
    }

    @Test
    void contentIsParsedOnceWhenFirstAskedForAndEqualsAnEagerParse() {
        AtomicInteger calls = new AtomicInteger();
        EventRegistry counting = EventRegistry.defaults().with("org.example.poll", c -> {
            calls.incrementAndGet();
            return new Poll(c.string("question").orElseThrow());
        });
        RawJson raw = json("{'type': 'org.example.poll', 'event_id': '$p', 'sender': '@a:x.org', "
                + "'origin_server_ts': 1, 'content': {'question': 'Tea?'}}");
        RoomEvent event = (RoomEvent) counting.parseRoomEvent(raw);
        assertEquals(0, calls.get(), "parsing the envelope must not parse the content");
        EventContent first = event.content();
        assertSame(first, event.content());
        assertEquals(1, calls.get());
        RoomEvent eager = new RoomEvent(event.eventId(), event.type(), event.sender(), event.originServerTs(),
                event.stateKey(), counting.parseContent("org.example.poll", raw.object("content").orElseThrow()), raw);
        assertEquals(eager, event);
        assertEquals(eager.hashCode(), event.hashCode());
        assertEquals(eager.toString(), event.toString());
        RoomEvent lazyFailure = (RoomEvent) POLLS.parseRoomEvent(json("{'type': 'org.example.poll', 'event_id': '$q', "
                + "'sender': '@a:x.org', 'content': 'not an object'}"));
        assertEquals("no question", assertInstanceOf(FailedToParse.class, lazyFailure.content()).error());
    }

    private static void assertMalformed(String event, String error) {
        RawJson raw = json(event);
        MalformedEvent malformed = assertInstanceOf(MalformedEvent.class, EventRegistry.defaults().parseRoomEvent(raw));
        assertTrue(malformed.error().startsWith(error), () -> event + " -> " + malformed.error());
        assertEquals(raw, malformed.raw());
    }
}
