package dev.mxj.timeline;

import dev.mxj.event.RoomEvent;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.event.SyncEvent;
import dev.mxj.internal.timeline.Scope;
import dev.mxj.relations.ReactionToggle;
import dev.mxj.send.LocalEcho;
import dev.mxj.send.SendState;
import dev.mxj.testing.RelatedEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mxj.testing.RelatedEvents.edit;
import static dev.mxj.testing.RelatedEvents.reaction;
import static dev.mxj.testing.RelatedEvents.redaction;
import static dev.mxj.testing.RelatedEvents.redactionV11;
import static dev.mxj.testing.RelatedEvents.reply;
import static dev.mxj.testing.RelatedEvents.text;
import static dev.mxj.testing.SyncBuilders.ALICE;
import static dev.mxj.testing.SyncBuilders.BOB;
import static dev.mxj.testing.SyncBuilders.id;
import static dev.mxj.testing.SyncBuilders.json;
import static dev.mxj.testing.SyncBuilders.obj;
import static dev.mxj.testing.SyncBuilders.room;
import static dev.mxj.testing.SyncBuilders.roomEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Edits, reactions and redactions applied to the items of a main timeline (as ALICE). */
class TimelineAggregationTest {
    private final Related.Checked timeline = Related.model(Scope.main(), ALICE, "10");

    private String body(String name) {
        return ((RoomMessageContent) timeline.item(name).content().orElseThrow()).body();
    }

    @Test
    void anEditArrivingLaterReplacesItsTargetInPlaceAndIsNoRow() {
        timeline.follow(timeline.model.reset(List.of(text("a", ALICE, 1), text("b", BOB, 2)), false));
        List<TimelineDiff> diffs = timeline.follow(timeline.model.append(List.of(edit("e1", ALICE, 3, "a", "fixed"))));
        assertEquals(1, diffs.size());
        TimelineDiff.Set set = assertInstanceOf(TimelineDiff.Set.class, diffs.get(0));
        assertEquals(0, set.index());
        assertEquals(List.of("$a", "$b"), timeline.ids(), "the edit is not an item");
        assertEquals("fixed", body("a"));
        assertTrue(timeline.item("a").isEdited());
        assertEquals("text a", ((RoomEvent) timeline.item("a").event()).raw().object("content").orElseThrow()
                .string("body").orElseThrow(), "the event itself is kept as received");
    }

    @Test
    void anEditByAnotherSenderIsIgnored() {
        timeline.follow(timeline.model.reset(List.of(text("a", ALICE, 1)), false));
        List<TimelineDiff> diffs = timeline.follow(timeline.model.append(List.of(edit("e1", BOB, 2, "a", "hijacked"))));
        assertEquals(List.of(), diffs, "nothing changes, and no row is added");
        assertEquals("text a", body("a"));
        assertFalse(timeline.item("a").isEdited());
    }

    @Test
    void theNewestEditWinsWhateverTheOrderTheyArriveIn() {
        timeline.follow(timeline.model.reset(List.of(text("a", ALICE, 1)), false));
        timeline.follow(timeline.model.append(List.of(edit("late", ALICE, 30, "a", "third"))));
        timeline.follow(timeline.model.append(List.of(edit("early", ALICE, 10, "a", "first"),
                edit("middle", ALICE, 20, "a", "second"))));
        assertEquals("third", body("a"));
        assertEquals(List.of(id("early"), id("middle"), id("late")),
                timeline.item("a").aggregations().edits().stream().map(RoomEvent::eventId).toList(),
                "the edit history, oldest first");

        timeline.follow(timeline.model.append(List.of(redaction("r", ALICE, 40, "late"))));
        assertEquals("second", body("a"), "a redacted edit no longer counts");
        assertEquals(List.of("$a"), timeline.ids());
    }

