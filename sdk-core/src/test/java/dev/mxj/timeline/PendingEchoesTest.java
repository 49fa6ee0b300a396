package dev.mxj.timeline;

import dev.mxj.event.RoomEvent;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.id.EventId;
import dev.mxj.internal.send.MessageContents;
import dev.mxj.internal.timeline.Scope;
import dev.mxj.json.RawJson;
import dev.mxj.relations.Reaction;
import dev.mxj.relations.ReactionToggle;
import dev.mxj.send.LocalEcho;
import dev.mxj.send.SendState;
import dev.mxj.testing.RelatedEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mxj.testing.RelatedEvents.edit;
import static dev.mxj.testing.RelatedEvents.reaction;
import static dev.mxj.testing.RelatedEvents.redaction;
import static dev.mxj.testing.RelatedEvents.text;
import static dev.mxj.testing.SyncBuilders.ALICE;
import static dev.mxj.testing.SyncBuilders.BOB;
import static dev.mxj.testing.SyncBuilders.id;
import static dev.mxj.testing.SyncBuilders.room;
import static dev.mxj.testing.SyncBuilders.roomEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The own reactions, edits and redactions still in the send queue apply to their target's item at
 * once, are taken off when cancelled, and give way to the server's copy in one {@code Set} diff.
 */
class PendingEchoesTest {
    private static final Instant QUEUED = Instant.ofEpochMilli(RelatedEvents.TS + 50);
    private final Related.Checked timeline = Related.model(Scope.main(), ALICE, "10");

    private static LocalEcho echo(String txn, String type, RawJson content, Optional<EventId> redacts,
                                  Optional<String> dependsOn, SendState state) {
        return new LocalEcho(room(1), txn, type, content, redacts, dependsOn, state, QUEUED);
    }

    private static LocalEcho reactionEcho(String txn, String target, SendState state) {
        return echo(txn, MessageContents.REACTION, MessageContents.reaction(id(target), "👍"), Optional.empty(),
                Optional.empty(), state);
    }

    private static LocalEcho editEcho(String txn, String target, String body, SendState state) {
        return echo(txn, MessageContents.MESSAGE, MessageContents.edit("m.text", body, id(target)), Optional.empty(),
                Optional.empty(), state);
    }

    private static LocalEcho redactionEcho(String txn, String target, SendState state) {
        return echo(txn, MessageContents.REDACTION, MessageContents.redaction(Optional.empty()),
                Optional.of(id(target)), Optional.empty(), state);
    }

    private static LocalEcho messageEcho(String txn, SendState state) {
        return echo(txn, MessageContents.MESSAGE, MessageContents.plain("m.text", "queued " + txn), Optional.empty(),
                Optional.empty(), state);
    }

    /** {@code event} as its remote echo: with the transaction ID in {@code unsigned}. */
    @SuppressWarnings("unchecked")
    private static RoomEvent remote(RoomEvent event, String txn) {
        Map<String, Object> tree = new LinkedHashMap<>((Map<String, Object>) event.raw().tree());
        tree.put("unsigned", Map.of("transaction_id", txn));
        return roomEvent(tree);
    }

    private String body(String name) {
        return ((RoomMessageContent) timeline.item(name).content().orElseThrow()).body();
    }

    private static void assertOneSetAt(int index, List<TimelineDiff> diffs) {
        assertEquals(1, diffs.size(), () -> "one diff, no extra row: " + diffs);
        assertEquals(index, assertInstanceOf(TimelineDiff.Set.class, diffs.get(0)).index());
    }

