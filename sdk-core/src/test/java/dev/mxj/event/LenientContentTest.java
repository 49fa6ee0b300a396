package dev.mxj.event;

import dev.mxj.id.EventId;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.ServerName;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mxj.event.SpecExamples.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the spec is lenient, or servers and clients send odd but harmless content, parsing succeeds. */
class LenientContentTest {
    private static <T> T parse(String type, String content, Class<T> expected) {
        return assertInstanceOf(expected, EventRegistry.defaults().parseContent(type, json(content)));
    }

    @Test
    void nameAndTopicAbsentNullOrEmptyMeanUnset() {
        for (String content : List.of("{}", "{'name': null}", "{'name': ''}")) {
            assertEquals(Optional.empty(), parse("m.room.name", content, RoomNameContent.class).nonEmpty(), content);
        }
        for (String content : List.of("{}", "{'topic': null}", "{'topic': ''}", "{'topic': '', 'm.topic': 5}")) {
            RoomTopicContent topic = parse("m.room.topic", content, RoomTopicContent.class);
            assertEquals(Optional.empty(), topic.topic(), content);
            assertEquals(List.of(), topic.text());
        }
    }

    @Test
    void memberAvatarUrlsThatAreNotMxcAreAbsent() {
        for (String url : List.of("null", "''", "'https://example.org/a.png'", "'mxc://'")) {
            RoomMemberContent m = parse("m.room.member", "{'membership': 'join', 'displayname': null, 'avatar_url': "
                    + url + "}", RoomMemberContent.class);
            assertEquals(Optional.empty(), m.avatarUrl(), url);
            assertEquals(Optional.empty(), m.displayName());
        }
    }

    @Test
    void powerLevelsAcceptStringsAndFloatsAsOldRoomVersionsDo() {
        RoomPowerLevelsContent p = parse("m.room.power_levels", "{'ban': ' +050 ', 'kick': '000100', 'invite': '-10', "
                + "'redact': 50.57, 'users_default': -0.5, 'state_default': 1e20, 'events_default': null, "
                + "'users': {'@a:x.org': '75', 'not-a-user': 100}, 'events': {'m.room.name': 1.0}}",
                RoomPowerLevelsContent.class);
        assertEquals(50, p.ban());
        assertEquals(100, p.kick());
        assertEquals(-10, p.invite());
        assertEquals(50, p.redact(), "floats are truncated");
        assertEquals(0, p.usersDefault());
        assertEquals(RoomPowerLevelsContent.MAX, p.stateDefault(), "clamped to 2^53-1");
        assertEquals(0, p.eventsDefault(), "null is the default");
        assertEquals(Map.of(UserId.of("@a:x.org"), 75L), p.users(), "keys that are not user IDs are skipped");
        assertEquals(Map.of("m.room.name", 1L), p.events());
    }

    @Test
    void powerLevelsDefaultsAreTheSpecs() {
        RoomPowerLevelsContent p = parse("m.room.power_levels", "{}", RoomPowerLevelsContent.class);
        assertEquals(RoomPowerLevelsContent.defaults(), p);
        assertEquals(List.of(50L, 0L, 0L, 50L, 50L, 50L, 0L),
                List.of(p.ban(), p.eventsDefault(), p.invite(), p.kick(), p.redact(), p.stateDefault(), p.usersDefault()));
        assertEquals(Optional.of(50L), p.notification("room"));
        assertEquals(Optional.empty(), p.notification("other"));
    }

