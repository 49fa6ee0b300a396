package dev.mxj.internal.sync;

import dev.mxj.InvalidResponseException;
import dev.mxj.event.EventRegistry;
import dev.mxj.event.FailedToParse;
import dev.mxj.event.MalformedEvent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.mxj.internal.sync.SyncJson.TS;
import static dev.mxj.internal.sync.SyncJson.list;
import static dev.mxj.internal.sync.SyncJson.message;
import static dev.mxj.internal.sync.SyncJson.obj;
import static dev.mxj.internal.sync.SyncJson.roomState;
import static dev.mxj.internal.sync.SyncJson.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What makes a response invalid (the skeleton), and what is skipped or kept as malformed (the rest). */
class SyncResponseParserTest {
    private static final UserId ALICE = UserId.of("@alice:example.org");
    private static final RoomId ROOM = RoomId.of("!room:example.org");
    private final SyncResponseParser parser = new SyncResponseParser(EventRegistry.defaults());

    private StateChanges process(String json) {
        return new SyncProcessor(ALICE, RoomReadView.EMPTY).process(parser.parse(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "<html>502 Bad Gateway</html>", "[]", "\"s1\"", "{}", "{\"next_batch\":42}",
            "{\"next_batch\":null}", "{\"next_batch\":\"s1\",\"rooms\":[]}", "{\"next_batch\":\"s1\",\"rooms\":\"x\"}",
            "{\"next_batch\":\"s1\",\"rooms\":{\"join\":[]}}", "{\"next_batch\":\"s1\",\"rooms\":{\"leave\":true}}",
            "{\"next_batch\":\"s1\",\"presence\":[]}", "{\"next_batch\":\"s1\",\"to_device\":7}",
            "{\"next_batch\":\"s1\",\"rooms\":{\"join\":{\"!a:b\":{\"timeline\":{\"events\":[{\"type\":",
            "{\"next_batch\":\"s1\"} {\"next_batch\":\"s2\"}",
            // A number whose exponent no BigDecimal holds, skipped or inside an event.
            "{\"next_batch\":\"s1\",\"unknown\":1e400123456789012345678901}",
            "{\"next_batch\":\"s1\",\"rooms\":{\"join\":{\"!a:b\":{\"timeline\":{\"events\":[{\"type\":\"x\","
                    + "\"n\":-2.5E99999999999}]}}}}}"})
    void invalidSkeletonIsAnInvalidResponse(String body) {
        InvalidResponseException e = assertThrows(InvalidResponseException.class, () -> parser.parse(body));
        assertTrue(e.getMessage().contains("GET /_matrix/client/v3/sync"), e.getMessage());
    }

    @Test
    void theSmallestValidResponse() {
        StateChanges changes = process("{\"next_batch\":\"s1\"}");
        assertEquals(StateChanges.onlyToken("s1"), changes);
    }

    @Test
    void nullSectionsAreAbsent() {
        StateChanges changes = process("{\"next_batch\":\"s1\",\"rooms\":{\"join\":null},\"presence\":null,"
                + "\"device_lists\":null,\"unknown_future_field\":{\"x\":[1,2]}}");
        assertEquals(StateChanges.onlyToken("s1"), changes);
    }

    @Test
    void badValuesInsideARoomAreSkippedAndTheRestApplied() {
        String json = sync("s2")
                .join(RoomId.of("!other:example.org"), r -> r.raw("timeline", "not an object")
                        .state(roomState("$n", "m.room.name", obj("name", "Still named"))))
                .join(ROOM, r -> r.raw("summary", list(1, 2)).raw("unread_notifications", 5)
                        .timeline(message("$m1", ALICE, TS, "hello")))
                .json().replace("\"rooms\":{\"join\":{", "\"rooms\":{\"join\":{\"not-a-room-id\":{},\"!x:example.org\":7,");
        StateChanges changes = process(json);
        assertEquals(2, changes.rooms().size());
        assertEquals(Optional.of("Still named"), changes.rooms().get(0).info().name());
        assertEquals(1, changes.rooms().get(1).timeline().size());
    }

    @Test
    void malformedEventsAreKeptAndTheRestApplied() {
        String json = sync("s2").join(ROOM, r -> r
                .state(roomState("$name", "m.room.name", obj("name", "Named")),
                        obj("type", "m.room.topic", "state_key", "", "content", obj("topic", "no event id")))
                .timeline(message("$m1", ALICE, TS, "before"),
                        "not an object",
                        obj("type", "m.room.message", "event_id", "$m2", "sender", "not-a-user", "content", obj()),
                        obj("event_id", "$m3", "sender", ALICE.value(), "content", obj()),
                        roomState("$n2", "m.room.name", obj("name", 42)),
                        message("$m4", ALICE, TS + 10, "after")))
                .json();
        RoomChanges room = process(json).rooms().get(0);
        List<SyncEvent> timeline = room.timeline();
        assertEquals(6, timeline.size(), "every event is kept, in order");
        assertInstanceOf(RoomEvent.class, timeline.get(0));
        assertInstanceOf(MalformedEvent.class, timeline.get(1));
        assertInstanceOf(MalformedEvent.class, timeline.get(2));
        assertInstanceOf(MalformedEvent.class, timeline.get(3));
        RoomEvent badName = assertInstanceOf(RoomEvent.class, timeline.get(4));
        assertInstanceOf(FailedToParse.class, badName.content());
        assertEquals("\"not an object\"", timeline.get(1).raw().json());
        assertEquals(List.of("$name", "$n2"), room.state().stream().map(e -> e.eventId().value()).toList(),
                "malformed state events cannot be placed in the state and are left out of it");
        assertEquals(Optional.empty(), room.info().name(), "a name that is not a string reads as no name");
        assertEquals("$m4", room.info().latestEventId().orElseThrow().value());
    }

    @Test
    void unstableFallbackKeyTypesAreReadWhenTheStableFieldIsAbsent() {
        StateChanges unstable = process("{\"next_batch\":\"s1\","
                + "\"org.matrix.msc2732.device_unused_fallback_key_types\":[\"signed_curve25519\"]}");
        assertEquals(Optional.of(List.of("signed_curve25519")), unstable.unusedFallbackKeyTypes());
        StateChanges both = process("{\"next_batch\":\"s1\",\"device_unused_fallback_key_types\":[],"
                + "\"org.matrix.msc2732.device_unused_fallback_key_types\":[\"signed_curve25519\"]}");
        assertEquals(Optional.of(List.of()), both.unusedFallbackKeyTypes());
    }
}
