package dev.mxj.relations;

import dev.mxj.event.RoomEvent;
import org.junit.jupiter.api.Test;

import dev.mxj.id.EventId;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.mxj.testing.RelatedEvents.event;
import static dev.mxj.testing.SyncBuilders.ALICE;
import static dev.mxj.testing.SyncBuilders.BOB;
import static dev.mxj.testing.SyncBuilders.obj;
import static dev.mxj.testing.SyncBuilders.roomEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reply fallbacks, intentional mentions and thread summaries. */
class RelationHelpersTest {
    @Test
    void plainFallbackIsStripped() {
        assertEquals("my reply", ReplyFallbacks.stripPlain("> <@a:x> original\n> second line\n\nmy reply"));
        assertEquals("line\n> not a fallback", ReplyFallbacks.stripPlain("line\n> not a fallback"));
        assertEquals("", ReplyFallbacks.stripPlain("> only quote"));
    }

    @Test
    void htmlFallbackIsStripped() {
        String html = "<mx-reply><blockquote><a href=\"x\">In reply to</a> <b>hi</b></blockquote></mx-reply>"
                + "<p>reply</p>";
        assertEquals("<p>reply</p>", ReplyFallbacks.stripHtml(html));
        assertEquals("<p>plain</p>", ReplyFallbacks.stripHtml("<p>plain</p>"));
    }

    @Test
    void inReplyToIgnoresThreadFallbacks() {
        RoomEvent reply = event("r", "m.room.message", ALICE, 1, obj("msgtype", "m.text", "body", "x",
                "m.relates_to", obj("m.in_reply_to", obj("event_id", "$q"))));
        assertEquals(Optional.of(EventId.of("$q")), Replies.inReplyTo(reply));
        RoomEvent threaded = event("t", "m.room.message", ALICE, 1, obj("msgtype", "m.text", "body", "x",
                "m.relates_to", obj("rel_type", "m.thread", "event_id", "$root", "is_falling_back", true,
                        "m.in_reply_to", obj("event_id", "$last"))));
        assertTrue(Replies.inReplyTo(threaded).isEmpty());
        assertTrue(Replies.inReplyTo(event("p", "m.room.message", ALICE, 1, obj("body", "x"))).isEmpty());
    }

    @Test
    void mentionsAreParsedAndBadIdsSkipped() {
        RoomEvent e = event("m", "m.room.message", ALICE, 1, obj("msgtype", "m.text", "body", "hi",
                "m.mentions", obj("user_ids", List.of(BOB.value(), "not-an-id", 5), "room", true)));
        Mentions mentions = Mentions.of(e).orElseThrow();
        assertEquals(Set.of(BOB), mentions.userIds());
        assertTrue(mentions.room());
        assertTrue(mentions.mentions(BOB));
        assertFalse(mentions.mentions(ALICE));
        RoomEvent none = event("n", "m.room.message", ALICE, 1, obj("msgtype", "m.text", "body", "hi"));
        assertTrue(Mentions.of(none).isEmpty());
    }

    @Test
    void threadSummaryFromBundledAggregation() {
        RoomEvent root = roomEvent(obj("type", "m.room.message", "event_id", "$root", "sender", ALICE.value(),
                "origin_server_ts", 1, "content", obj("msgtype", "m.text", "body", "root"),
                "unsigned", obj("m.relations", obj("m.thread", obj("count", 7, "current_user_participated", true,
                        "latest_event", obj("type", "m.room.message", "event_id", "$last"))))));
        ThreadSummary summary = ThreadSummary.of(root).orElseThrow();
        assertEquals(7, summary.count());
        assertTrue(summary.currentUserParticipated());
        assertEquals("$last", summary.latestEvent().orElseThrow().string("event_id").orElseThrow());
        assertTrue(ThreadSummary.of(event("x", "m.room.message", ALICE, 1, obj("body", "x"))).isEmpty());
    }
}