    @Test
    void createDefaultsAndCreatorsByRoomVersion() {
        UserId sender = UserId.of("@sender:x.org");
        RoomCreateContent v1 = parse("m.room.create", "{'creator': '@old:x.org'}", RoomCreateContent.class);
        assertEquals("1", v1.roomVersion());
        assertTrue(v1.federate());
        assertEquals(List.of(UserId.of("@old:x.org")), v1.creators(sender));

        RoomCreateContent v11 = parse("m.room.create", "{'room_version': '11', 'creator': '@old:x.org', "
                + "'additional_creators': ['@b:x.org']}", RoomCreateContent.class);
        assertEquals(List.of(sender), v11.creators(sender), "v11 uses the sender");
        assertEquals(List.of(), v11.additionalCreators(), "not read before v12");

        RoomCreateContent v12 = parse("m.room.create", "{'room_version': '12', 'type': 'm.space', "
                + "'additional_creators': ['@b:x.org', 'junk', 7, '@sender:x.org']}", RoomCreateContent.class);
        assertEquals(List.of(sender, UserId.of("@b:x.org")), v12.creators(sender));
        assertEquals(Optional.of("m.space"), v12.roomType());
        assertTrue(v12.hasPrivilegedCreators());
    }

    @Test
    void invalidAliasesServerNamesAndConditionsAreSkipped() {
        RoomCanonicalAliasContent alias = parse("m.room.canonical_alias",
                "{'alias': '', 'alt_aliases': ['#a:x.org', 'b', 3]}", RoomCanonicalAliasContent.class);
        assertEquals(Optional.empty(), alias.alias());
        assertEquals(List.of(RoomAlias.of("#a:x.org")), alias.altAliases());

        RoomJoinRulesContent rules = parse("m.room.join_rules", "{'join_rule': 'restricted', 'allow': "
                + "[5, {}, {'type': 'm.room_membership', 'room_id': 'bad'}, {'type': 'x'}]}", RoomJoinRulesContent.class);
        assertEquals(List.of(new RoomJoinRulesContent.AllowCondition("m.room_membership", Optional.empty()),
                new RoomJoinRulesContent.AllowCondition("x", Optional.empty())), rules.allow());

        SpaceChildContent removed = parse("m.space.child", "{}", SpaceChildContent.class);
        assertFalse(removed.isPartOfSpace(), "an empty child event removes the child");
        SpaceChildContent odd = parse("m.space.child", "{'via': ['x.org', 'not a server'], 'order': '"
                + "o".repeat(51) + "', 'suggested': 'yes'}", SpaceChildContent.class);
        assertEquals(List.of(ServerName.of("x.org")), odd.via());
        assertEquals(Optional.empty(), odd.order(), "an order over 50 characters is ignored");
        assertFalse(odd.suggested());
        assertEquals(Optional.empty(), parse("m.space.child", "{'via': ['x.org'], 'order': 'caf\u00e9'}",
                SpaceChildContent.class).order(), "an order outside printable ASCII is ignored");

        RoomServerAclContent acl = parse("m.room.server_acl", "{'allow_ip_literals': 'no'}", RoomServerAclContent.class);
        assertEquals(new RoomServerAclContent(true, List.of(), List.of()), acl);
    }

    @Test
    void messagesReadRelationsAndIgnoreHalfFormattedBodies() {
        RoomMessageContent edit = parse("m.room.message", "{'msgtype': 'm.text', 'body': '* hi', 'format': "
                + "'org.matrix.custom.html', 'm.new_content': {'msgtype': 'm.text', 'body': 'hi'}, "
                + "'m.relates_to': {'rel_type': 'm.replace', 'event_id': '$orig'}}", RoomMessageContent.class);
        assertTrue(edit.isEdit());
        assertEquals(Optional.of(EventId.of("$orig")), edit.relatesTo().orElseThrow().eventId());
        assertEquals("hi", edit.newContent().orElseThrow().string("body").orElseThrow());
        assertEquals(new MessageType.Text("* hi", Optional.empty()), edit.message(), "format without formatted_body");

        RoomMessageContent thread = parse("m.room.message", "{'msgtype': 'm.text', 'body': 'b', 'm.relates_to': "
                + "{'rel_type': 'm.thread', 'event_id': '$root', 'is_falling_back': true, "
                + "'m.in_reply_to': {'event_id': '$last'}}}", RoomMessageContent.class);
        Relation r = thread.relatesTo().orElseThrow();
        assertTrue(r.is(Relation.THREAD));
        assertEquals(Optional.of(EventId.of("$last")), r.inReplyTo());
        assertTrue(r.fallingBack());

        RoomMessageContent badRelation = parse("m.room.message", "{'msgtype': 'm.text', 'body': 'b', "
                + "'m.relates_to': 'nope'}", RoomMessageContent.class);
        assertEquals(Optional.empty(), badRelation.relatesTo());
    }