    @Test
    void reactionsGroupByKeyWithSendersAndTheOwnReactionToggles() {
        timeline.follow(timeline.model.reset(List.of(text("a", BOB, 1)), false));
        timeline.follow(timeline.model.append(List.of(reaction("r1", BOB, 2, "a", "👍"),
                reaction("r2", ALICE, 3, "a", "👍"), reaction("r3", BOB, 4, "a", "🎉"))));
        Aggregations aggregations = timeline.item("a").aggregations();
        assertEquals(List.of("👍", "🎉"), aggregations.reactions().stream().map(g -> g.key()).toList());
        assertEquals(List.of(BOB, ALICE), aggregations.reactions().get(0).senders());
        assertEquals(Map.of("👍", id("r2")), aggregations.ownReactions());
        assertTrue(aggregations.reactedByMe("👍"));
        assertEquals(new ReactionToggle.Redact(id("r2")), aggregations.toggleReaction("👍"));
        assertEquals(new ReactionToggle.Send("🎉"), aggregations.toggleReaction("🎉"));

        List<TimelineDiff> diffs = timeline.follow(timeline.model.append(List.of(redaction("x", ALICE, 5, "r2"))));
        assertInstanceOf(TimelineDiff.Set.class, diffs.get(0));
        aggregations = timeline.item("a").aggregations();
        assertEquals(1, aggregations.reactions().get(0).count(), "taking the reaction back");
        assertEquals(new ReactionToggle.Send("👍"), aggregations.toggleReaction("👍"));
        assertEquals(List.of("$a"), timeline.ids(), "reactions and redactions are no rows");
    }

    @Test
    void aRedactionAppliesTheRoomVersionsAlgorithmAndDropsReactionsAndEdits() {
        RoomEvent original = text("a", ALICE, 1);
        timeline.follow(timeline.model.reset(List.of(original, text("b", BOB, 2)), false));
        timeline.follow(timeline.model.append(List.of(reaction("r1", BOB, 3, "a", "👍"),
                edit("e1", ALICE, 4, "a", "fixed"))));
        List<TimelineDiff> diffs = timeline.follow(timeline.model.append(List.of(redaction("x", BOB, 5, "a"))));
        assertEquals(List.of(new TimelineDiff.Set(0, timeline.item("a"))), diffs);

        TimelineItem.Event item = timeline.item("a");
        assertTrue(item.isRedacted());
        assertEquals(Map.of(), ((RoomEvent) item.event()).raw().object("content").orElseThrow().tree(),
                "a message's content is emptied");
        assertEquals(id("x").value(), ((RoomEvent) item.event()).unsigned().object("redacted_because")
                .orElseThrow().string("event_id").orElseThrow());
        assertEquals(List.of(), item.aggregations().reactions());
        assertEquals(List.of(), item.aggregations().edits());
        assertFalse(item.isEdited());
        assertFalse(timeline.item("b").isRedacted());
    }

    @Test
    void roomVersion11RedactionsNameTheirTargetInTheContent() {
        Related.Checked v11 = Related.model(Scope.main(), ALICE, "11");
        RoomEvent create = roomEvent(obj("type", "m.room.create", "state_key", "", "event_id", "$c",
                "sender", ALICE.value(), "origin_server_ts", 1, "content", obj("room_version", "11", "extra", 1)));
        v11.follow(v11.model.reset(List.of(create, text("a", ALICE, 2)), false));
        v11.follow(v11.model.append(List.of(redactionV11("x", ALICE, 3, "a"), redactionV11("y", ALICE, 4, "c"))));
        assertTrue(v11.item("a").isRedacted());
        assertEquals(1L, ((RoomEvent) v11.item("c").event()).raw().object("content").orElseThrow()
                .longValue("extra").orElseThrow(), "version 11 keeps all of m.room.create's content");
    }

