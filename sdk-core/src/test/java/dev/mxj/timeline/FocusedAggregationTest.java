package dev.mxj.timeline;

import dev.mxj.MatrixClient;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.id.EventId;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.testing.MockHomeserver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.mxj.testing.SyncBuilders.obj;
import static dev.mxj.timeline.TimelineJson.BOB;
import static dev.mxj.timeline.TimelineJson.ROOM;
import static dev.mxj.timeline.TimelineJson.messages;
import static dev.mxj.timeline.TimelineJson.text;
import static dev.mxj.timeline.TimelineJson.write;
import static dev.mxj.timeline.TimelineProtocolTest.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A focused timeline ({@code /context}) folds edits, reactions and redactions into their targets. */
class FocusedAggregationTest {

    private static Map<String, Object> event(String name, String type, long ts, Map<String, Object> content) {
        return obj("type", type, "event_id", "$" + name, "sender", BOB, "origin_server_ts", ts,
                "room_id", ROOM.value(), "content", content);
    }

    private static Map<String, Object> reaction(String name, long ts, String target) {
        return event(name, "m.reaction", ts, obj("m.relates_to",
                obj("rel_type", "m.annotation", "event_id", "$" + target, "key", "👍")));
    }

    private static Map<String, Object> edit(String name, long ts, String target, String body) {
        return event(name, "m.room.message", ts, obj("msgtype", "m.text", "body", "* " + body,
                "m.new_content", obj("msgtype", "m.text", "body", body),
                "m.relates_to", obj("rel_type", "m.replace", "event_id", "$" + target)));
    }

    private static TimelineItem.Event item(FocusedTimeline focused, String id) {
        return focused.items().stream().map(TimelineItem.Event.class::cast)
                .filter(e -> e.eventId().equals(java.util.Optional.of(EventId.of(id)))).findFirst().orElseThrow();
    }

    @Test
    void editsReactionsAndRedactionsApplyToTheirTargetsAndAFocusedReactionPointsAtItsTarget() throws Exception {
        try (MockHomeserver mock = MockHomeserver.start()) {
            MemoryStateStore store = new MemoryStateStore();
            store.saveSession(mock.session());
            try (MatrixClient client = mock.builder().stateStore(store).build();
                 Timeline timeline = client.rooms().roomById(ROOM).timeline()) {
                mock.ok(write(obj("start", "back1", "end", "fwd1", "event", reaction("r4", 4, "e3"),
                        "events_before", List.of(text("e3", 3)),
                        "events_after", List.of(edit("x5", 5, "e3", "edited"), text("e6", 6)), "state", List.of())));
                FocusedTimeline focused = timeline.focusOn(EventId.of("$r4"), 3).get(5, TimeUnit.SECONDS);
                mock.take();
                assertEquals(List.of("$e3", "$e6"), ids(focused.items()), "no rows for the reaction and the edit");
                assertEquals(0, focused.focusIndex(), "the focused reaction is shown on its target");
                TimelineItem.Event target = item(focused, "$e3");
                assertEquals("edited", ((RoomMessageContent) target.content().orElseThrow()).body());
                assertEquals(1, target.aggregations().reactions().get(0).count());

                mock.ok(messages("fwd1", "fwd2", List.of(obj("type", "m.room.redaction", "event_id", "$d7",
                        "sender", BOB, "origin_server_ts", 7, "room_id", ROOM.value(), "redacts", "$e6",
                        "content", obj()))));
                FocusedTimeline later = focused.paginateForwards(5).get(5, TimeUnit.SECONDS);
                mock.take();
                assertEquals(List.of("$e3", "$e6"), ids(later.items()));
                assertTrue(item(later, "$e6").isRedacted(), "a redaction paged forwards applies");
            }
        }
    }
}
