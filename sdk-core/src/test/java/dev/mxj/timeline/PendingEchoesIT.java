package dev.mxj.timeline;

import dev.mxj.event.RoomMessageContent;
import dev.mxj.id.EventId;
import dev.mxj.relations.ReactionToggle;
import dev.mxj.send.SendHandle;
import dev.mxj.send.SendState;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static dev.mxj.timeline.LiveHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On Dendrite: the own reaction, edit and redaction show on their target's item as soon as they are
 * queued, marked pending, with no row of their own; cancelled, they are undone; sent, the server's
 * copy takes their place by sync. Every diff of the way is a {@code Set} of the target's item.
 */
@ExtendWith(DendriteExtension.class)
class PendingEchoesIT {

    private static String body(TimelineItem.Event item) {
        return item.content().filter(RoomMessageContent.class::isInstance).map(c -> ((RoomMessageContent) c).body())
                .orElse("");
    }

    /** Waits (without syncing) until the item of {@code event} passes {@code test}. */
    private static void until(LiveHarness.Watch watch, String event, String what, Predicate<TimelineItem.Event> test)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!watch.has(event, test)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what + "; items " + watch.items);
            }
            Thread.sleep(20);
        }
    }

    /** The diffs since {@code from} are all {@code Set}s of the item at {@code index}. */
    private static void onlySetsAt(LiveHarness.Watch watch, int from, int index) {
        List<TimelineDiff> since = watch.diffs.subList(from, watch.diffs.size());
        assertFalse(since.isEmpty());
        String shape = since.stream().map(d -> d.getClass().getSimpleName()
                + (d instanceof TimelineDiff.Set set ? "@" + set.index() : "")).toList().toString();
        for (TimelineDiff diff : since) {
            assertEquals(index, assertInstanceOf(TimelineDiff.Set.class, diff, () -> "no extra row: " + shape).index(),
                    () -> "only the target's item changes: " + shape);
        }
    }

    @Test
    void pendingChangesApplyAtOnceAndTheServersCopiesReplaceThemWithoutExtraRows(Dendrite dendrite, TestUser alice,
                                                                                   TestUser bob) throws Exception {
        try (LiveHarness h = new LiveHarness(dendrite, alice, bob, 20)) {
            String message = h.alice.send(h.roomId.value(), "helo");
            h.syncUntilStored(message);
            LiveHarness.Watch watch = new LiveHarness.Watch();
            try (Timeline timeline = h.room.timeline(); AutoCloseable sub = timeline.subscribe(watch::accept)) {
                h.syncUntil("the snapshot", () -> watch.drain().item(message).isPresent());
                List<TimelineItem> rows = List.copyOf(watch.items);
                int index = watch.items.indexOf(watch.item(message).orElseThrow());
                int from = watch.diffs.size();

                SendHandle reaction = h.room.react(EventId.of(message), "👍");
                SendHandle edit = h.room.edit(EventId.of(message), "hello");
                until(watch, message, "the queued reaction and edit applied", e -> body(e).equals("hello")
                        && e.aggregations().reactedByMe("👍") && e.aggregations().pending().edit().isPresent()
                        && e.aggregations().reactions().get(0).reactions().get(0).isPending());
                EventId reactionId = await(reaction.sent());
                EventId editId = await(edit.sent());
                h.syncUntil("the server's reaction and edit", () -> watch.has(message, e -> !e.hasPendingChanges()
                        && e.aggregations().edits().size() == 1 && e.aggregations().reactedByMe("👍")));
                TimelineItem.Event item = watch.item(message).orElseThrow();
                assertEquals(editId, item.aggregations().edits().get(0).eventId());
                assertEquals("hello", body(item));
                assertEquals(new ReactionToggle.Redact(reactionId), item.aggregations().toggleReaction("👍"));
                assertFalse(item.aggregations().reactions().get(0).reactions().get(0).isPending());
                onlySetsAt(watch, from, index);
                assertEquals(rows.size(), watch.items.size(), "no row came and went");

                from = watch.diffs.size();
                SendHandle redaction = h.room.redact(EventId.of(message), Optional.empty());
                until(watch, message, "the queued redaction applied", e -> e.isRedacted()
                        && e.aggregations().pending().redaction().isPresent() && e.aggregations().reactions().isEmpty());
                await(redaction.sent());
                h.syncUntil("the server's redaction", () -> watch.has(message, e -> e.isRedacted()
                        && !e.hasPendingChanges()));
                onlySetsAt(watch, from, index);
                assertEquals(rows.size(), watch.items.size());
                assertTrue(watch.items.stream().noneMatch(TimelineItem.Local.class::isInstance));
                assertEquals(watch.items, timeline.items(), "the diffs rebuild the timeline");
            }
        }
    }

    @Test
    void cancelledPendingChangesAreUndoneAndAQueuedReactionIsCancelledNotRedacted(Dendrite dendrite, TestUser alice,
                                                                                   TestUser bob) throws Exception {
        try (LiveHarness h = new LiveHarness(dendrite, alice, bob, 20)) {
            String message = h.alice.send(h.roomId.value(), "original");
            h.syncUntilStored(message);
            LiveHarness.Watch watch = new LiveHarness.Watch();
            try (Timeline timeline = h.room.timeline(); AutoCloseable sub = timeline.subscribe(watch::accept)) {
                h.syncUntil("the snapshot", () -> watch.drain().item(message).isPresent());
                TimelineItem.Event before = watch.item(message).orElseThrow();
                int index = watch.items.indexOf(before);
                // An event over the size limit fails and holds the room's later events back, unsent.
                SendHandle big = h.room.sendText("x".repeat(70_000));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!(big.state() instanceof SendState.Failed) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertInstanceOf(SendState.Failed.class, big.state());
                while (watch.drain().items.stream().noneMatch(i -> i instanceof TimelineItem.Local l
                        && l.echo().state() instanceof SendState.Failed) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                int from = watch.diffs.size();

                SendHandle reaction = h.room.react(EventId.of(message), "🎉");
                until(watch, message, "the queued reaction", e -> e.aggregations().reactedByMe("🎉"));
                ReactionToggle toggle = watch.item(message).orElseThrow().aggregations().toggleReaction("🎉");
                assertEquals(new ReactionToggle.Cancel(reaction.transactionId()), toggle);
                String txn = ((ReactionToggle.Cancel) toggle).transactionId();
                assertEquals(Optional.empty(), await(h.room.queuedSend(txn).orElseThrow().redact(Optional.empty())),
                        "not sent: cancelled, no redaction queued");
                until(watch, message, "the cancelled reaction gone", e -> e.equals(before));

                SendHandle edit = h.room.edit(EventId.of(message), "changed");
                until(watch, message, "the queued edit", e -> body(e).equals("changed") && e.isEdited());
                assertTrue(edit.cancel());
                until(watch, message, "the edit undone", e -> e.equals(before));

                SendHandle redaction = h.room.redact(EventId.of(message), Optional.of("oops"));
                until(watch, message, "the queued redaction", TimelineItem.Event::isRedacted);
                assertTrue(redaction.cancel());
                until(watch, message, "the message back", e -> e.equals(before));
                onlySetsAt(watch, from, index);
                assertEquals(List.of(big.transactionId()), h.room.localEchoes().stream()
                        .map(e -> e.transactionId()).toList(), "nothing else is queued");

                assertTrue(big.cancel());
                String after = h.alice.send(h.roomId.value(), "after");
                h.syncUntilStored(after);
                List<String> types = h.bob.get("/rooms/" + java.net.URLEncoder.encode(h.roomId.value(),
                        java.nio.charset.StandardCharsets.UTF_8) + "/messages?dir=b&limit=50").array("chunk").stream()
                        .map(e -> e.string("type").orElse("")).toList();
                assertFalse(types.contains("m.reaction") || types.contains("m.room.redaction"),
                        "nothing cancelled reached the server: " + types);
                assertTrue(watch.item(message).orElseThrow().equals(before) || watch.has(message, before::equals));
            }
        }
    }
}
