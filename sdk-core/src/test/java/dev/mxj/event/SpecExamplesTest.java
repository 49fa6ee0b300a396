package dev.mxj.event;

import dev.mxj.json.RawJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.TreeSet;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Every spec example of a type mxj models parses, through its envelope, to that type's record. */
class SpecExamplesTest {
    private static final Map<String, Class<? extends KnownContent>> EXPECTED = Map.ofEntries(
            entry("m.room.create", RoomCreateContent.class),
            entry("m.room.member", RoomMemberContent.class),
            entry("m.room.member-invite_room_state", RoomMemberContent.class),
            entry("m.room.member-join_authorised_via_users_server", RoomMemberContent.class),
            entry("m.room.member-knock_room_state", RoomMemberContent.class),
            entry("m.room.member-third_party_invite", RoomMemberContent.class),
            entry("m.room.name", RoomNameContent.class),
            entry("m.room.topic", RoomTopicContent.class),
            entry("m.room.avatar", RoomAvatarContent.class),
            entry("m.room.canonical_alias", RoomCanonicalAliasContent.class),
            entry("m.room.join_rules", RoomJoinRulesContent.class),
            entry("m.room.join_rules-restricted", RoomJoinRulesContent.class),
            entry("m.room.history_visibility", RoomHistoryVisibilityContent.class),
            entry("m.room.guest_access", RoomGuestAccessContent.class),
            entry("m.room.encryption", RoomEncryptionContent.class),
            entry("m.room.power_levels", RoomPowerLevelsContent.class),
            entry("m.room.tombstone", RoomTombstoneContent.class),
            entry("m.room.server_acl", RoomServerAclContent.class),
            entry("m.room.pinned_events", RoomPinnedEventsContent.class),
            entry("m.space.child", SpaceChildContent.class),
            entry("m.space.parent", SpaceParentContent.class),
            entry("m.room.message-m.text", RoomMessageContent.class),
            entry("m.room.message-m.emote", RoomMessageContent.class),
            entry("m.room.message-m.notice", RoomMessageContent.class),
            entry("m.room.message-m.image", RoomMessageContent.class),
            entry("m.room.message-m.file", RoomMessageContent.class),
            entry("m.room.message-m.audio", RoomMessageContent.class),
            entry("m.room.message-m.video", RoomMessageContent.class),
            entry("m.room.message-m.location", RoomMessageContent.class),
            entry("m.room.message-m.server_notice", RoomMessageContent.class),
            entry("m.room.message-m.key.verification.request", RoomMessageContent.class),
            entry("m.room.redaction", RoomRedactionContent.class),
            entry("m.reaction", ReactionContent.class),
            entry("m.room.encrypted-megolm", RoomEncryptedContent.class),
            entry("m.room.encrypted-olm", RoomEncryptedContent.class),
            entry("m.sticker", StickerContent.class),
            entry("m.typing", TypingContent.class),
            entry("m.receipt", ReceiptContent.class),
            entry("m.presence", PresenceContent.class),
            entry("m.direct", DirectContent.class),
            entry("m.fully_read", FullyReadContent.class),
            entry("m.tag", TagContent.class),
            entry("m.ignored_user_list", IgnoredUserListContent.class),
            entry("m.push_rules", PushRulesContent.class));

    @Test
    void theTableCoversEveryExampleFile() {
        assertEquals(new TreeSet<>(SpecExamples.names()), new TreeSet<>(EXPECTED.keySet()));
    }

    @ParameterizedTest
    @MethodSource("dev.mxj.event.SpecExamples#names")
    void parsesToItsRecord(String name) {
        RawJson raw = SpecExamples.load(name);
        EventContent content;
        if (raw.has("event_id")) {
            RoomEvent event = SpecExamples.roomEvent(name);
            assertEquals(raw, event.raw(), "the raw event is kept whole");
            content = event.content();
        } else {
            BasicEvent event = EventRegistry.defaults().parseBasic(raw).orElseThrow();
            content = event.content();
        }
        assertInstanceOf(EXPECTED.get(name), content, name);
        assertEquals(raw.string("type").orElseThrow(), content.type());
    }
}
