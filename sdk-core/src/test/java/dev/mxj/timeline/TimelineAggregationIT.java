package dev.mxj.timeline;

import dev.mxj.event.RoomMessageContent;
import dev.mxj.id.EventId;
import dev.mxj.relations.ReactionToggle;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Optional;

import static dev.mxj.timeline.LiveHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Edits, reactions and redactions from a real Dendrite, seen as updates of the items they target. */
@ExtendWith(DendriteExtension.class)
class TimelineAggregationIT {

    private static String body(TimelineItem.Event item) {
        return item.content().filter(RoomMessageContent.class::isInstance).map(c -> ((RoomMessageContent) c).body())
                .orElse("");
    }

    private static boolean noLocalEchoes(LiveHarness.Watch watch) {
        return watch.items.stream().noneMatch(TimelineItem.Local.class::isInstance);
    }

    @Test
    void liveEditsReactionsAndRedactionsUpdateTheirTarget(Dendrite dendrite, TestUser alice, TestUser bob)
            throws Exception {
        try (LiveHarness h = new LiveHarness(dendrite, alice, bob, 20)) {
            String message = h.bob.send(h.roomId.value(), "helo");
            h.syncUntilStored(message);
            LiveHarness.Watch watch = new LiveHarness.Watch();
            try (Timeline timeline = h.room.timeline(); AutoCloseable sub = timeline.subscribe(watch::accept)) {
                h.syncUntil("the snapshot", () -> watch.drain().item(message).isPresent());
                List<String> rows = watch.ids();
                int index = watch.items.indexOf(watch.item(message).orElseThrow());

                String edit = h.edit(h.bob, message, "hello");
                String bobReaction = h.react(h.bob, message, "👍");
                EventId mine = await(h.room.react(EventId.of(message), "👍").sent());
                h.syncUntil("the edit and both reactions on the message", () -> watch.has(message,
                        e -> body(e).equals("hello") && !e.aggregations().reactions().isEmpty()
                                && e.aggregations().reactions().get(0).count() == 2
                                && e.aggregations().reactedByMe("👍")) && noLocalEchoes(watch));
                assertEquals(rows, watch.ids(), "no row for the edit or the reactions");
                assertTrue(watch.diffs.stream().anyMatch(d -> d instanceof TimelineDiff.Set s && s.index() == index),
                        "the message's item was replaced in place");
                assertFalse(watch.ids().contains(edit) || watch.ids().contains(bobReaction)
                        || watch.ids().contains(mine.value()));
                TimelineItem.Event item = watch.item(message).orElseThrow();
                assertEquals(List.of(EventId.of(edit)), item.aggregations().edits().stream()
                        .map(e -> e.eventId()).toList());
                assertEquals(new ReactionToggle.Redact(mine), item.aggregations().toggleReaction("👍"));

                await(h.room.redact(mine, Optional.empty()).sent());
                h.syncUntil("the own reaction taken back", () -> watch.has(message,
                        e -> e.aggregations().reactions().get(0).count() == 1 && !e.aggregations().reactedByMe("👍"))
                        && noLocalEchoes(watch));

                String redaction = h.redact(h.bob, message);
                h.syncUntil("the message redacted", () -> watch.has(message,
                        e -> e.isRedacted() && e.aggregations().reactions().isEmpty() && !e.isEdited()));
                assertEquals(rows, watch.ids(), "no row for the redactions");
                assertFalse(watch.ids().contains(redaction));
                assertEquals(watch.items, timeline.items(), "the diffs rebuild the timeline");
            }
        }
    }

    @Test
    void relationsLoadedBeforeTheirTargetApplyWhenBackPaginationBringsIt(Dendrite dendrite, TestUser alice,
                                                                          TestUser bob) throws Exception {
        try (LiveHarness h = new LiveHarness(dendrite, alice, bob, 3)) {
            String room = h.roomId.value();
            String message = h.bob.send(room, "original");
            for (int i = 0; i < 3; i++) {
                h.alice.send(room, "filler " + i);
            }
            h.edit(h.bob, message, "edited");
            h.react(h.alice, message, "🎉");
            String last = h.alice.send(room, "last");
            h.syncUntilStored(last);
            assertFalse(h.store.gaps(h.roomId).isEmpty(), "a timeline limit of 3 leaves a gap");
            try (Timeline timeline = h.room.timeline()) {
                assertTrue(timeline.items().get(0) instanceof TimelineItem.Gap);
                PaginationResult result = new PaginationResult(0, false);
                for (int pages = 0; !result.reachedStart() && pages < 20; pages++) {
                    result = await(timeline.paginateBackwards(5));
                }
                assertTrue(result.reachedStart());
                TimelineItem.Event item = timeline.items().stream().filter(TimelineItem.Event.class::isInstance)
                        .map(TimelineItem.Event.class::cast)
                        .filter(e -> e.eventId().equals(Optional.of(EventId.of(message)))).findFirst().orElseThrow();
                assertEquals("edited", body(item));
                assertEquals("🎉", item.aggregations().reactions().get(0).key());
                assertTrue(item.aggregations().reactedByMe("🎉"));
            }
        }
    }
}
