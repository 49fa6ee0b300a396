package dev.mxj.event;

import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Receipt;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.mxj.event.SpecExamples.content;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ephemeral, presence and account data examples, field by field. */
class AccountDataExamplesTest {
    @Test
    void typing() {
        assertEquals(List.of(UserId.of("@alice:matrix.org"), UserId.of("@bob:example.com")),
                content("m.typing", TypingContent.class).userIds());
    }

    @Test
    void receipts() {
        EventId event = EventId.of("$1435641916114394fHBLK:matrix.org");
        assertEquals(List.of(
                new Receipt(event, "m.read", UserId.of("@erikj:jki.re"), Optional.empty(), 1436451550453L),
                new Receipt(event, "m.read.private", UserId.of("@self:example.org"), Optional.empty(), 1661384801651L)),
                content("m.receipt", ReceiptContent.class).receipts());
    }

    @Test
    void threadedReceiptsKeepTheirThread() {
        ReceiptContent c = (ReceiptContent) EventRegistry.defaults().parseContent("m.receipt", SpecExamples.json(
                "{'$e:x.org': {'m.read': {'@a:x.org': {'ts': 5, 'thread_id': 'main'}, '@b:x.org': {}}}}"));
        assertEquals(List.of(
                new Receipt(EventId.of("$e:x.org"), "m.read", UserId.of("@a:x.org"), Optional.of("main"), 5),
                new Receipt(EventId.of("$e:x.org"), "m.read", UserId.of("@b:x.org"), Optional.empty(), 0)),
                c.receipts());
    }

    @Test
    void presence() {
        assertEquals(new PresenceContent("online", Optional.empty(), Optional.of(MxcUri.of("mxc://localhost/wefuiwegh8742w")),
                Optional.of(2478593L), Optional.of(false), Optional.of("Making cupcakes")),
                content("m.presence", PresenceContent.class));
    }

    @Test
    void direct() {
        DirectContent c = content("m.direct", DirectContent.class);
        assertEquals(Map.of(UserId.of("@bob:example.com"),
                List.of(RoomId.of("!abcdefgh:example.com"), RoomId.of("!hgfedcba:example.com"))), c.rooms());
        assertEquals(Optional.of(UserId.of("@bob:example.com")), c.userOf(RoomId.of("!hgfedcba:example.com")));
        assertEquals(Optional.empty(), c.userOf(RoomId.of("!other:example.com")));
    }

    @Test
    void fullyReadTagsIgnored() {
        assertEquals(EventId.of("$someplace:example.org"), content("m.fully_read", FullyReadContent.class).eventId());
        assertEquals(Map.of("u.work", new TagContent.Tag(Optional.of(0.9))), content("m.tag", TagContent.class).tags());
        assertEquals(Set.of(UserId.of("@someone:example.org")),
                content("m.ignored_user_list", IgnoredUserListContent.class).ignoredUsers());
    }

    @Test
    void pushRulesAreKeptRaw() {
        PushRulesContent c = content("m.push_rules", PushRulesContent.class);
        assertTrue(c.global().array("override").size() >= 2);
        assertEquals(".m.rule.master", c.global().array("override").get(0).string("rule_id").orElseThrow());
    }
}