    @Test
    void aQueuedReactionCountsAtOncePendingAndItsRemoteEchoReplacesItInOneSet() {
        timeline.follow(timeline.model.reset(List.of(text("a", BOB, 1), reaction("b1", BOB, 2, "a", "👍")), false));

        assertOneSetAt(0, timeline.follow(timeline.model.upsertLocal(reactionEcho("t1", "a", new SendState.Pending()))));
        assertEquals(List.of("$a"), timeline.ids(), "no row for the queued reaction");
        Aggregations pending = timeline.item("a").aggregations();
        assertEquals(2, pending.reactions().get(0).count());
        Reaction mine = pending.reactions().get(0).by(ALICE).orElseThrow();
        assertTrue(mine.isPending());
        assertEquals(Optional.of("t1"), mine.transactionId());
        assertTrue(pending.reactedByMe("👍"));
        assertEquals(new ReactionToggle.Cancel("t1"), pending.toggleReaction("👍"), "not sent: cancel it, no redaction");
        assertTrue(timeline.item("a").hasPendingChanges());

        timeline.follow(timeline.model.upsertLocal(reactionEcho("t1", "a", new SendState.Sent(id("r1")))));
        assertEquals(new ReactionToggle.Redact(id("r1")), timeline.item("a").aggregations().toggleReaction("👍"));

        assertOneSetAt(0, timeline.follow(timeline.model.append(List.of(remote(reaction("r1", ALICE, 60, "a", "👍"),
                "t1")))));
        Aggregations done = timeline.item("a").aggregations();
        assertEquals(2, done.reactions().get(0).count());
        assertFalse(done.reactions().get(0).by(ALICE).orElseThrow().isPending());
        assertEquals(PendingChanges.none(), done.pending());
        assertEquals(List.of(), timeline.follow(timeline.model.upsertLocal(
                reactionEcho("t1", "a", new SendState.Sent(id("r1"))))), "a late state shows nothing");
    }

    @Test
    void aCancelledReactionDisappears() {
        timeline.follow(timeline.model.reset(List.of(text("a", BOB, 1)), false));
        TimelineItem before = timeline.model.items().get(0);
        timeline.follow(timeline.model.upsertLocal(reactionEcho("t1", "a", new SendState.Pending())));
        assertEquals("👍", timeline.item("a").aggregations().reactions().get(0).key());
        assertOneSetAt(0, timeline.follow(timeline.model.upsertLocal(reactionEcho("t1", "a",
                new SendState.Cancelled()))));
        assertEquals(before, timeline.model.items().get(0), "the item is as it was");
    }

    @Test
    void aQueuedEditIsTheContentAtOnceAndRevertsWhenCancelled() {
        timeline.follow(timeline.model.reset(List.of(text("a", ALICE, 1)), false));
        assertOneSetAt(0, timeline.follow(timeline.model.upsertLocal(editEcho("t1", "a", "fixed",
                new SendState.Pending()))));
        assertEquals("fixed", body("a"));
        assertTrue(timeline.item("a").isEdited());
        assertEquals(Optional.of("t1"), timeline.item("a").aggregations().pending().edit()
                .map(LocalEcho::transactionId));

        timeline.follow(timeline.model.upsertLocal(editEcho("t1", "a", "fixed", new SendState.Cancelled())));
        assertEquals("text a", body("a"));
        assertFalse(timeline.item("a").isEdited());

        timeline.follow(timeline.model.upsertLocal(editEcho("t2", "a", "again", new SendState.Pending())));
        assertOneSetAt(0, timeline.follow(timeline.model.append(List.of(remote(edit("e2", ALICE, 60, "a", "again"),
                "t2")))));
        assertEquals("again", body("a"));
        assertEquals(List.of(id("e2")), timeline.item("a").aggregations().edits().stream()
                .map(RoomEvent::eventId).toList());
        assertFalse(timeline.item("a").hasPendingChanges());
    }

    @Test
    void aQueuedEditOfAnotherUsersMessageIsNotApplied() {
        timeline.follow(timeline.model.reset(List.of(text("b", BOB, 1)), false));
        timeline.follow(timeline.model.upsertLocal(editEcho("t1", "b", "hijack", new SendState.Pending())));
        assertEquals("text b", body("b"), "the server would not take it as an edit either");
        assertEquals(List.of("$b"), timeline.ids());
    }