    @Test
    void mediaInfoWithWrongTypesIsReadAsAbsent() {
        RoomMessageContent image = parse("m.room.message", "{'msgtype': 'm.image', 'body': 'cat.png', "
                + "'filename': 'IMG_1.png', 'url': 'https://x.org/cat.png', 'info': {'size': '1234', 'w': 10.5, "
                + "'h': 20, 'mimetype': 5}}", RoomMessageContent.class);
        MessageType.Media media = assertInstanceOf(MessageType.Media.class, image.message());
        assertEquals(Optional.empty(), media.url());
        assertEquals(new MediaInfo(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(20L),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), media.info());
        assertEquals(Optional.of("cat.png"), media.caption(), "a body that differs from filename is a caption");

        RoomMessageContent encrypted = parse("m.room.message", "{'msgtype': 'm.file', 'body': 'f', "
                + "'file': {'url': 'mxc://x.org/f', 'v': 'v2'}}", RoomMessageContent.class);
        assertEquals("v2", ((MessageType.Media) encrypted.message()).file().orElseThrow().string("v").orElseThrow());
    }

    @Test
    void otherLenientFields() {
        assertEquals("", parse("m.room.tombstone", "{'replacement_room': '!new:x.org'}", RoomTombstoneContent.class)
                .body());
        assertEquals(List.of(UserId.of("@a:x.org")),
                parse("m.typing", "{'user_ids': ['@a:x.org', 'b', null]}", TypingContent.class).userIds());
        assertEquals(Optional.of(1500L), parse("m.presence", "{'presence': 'online', 'last_active_ago': 1500.7}",
                PresenceContent.class).lastActiveAgo());
        assertEquals(Map.of(UserId.of("@a:x.org"), List.of(RoomId.of("!r:x.org"))), parse("m.direct",
                "{'@a:x.org': ['!r:x.org', 'junk'], 'junk': ['!s:x.org'], '@b:x.org': 'x'}", DirectContent.class).rooms());
        assertEquals(Map.of(), parse("m.tag", "{}", TagContent.class).tags());
        assertEquals(Optional.empty(), parse("m.tag", "{'tags': {'m.favourite': {'order': '0.5'}}}", TagContent.class)
                .tags().get("m.favourite").order());
        RoomEncryptedContent withRelation = parse("m.room.encrypted", "{'algorithm': 'm.megolm.v1.aes-sha2', "
                + "'ciphertext': 'c', 'm.relates_to': {'rel_type': 'm.thread', 'event_id': '$root'}}",
                RoomEncryptedContent.class);
        assertTrue(withRelation.relatesTo().orElseThrow().is(Relation.THREAD));
    }

    @Test
    void unknownTypesAndFieldsSurvive() {
        RawJson event = json("{'type': 'org.example.thing', 'event_id': '$e', 'sender': '@a:x.org', "
                + "'origin_server_ts': 5, 'content': {'x': 1}, 'new_top_level': true}");
        RoomEvent parsed = (RoomEvent) EventRegistry.defaults().parseRoomEvent(event);
        assertEquals(new UnknownContent("org.example.thing", json("{'x': 1}")), parsed.content());
        assertTrue(parsed.raw().bool("new_top_level").orElseThrow());

        RawJson message = json("{'type': 'm.room.message', 'event_id': '$e', 'sender': '@a:x.org', "
                + "'content': {'msgtype': 'm.text', 'body': 'hi', 'm.mentions': {'room': true}}}");
        RoomEvent withExtra = (RoomEvent) EventRegistry.defaults().parseRoomEvent(message);
        assertInstanceOf(RoomMessageContent.class, withExtra.content());
        assertTrue(withExtra.raw().object("content").orElseThrow().object("m.mentions").orElseThrow()
                .bool("room").orElseThrow(), "fields mxj does not model stay in the raw event");
    }
}
