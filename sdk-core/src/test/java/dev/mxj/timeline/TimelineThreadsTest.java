package dev.mxj.timeline;

import dev.mxj.event.RoomEvent;
import dev.mxj.internal.timeline.Scope;
import dev.mxj.room.Receipt;
import dev.mxj.send.LocalEcho;
import dev.mxj.send.SendState;
import dev.mxj.testing.RelatedEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.mxj.testing.RelatedEvents.edit;
import static dev.mxj.testing.RelatedEvents.reaction;
import static dev.mxj.testing.RelatedEvents.redaction;
import static dev.mxj.testing.RelatedEvents.text;
import static dev.mxj.testing.RelatedEvents.threadReply;
import static dev.mxj.testing.SyncBuilders.ALICE;
import static dev.mxj.testing.SyncBuilders.BOB;
import static dev.mxj.testing.SyncBuilders.CAROL;
import static dev.mxj.testing.SyncBuilders.id;
import static dev.mxj.testing.SyncBuilders.json;
import static dev.mxj.testing.SyncBuilders.obj;
import static dev.mxj.testing.SyncBuilders.receipt;
import static dev.mxj.testing.SyncBuilders.room;
import static dev.mxj.testing.SyncBuilders.roomEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Threads in the main timeline (hidden replies, the root's summary) and in a thread's timeline; receipts. */
class TimelineThreadsTest {
    private final Related.Checked main = Related.model(Scope.main(), ALICE, "10");
    private final Related.Checked thread = Related.model(Scope.thread(id("root")), ALICE, "10");

    private ThreadInfo summary() {
        return main.item("root").aggregations().thread().orElseThrow();
    }

    @Test
    void theMainTimelineHidesRepliesAndTheRootCarriesTheSummary() {
        main.follow(main.model.reset(List.of(text("root", ALICE, 1), text("other", CAROL, 2)), false));
        assertTrue(main.item("root").aggregations().thread().isEmpty());
        List<TimelineDiff> diffs = main.follow(main.model.append(List.of(threadReply("t1", BOB, 3, "root"),
                threadReply("t2", CAROL, 4, "root"))));
        assertEquals(List.of(new TimelineDiff.Set(0, main.item("root"))), diffs, "the root changes, no row is added");
        assertEquals(List.of("$root", "$other"), main.ids());
        ThreadInfo info = summary();
        assertEquals(2, info.replies());
        assertEquals(id("t2"), info.latestReply().orElseThrow().eventId().orElseThrow());
        assertTrue(info.participated(), "ALICE sent the root");
        assertEquals(2, info.unread());

        main.follow(main.model.append(List.of(edit("e", CAROL, 5, "t2", "edited reply"))));
        assertTrue(summary().latestReply().orElseThrow().isEdited(), "an edit of the latest reply reaches the root");
        main.follow(main.model.append(List.of(redaction("x", CAROL, 6, "t2"))));
        assertEquals(1, summary().replies(), "a redacted reply leaves the thread");
        assertEquals(id("t1"), summary().latestReply().orElseThrow().eventId().orElseThrow());
    }

    @Test
    void aThreadTimelineShowsTheRootAndItsRepliesOnly() {
        thread.follow(thread.model.reset(List.of(text("root", ALICE, 1), text("other", CAROL, 2),
                threadReply("t1", BOB, 3, "root"), threadReply("elsewhere", BOB, 4, "other")), false));
        assertEquals(List.of("$root", "$t1"), thread.ids());
        List<TimelineDiff> diffs = thread.follow(thread.model.append(List.of(text("main", BOB, 5),
                threadReply("t2", CAROL, 6, "root"), reaction("r", ALICE, 7, "t1", "👍"))));
        assertEquals(List.of("$root", "$t1", "$t2"), thread.ids());
        assertInstanceOf(TimelineDiff.Set.class, diffs.get(0), "the reaction updates t1 (and the root's summary)");
        assertEquals(List.of(ALICE), thread.item("t1").aggregations().reactions().get(0).senders());
        assertEquals(id("root"), thread.item("t2").aggregations().threadRoot().orElseThrow());
    }

    @Test
    void repliesOlderThanTheirRootArePrependedByPagination() {
        thread.follow(thread.model.reset(List.of(threadReply("t3", BOB, 3, "root")), true));
        thread.follow(thread.model.prepend(List.of(text("root", ALICE, 1), threadReply("t1", BOB, 2, "root")), false));
        assertEquals(List.of("$root", "$t1", "$t3"), thread.ids());
        assertEquals(2, thread.item("root").aggregations().thread().orElseThrow().replies());
    }

    @Test
    void unreadRepliesCountAfterTheOwnReceiptOfTheThreadOrAnOwnReply() {
        main.follow(main.model.reset(List.of(text("root", BOB, 1), threadReply("t1", BOB, 2, "root"),
                threadReply("t2", CAROL, 3, "root"), threadReply("t3", BOB, 4, "root")), false));
        assertEquals(3, summary().unread());
        assertFalse(summary().participated());

        main.follow(main.model.receipts(List.of(receipt(ALICE, "t1", "m.read", Optional.of("$root"), 10))));
        assertEquals(2, summary().unread(), "a threaded receipt on t1 marks t1 read");
        main.follow(main.model.receipts(List.of(receipt(ALICE, "t3", "m.read", Optional.of("main"), 11))));
        assertEquals(2, summary().unread(), "a main-timeline receipt does not read the thread");
        main.follow(main.model.receipts(List.of(receipt(ALICE, "t2", "m.read.private", Optional.empty(), 12))));
        assertEquals(1, summary().unread(), "an unthreaded (private) receipt reads every thread up to it");

        main.follow(main.model.append(List.of(threadReply("mine", ALICE, 5, "root"))));
        assertEquals(0, summary().unread(), "an own reply is an implicit receipt");
        assertTrue(summary().participated());
        main.follow(main.model.append(List.of(threadReply("t5", CAROL, 6, "root"))));
        assertEquals(1, summary().unread());
    }

    @Test
    void receiptsSitOnTheItemTheyNameOrTheNearestShownOneBefore() {
        main.follow(main.model.reset(List.of(text("a", BOB, 1), text("b", CAROL, 2),
                reaction("r", BOB, 3, "a", "👍"), threadReply("t", BOB, 4, "b")), false));
        List<TimelineDiff> diffs = main.follow(main.model.receipts(List.of(
                receipt(BOB, "r", "m.read", Optional.empty(), 20),
                receipt(CAROL, "a", "m.read", Optional.of("main"), 21),
                receipt(CAROL, "t", "m.read", Optional.of("$b"), 22))));
        assertEquals(2, diffs.size());
        assertEquals(List.of(BOB), main.item("b").aggregations().readReceipts().stream().map(Receipt::userId).toList(),
                "BOB's receipt names a hidden reaction: it sits on b, the shown event before it");
        assertEquals(List.of(CAROL), main.item("a").aggregations().readReceipts().stream()
                .map(Receipt::userId).toList(), "CAROL's threaded receipt belongs to the thread, not here");

        main.follow(main.model.receipts(List.of(receipt(CAROL, "b", "m.read", Optional.of("main"), 30))));
        assertEquals(List.of(), main.item("a").aggregations().readReceipts(), "a newer receipt of a user moves");
        assertEquals(2, main.item("b").aggregations().readReceipts().size());

        Related.Checked inThread = Related.model(Scope.thread(id("b")), ALICE, "10");
        inThread.follow(inThread.model.reset(List.of(text("b", CAROL, 2), threadReply("t", BOB, 4, "b")), false));
        inThread.follow(inThread.model.receipts(List.of(receipt(CAROL, "t", "m.read", Optional.of("$b"), 22),
                receipt(BOB, "b", "m.read", Optional.of("main"), 23))));
        assertEquals(List.of(CAROL), inThread.item("t").aggregations().readReceipts().stream()
                .map(Receipt::userId).toList());
        assertEquals(List.of(), inThread.item("b").aggregations().readReceipts(), "main receipts are not the thread's");
    }

    @Test
    void theReceiptTargetIsTheNewestEventOfAnotherUserNotYetRead() {
        main.follow(main.model.reset(List.of(text("a", BOB, 1), text("b", CAROL, 2)), false));
        assertEquals(Optional.of(id("b")), main.model.receiptTarget());
        main.follow(main.model.receipts(List.of(receipt(ALICE, "b", "m.read", Optional.of("main"), 5))));
        assertEquals(Optional.empty(), main.model.receiptTarget(), "already read");
        main.follow(main.model.append(List.of(threadReply("t", BOB, 3, "a"))));
        assertEquals(Optional.empty(), main.model.receiptTarget(), "a thread reply is not the main timeline's");
        main.follow(main.model.append(List.of(text("c", BOB, 4), text("d", ALICE, 5))));
        assertEquals(Optional.empty(), main.model.receiptTarget(), "an own event is read");

        thread.follow(thread.model.reset(List.of(text("root", BOB, 1), threadReply("t1", CAROL, 2, "root")), false));
        assertEquals(Optional.of(id("t1")), thread.model.receiptTarget());
    }

    @Test
    void aBundledSummaryCountsTheRepliesSeenSinceItsLatestEvent() {
        RoomEvent latest = threadReply("t2", BOB, 2, "root");
        RoomEvent root = roomEvent(obj("type", "m.room.message", "event_id", "$root", "sender", BOB.value(),
                "origin_server_ts", RelatedEvents.TS, "content", obj("msgtype", "m.text", "body", "root"),
                "unsigned", obj("m.relations", obj("m.thread", obj("count", 7, "current_user_participated", true,
                        "latest_event", latest.raw().tree())))));
        main.follow(main.model.reset(List.of(root), false));
        assertEquals(7, summary().replies());
        assertEquals(id("t2"), summary().latestReply().orElseThrow().eventId().orElseThrow());
        assertTrue(summary().participated());

        main.follow(main.model.append(List.of(threadReply("t3", CAROL, 3, "root"))));
        assertEquals(8, summary().replies());
        assertEquals(Optional.of(id("t3")), summary().latestReply().flatMap(TimelineItem.Event::eventId));
    }

    @Test
    void localEchoesOfThreadRepliesBelongToTheirThread() {
        main.follow(main.model.reset(List.of(text("root", BOB, 1)), false));
        thread.follow(thread.model.reset(List.of(text("root", BOB, 1)), false));
        LocalEcho echo = new LocalEcho(room(1), "txn1", "m.room.message", json(obj("msgtype", "m.text",
                "body", "hi", "m.relates_to", obj("rel_type", "m.thread", "event_id", "$root"))), Optional.empty(),
                new SendState.Pending(), Instant.EPOCH);
        assertEquals(List.of(), main.follow(main.model.upsertLocal(echo)), "not the main timeline's");
        thread.follow(thread.model.upsertLocal(echo));
        assertEquals(List.of("$root", "local"), thread.ids());
    }
}
