package dev.mxj.timeline;

import dev.mxj.MatrixClient;
import dev.mxj.id.EventId;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.mxj.testing.SyncBuilders.obj;
import static dev.mxj.timeline.TimelineJson.ROOM;
import static dev.mxj.timeline.TimelineJson.messages;
import static dev.mxj.timeline.TimelineJson.text;
import static dev.mxj.timeline.TimelineJson.write;
import static dev.mxj.timeline.TimelineProtocolTest.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jumping in history: {@code /context} (a focused timeline, paged both ways) and {@code /timestamp_to_event}. */
class TimelineJumpTest {
    private static MatrixClient client(MockHomeserver mock) {
        MemoryStateStore store = new MemoryStateStore();
        store.saveSession(mock.session());
        return mock.builder().stateStore(store).build();
    }

    @Test
    void focusesOnAnEventWithItsNeighboursAndPagesBothWays() throws Exception {
        try (MockHomeserver mock = MockHomeserver.start(); MatrixClient client = client(mock);
             Timeline timeline = client.rooms().roomById(ROOM).timeline()) {
            Map<String, Object> context = obj("start", "back1", "end", "fwd1", "event", text("e5", 5),
                    "events_before", List.of(text("e4", 4), text("e3", 3)),
                    "events_after", List.of(text("e6", 6)), "state", List.of());
            mock.ok(write(context));
            FocusedTimeline focused = timeline.focusOn(EventId.of("$e5"), 3).get(5, TimeUnit.SECONDS);
            RecordedRequest request = mock.take();
            assertEquals(List.of("_matrix", "client", "v3", "rooms", ROOM.value(), "context", "$e5"),
                    request.getUrl().pathSegments());
            assertEquals("3", request.getUrl().queryParameter("limit"));
            assertEquals(List.of("$e3", "$e4", "$e5", "$e6"), ids(focused.items()));
            assertEquals(2, focused.focusIndex());
            assertFalse(focused.reachedStart());

            mock.ok(messages("fwd1", "fwd2", List.of(text("e6", 6), text("e7", 7))));
            FocusedTimeline later = focused.paginateForwards(2).get(5, TimeUnit.SECONDS);
            request = mock.take();
            assertEquals("f", request.getUrl().queryParameter("dir"));
            assertEquals("fwd1", request.getUrl().queryParameter("from"));
            assertEquals(List.of("$e3", "$e4", "$e5", "$e6", "$e7"), ids(later.items()), "e6 is not repeated");

            mock.ok(messages("back1", null, List.of(text("e2", 2), text("e1", 1))));
            FocusedTimeline earlier = later.paginateBackwards(5).get(5, TimeUnit.SECONDS);
            assertEquals("back1", mock.take().getUrl().queryParameter("from"));
            assertEquals(List.of("$e1", "$e2", "$e3", "$e4", "$e5", "$e6", "$e7"), ids(earlier.items()));
            assertEquals(4, earlier.focusIndex());
            assertTrue(earlier.reachedStart());
            assertEquals(List.of("$e3", "$e4", "$e5", "$e6"), ids(focused.items()), "values do not change");
            assertTrue(timeline.items().isEmpty(), "a focused timeline is not stored into the live one");
        }
    }

    @Test
    void findsTheEventAtATimeOrNothing() throws Exception {
        try (MockHomeserver mock = MockHomeserver.start(); MatrixClient client = client(mock);
             Timeline timeline = client.rooms().roomById(ROOM).timeline()) {
            mock.ok(write(obj("event_id", "$found", "origin_server_ts", 1432735824653L)));
            Instant when = Instant.ofEpochMilli(1432735824000L);
            Optional<EventAtTime> found = timeline.eventAt(when, Direction.FORWARD).get(5, TimeUnit.SECONDS);
            RecordedRequest request = mock.take();
            assertEquals(List.of("_matrix", "client", "v1", "rooms", ROOM.value(), "timestamp_to_event"),
                    request.getUrl().pathSegments());
            assertEquals("1432735824000", request.getUrl().queryParameter("ts"));
            assertEquals("f", request.getUrl().queryParameter("dir"));
            assertEquals(Optional.of(new EventAtTime(EventId.of("$found"), Instant.ofEpochMilli(1432735824653L))),
                    found);

            mock.error(404, "M_NOT_FOUND", "Unable to find event from 1432735824000 in direction b");
            assertEquals(Optional.empty(), timeline.eventAt(when, Direction.BACKWARD).get(5, TimeUnit.SECONDS));
        }
    }
}
