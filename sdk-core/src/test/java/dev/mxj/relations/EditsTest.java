package dev.mxj.relations;

import dev.mxj.event.RoomEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.mxj.testing.RelatedEvents.edit;
import static dev.mxj.testing.RelatedEvents.event;
import static dev.mxj.testing.RelatedEvents.redacted;
import static dev.mxj.testing.RelatedEvents.text;
import static dev.mxj.testing.SyncBuilders.ALICE;
import static dev.mxj.testing.SyncBuilders.BOB;
import static dev.mxj.testing.SyncBuilders.id;
import static dev.mxj.testing.SyncBuilders.obj;
import static dev.mxj.testing.SyncBuilders.roomEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditsTest {
    private final RoomEvent original = text("o", ALICE, 0, "helo");

    @Test
    void newestValidEditWinsAndHistoryIsOldestFirst() {
        RoomEvent first = edit("e1", ALICE, 10, "o", "hello");
        RoomEvent second = edit("e2", ALICE, 20, "o", "hello!");
        List<RoomEvent> events = List.of(second, first);
        assertEquals(second, Edits.latest(original, events).orElseThrow());
        assertEquals(List.of(first, second), Edits.history(original, events));
        assertEquals("hello!", Edits.currentContent(original, events).string("body").orElseThrow());
    }

    @Test
    void sameTimestampIsBrokenByEventId() {
        RoomEvent a = edit("a", ALICE, 10, "o", "A");
        RoomEvent b = edit("b", ALICE, 10, "o", "B");
        assertEquals(b, Edits.latest(original, List.of(b, a)).orElseThrow());
    }

    @Test
    void editsByOthersAreIgnored() {
        assertTrue(Edits.latest(original, List.of(edit("e", BOB, 10, "o", "hijack"))).isEmpty());
        assertEquals("helo", Edits.currentContent(original, List.of()).string("body").orElseThrow());
    }

    @Test
    void editsChangingTypeAreIgnored() {
        RoomEvent sticker = event("e", "m.sticker", ALICE, 10, obj("body", "x", "m.new_content", obj("body", "y"),
                "m.relates_to", obj("rel_type", "m.replace", "event_id", id("o").value())));
        assertFalse(Edits.isValidEdit(original, sticker));
    }

    @Test
    void editsOfStateEventsAreIgnored() {
        RoomEvent state = roomEvent(obj("type", "m.room.message", "state_key", "", "event_id", id("s").value(),
                "sender", ALICE.value(), "origin_server_ts", 1, "content", obj("msgtype", "m.text", "body", "s")));
        assertFalse(Edits.isValidEdit(state, edit("e", ALICE, 10, "s", "x")));
    }

    @Test
    void editsOfEditsAreIgnored() {
        RoomEvent e1 = edit("e1", ALICE, 10, "o", "hello");
        assertTrue(Edits.isEdit(e1));
        assertFalse(Edits.isValidEdit(e1, edit("e2", ALICE, 20, "e1", "again")));
    }

    @Test
    void editsWithoutNewContentOrRedactedAreIgnored() {
        RoomEvent bare = event("e", "m.room.message", ALICE, 10, obj("msgtype", "m.text", "body", "*",
                "m.relates_to", obj("rel_type", "m.replace", "event_id", id("o").value())));
        assertFalse(Edits.isValidEdit(original, bare));
        assertFalse(Edits.isValidEdit(original, redacted("r", "m.room.message", ALICE, 10)));
    }

    @Test
    void editsOfAnotherEventAreIgnored() {
        assertFalse(Edits.isValidEdit(original, edit("e", ALICE, 10, "other", "x")));
    }
}