    @Test
    void relationsThatArriveBeforeTheirTargetApplyWhenItComes() {
        // Back-pagination loads newer events first: the reaction, edit and redaction wait for their targets.
        timeline.follow(timeline.model.reset(List.of(reaction("r1", BOB, 5, "a", "👍"),
                edit("e1", ALICE, 6, "a", "fixed"), redaction("x", ALICE, 7, "b"), text("c", BOB, 8)), true));
        assertEquals(List.of("gap", "$c"), timeline.ids());

        List<SyncEvent> older = List.of(text("a", ALICE, 1), text("b", ALICE, 2));
        timeline.follow(timeline.model.prepend(older, false));
        assertEquals(List.of("$a", "$b", "$c"), timeline.ids());
        assertEquals("fixed", body("a"));
        assertEquals(1, timeline.item("a").aggregations().reactions().get(0).count());
        assertTrue(timeline.item("b").isRedacted());
    }

    @Test
    void aNewerCopyOfAnEventKeepsItsRelations() {
        timeline.follow(timeline.model.reset(List.of(text("a", ALICE, 1), reaction("r1", BOB, 2, "a", "👍")), false));
        RoomEvent serverRedactedReaction = roomEvent(obj("type", "m.reaction", "event_id", "$r1",
                "sender", BOB.value(), "origin_server_ts", RelatedEvents.TS + 2, "content", obj(),
                "unsigned", obj("redacted_because", obj("type", "m.room.redaction"))));
        timeline.follow(timeline.model.append(List.of(serverRedactedReaction)));
        assertEquals(List.of(), timeline.item("a").aggregations().reactions(), "the server redacted the reaction");
    }

    @Test
    void repliesNameTheEventTheyAnswer() {
        timeline.follow(timeline.model.reset(List.of(text("a", BOB, 1), reply("b", ALICE, 2, "a")), false));
        assertEquals(id("a"), timeline.item("b").aggregations().inReplyTo().orElseThrow());
        assertTrue(timeline.item("a").aggregations().inReplyTo().isEmpty());
    }

    @Test
    void aBundledEditFromTheServerApplies() {
        RoomEvent latest = edit("e1", ALICE, 5, "a", "bundled");
        RoomEvent original = roomEvent(obj("type", "m.room.message", "event_id", "$a", "sender", ALICE.value(),
                "origin_server_ts", RelatedEvents.TS, "content", obj("msgtype", "m.text", "body", "old"),
                "unsigned", obj("m.relations", obj("m.replace", latest.raw().tree()))));
        timeline.follow(timeline.model.reset(List.of(original), false));
        assertEquals("bundled", body("a"));
    }

    @Test
    void aSentLocalEchoEndsWhenItsEventArrivesEvenWithoutATransactionId() {
        timeline.follow(timeline.model.reset(List.of(text("a", ALICE, 1), reaction("r", ALICE, 2, "a", "👍")), false));
        LocalEcho pending = new LocalEcho(room(1), "txn", "m.room.redaction", json(obj()), Optional.of(id("r")),
                new SendState.Pending(), Instant.EPOCH);
        timeline.follow(timeline.model.upsertLocal(pending));
        assertEquals(List.of("$a"), timeline.ids(), "a queued redaction has no row");
        assertEquals(List.of(), timeline.item("a").aggregations().reactions(), "the own reaction goes at once");
        timeline.follow(timeline.model.upsertLocal(new LocalEcho(room(1), "txn", "m.room.redaction", json(obj()),
                Optional.of(id("r")), new SendState.Sent(id("x")), Instant.EPOCH)));
        List<TimelineDiff> diffs = timeline.follow(timeline.model.append(List.of(redaction("x", ALICE, 3, "r"))));
        assertEquals(List.of(), diffs, "Dendrite's redactions come back without unsigned: matched by event ID");
        assertEquals(List.of("$a"), timeline.ids());
        assertEquals(List.of(), timeline.item("a").aggregations().reactions());
        assertEquals(List.of(), timeline.follow(timeline.model.upsertLocal(new LocalEcho(room(1), "txn",
                "m.room.redaction", json(obj()), Optional.of(id("r")), new SendState.Sent(id("x")), Instant.EPOCH))),
                "a late state change of a finished echo shows nothing");
    }
}