    @Test
    void aQueuedRedactionRedactsAtOnceRestoresWhenCancelledAndGivesWayToTheServers() {
        timeline.follow(timeline.model.reset(List.of(text("a", ALICE, 1), reaction("b1", BOB, 2, "a", "👍")), false));
        TimelineItem before = timeline.model.items().get(0);

        assertOneSetAt(0, timeline.follow(timeline.model.upsertLocal(redactionEcho("t1", "a",
                new SendState.Pending()))));
        TimelineItem.Event redacted = timeline.item("a");
        assertTrue(redacted.isRedacted());
        assertEquals(List.of(), redacted.aggregations().reactions());
        assertEquals(Optional.of("t1"), redacted.aggregations().pending().redaction().map(LocalEcho::transactionId));
        assertFalse(((RoomEvent) redacted.event()).raw().object("content").orElseThrow().has("body"));

        timeline.follow(timeline.model.upsertLocal(redactionEcho("t1", "a", new SendState.Cancelled())));
        assertEquals(before, timeline.model.items().get(0), "restored");

        timeline.follow(timeline.model.upsertLocal(redactionEcho("t2", "a", new SendState.Pending())));
        timeline.follow(timeline.model.upsertLocal(redactionEcho("t2", "a", new SendState.Sent(id("x")))));
        assertOneSetAt(0, timeline.follow(timeline.model.append(List.of(redaction("x", ALICE, 60, "a")))));
        assertTrue(timeline.item("a").isRedacted());
        assertFalse(timeline.item("a").hasPendingChanges(), "the server's redaction, matched by event ID");
        assertEquals(List.of("$a"), timeline.ids());
    }

    @Test
    void messagesStayRowsAndWhatWaitsForThemAppliesToTheirRow() {
        timeline.follow(timeline.model.reset(List.of(text("a", BOB, 1)), false));
        timeline.follow(timeline.model.upsertLocal(messageEcho("m1", new SendState.Pending())));
        timeline.follow(timeline.model.upsertLocal(messageEcho("m2", new SendState.Pending())));
        assertEquals(List.of("$a", "local", "local"), timeline.ids());

        LocalEcho waitingEdit = echo("t1", MessageContents.MESSAGE, RawJson.parse("{\"msgtype\":\"m.text\","
                + "\"body\":\"* new\",\"m.new_content\":{\"msgtype\":\"m.text\",\"body\":\"new\"},"
                + "\"m.relates_to\":{\"rel_type\":\"m.replace\"}}"), Optional.empty(), Optional.of("m1"),
                new SendState.Pending());
        assertOneSetAt(1, timeline.follow(timeline.model.upsertLocal(waitingEdit)));
        TimelineItem.Local row = (TimelineItem.Local) timeline.model.items().get(1);
        assertEquals(Optional.of("new"), row.echo().content().string("body"));

        LocalEcho waitingRedaction = echo("t2", MessageContents.REDACTION, MessageContents.redaction(Optional.empty()),
                Optional.empty(), Optional.of("m2"), new SendState.Pending());
        List<TimelineDiff> diffs = timeline.follow(timeline.model.upsertLocal(waitingRedaction));
        assertEquals(List.of(new TimelineDiff.Remove(2)), diffs, "the row being taken back goes");
        timeline.follow(timeline.model.upsertLocal(echo("t2", MessageContents.REDACTION,
                MessageContents.redaction(Optional.empty()), Optional.empty(), Optional.of("m2"),
                new SendState.Cancelled())));
        assertEquals(List.of("$a", "local", "local"), timeline.ids(), "back when that redaction is cancelled");
    }

    @Test
    void aRedactionWaitingForAQueuedReactionTakesItBack() {
        timeline.follow(timeline.model.reset(List.of(text("a", BOB, 1)), false));
        timeline.follow(timeline.model.upsertLocal(reactionEcho("t1", "a", new SendState.Pending())));
        assertTrue(timeline.item("a").aggregations().reactedByMe("👍"));
        LocalEcho waiting = echo("t2", MessageContents.REDACTION, MessageContents.redaction(Optional.empty()),
                Optional.empty(), Optional.of("t1"), new SendState.Pending());
        assertOneSetAt(0, timeline.follow(timeline.model.upsertLocal(waiting)));
        assertEquals(List.of(), timeline.item("a").aggregations().reactions());
        assertFalse(timeline.item("a").aggregations().reactedByMe("👍"));
        assertEquals(List.of("$a"), timeline.ids());
    }

    @Test
    void aResetKeepsQueuedRelationsApplied() {
        timeline.follow(timeline.model.reset(List.of(text("a", ALICE, 1)), false));
        timeline.follow(timeline.model.upsertLocal(editEcho("t1", "a", "fixed", new SendState.Pending())));
        timeline.follow(timeline.model.reset(List.of(text("a", ALICE, 1)), true));
        assertEquals(List.of("gap", "$a"), timeline.ids());
        assertEquals("fixed", body("a"));
    }
}
