package dev.mxj.event;

import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.ServerName;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.room.Membership;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mxj.event.SpecExamples.content;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state event examples, field by field. */
class StateExamplesTest {
    @Test
    void create() {
        RoomCreateContent c = content("m.room.create", RoomCreateContent.class);
        assertEquals("11", c.roomVersion());
        assertTrue(c.federate());
        assertEquals(Optional.empty(), c.roomType());
        assertEquals(new RoomCreateContent.PreviousRoom(RoomId.of("!oldroom:example.org"),
                Optional.of(EventId.of("$something:example.org"))), c.predecessor().orElseThrow());
        assertEquals(List.of(UserId.of("@example:example.org")), c.creators(UserId.of("@example:example.org")));
    }

    @Test
    void member() {
        RoomMemberContent c = content("m.room.member", RoomMemberContent.class);
        assertEquals(new RoomMemberContent(Membership.JOIN, Optional.of("Alice Margatroid"),
                Optional.of(MxcUri.of("mxc://example.org/SEsfnsuifSDFSSEF")), false,
                Optional.of("Looking for support"), Optional.empty(), Optional.empty()), c);
    }

    @Test
    void memberInviteAndKnockCarryStrippedStateThatParses() {
        for (String name : List.of("m.room.member-invite_room_state", "m.room.member-knock_room_state")) {
            RoomEvent event = SpecExamples.roomEvent(name);
            RoomMemberContent c = assertInstanceOf(RoomMemberContent.class, event.content());
            boolean invite = name.contains("invite");
            assertEquals(invite ? Membership.INVITE : Membership.KNOCK, c.membership());
            List<RawJson> stripped = event.unsigned().array(invite ? "invite_room_state" : "knock_room_state");
            StrippedStateEvent first = EventRegistry.defaults().parseStripped(stripped.get(0)).orElseThrow();
            assertEquals(new RoomNameContent("Example Room"), first.content());
            StrippedStateEvent second = EventRegistry.defaults().parseStripped(stripped.get(1)).orElseThrow();
            assertInstanceOf(RoomJoinRulesContent.class, second.content());
        }
    }

    @Test
    void memberJoinAuthorisedViaAnotherServer() {
        RoomMemberContent c = content("m.room.member-join_authorised_via_users_server", RoomMemberContent.class);
        assertEquals(Optional.of(UserId.of("@bob:other.example.org")), c.joinAuthorisedViaUsersServer());
    }

    @Test
    void memberThirdPartyInviteIsKeptRaw() {
        RoomMemberContent c = content("m.room.member-third_party_invite", RoomMemberContent.class);
        RawJson invite = c.thirdPartyInvite().orElseThrow();
        assertEquals("alice", invite.string("display_name").orElseThrow());
        assertEquals("abc123", invite.object("signed").orElseThrow().string("token").orElseThrow());
    }

    @Test
    void nameTopicAvatarAlias() {
        assertEquals("The room name", content("m.room.name", RoomNameContent.class).name());

        RoomTopicContent topic = content("m.room.topic", RoomTopicContent.class);
        assertEquals(Optional.of("An interesting room topic"), topic.topic());
        assertEquals(List.of(new TextBlock("text/html", "An <em>interesting</em> room topic"),
                new TextBlock("text/plain", "An interesting room topic")), topic.text());
        assertEquals(Optional.of("An <em>interesting</em> room topic"), topic.text(TextBlock.HTML));

        RoomAvatarContent avatar = content("m.room.avatar", RoomAvatarContent.class);
        assertEquals(Optional.of(MxcUri.of("mxc://example.org/JWEIFJgwEIhweiWJE")), avatar.url());
        assertEquals(Optional.of(394L), avatar.info().width());
        assertEquals(Optional.of(398L), avatar.info().height());
        assertEquals(Optional.of("image/jpeg"), avatar.info().mimetype());
        assertEquals(Optional.of(31037L), avatar.info().size());

        RoomCanonicalAliasContent alias = content("m.room.canonical_alias", RoomCanonicalAliasContent.class);
        assertEquals(Optional.of(RoomAlias.of("#somewhere:localhost")), alias.alias());
        assertEquals(List.of(RoomAlias.of("#somewhere:example.org"), RoomAlias.of("#myroom:example.com")),
                alias.altAliases());
    }

    @Test
    void joinRules() {
        assertEquals(new RoomJoinRulesContent("public", List.of()),
                content("m.room.join_rules", RoomJoinRulesContent.class));
        RoomJoinRulesContent restricted = content("m.room.join_rules-restricted", RoomJoinRulesContent.class);
        assertEquals(RoomJoinRulesContent.RESTRICTED, restricted.joinRule());
        assertEquals(List.of(
                new RoomJoinRulesContent.AllowCondition("m.room_membership", Optional.of(RoomId.of("!other:example.org"))),
                new RoomJoinRulesContent.AllowCondition("m.room_membership",
                        Optional.of(RoomId.of("!elsewhere:example.org")))), restricted.allow());
    }

    @Test
    void historyGuestsEncryption() {
        assertEquals("shared", content("m.room.history_visibility", RoomHistoryVisibilityContent.class)
                .historyVisibility());
        assertEquals("can_join", content("m.room.guest_access", RoomGuestAccessContent.class).guestAccess());
        assertEquals(new RoomEncryptionContent("m.megolm.v1.aes-sha2", Optional.of(604800000L), Optional.of(100L)),
                content("m.room.encryption", RoomEncryptionContent.class));
    }

    @Test
    void powerLevels() {
        RoomPowerLevelsContent c = content("m.room.power_levels", RoomPowerLevelsContent.class);
        assertEquals(new RoomPowerLevelsContent(50, Map.of("m.room.name", 100L, "m.room.power_levels", 100L), 0, 50,
                50, 50, 50, Map.of(UserId.of("@example:localhost"), 100L), 0, Map.of("room", 20L)), c);
        assertEquals(Optional.of(20L), c.notification("room"));
        assertEquals(100, c.userLevel(UserId.of("@example:localhost")));
        assertEquals(0, c.userLevel(UserId.of("@other:localhost")));
        assertEquals(100, c.requiredForState("m.room.name"));
        assertEquals(50, c.requiredForState("m.room.topic"));
        assertEquals(0, c.requiredForMessage("m.room.message"));
    }

    @Test
    void tombstoneAclPins() {
        RoomTombstoneContent tombstone = content("m.room.tombstone", RoomTombstoneContent.class);
        assertEquals(new RoomTombstoneContent("This room has been replaced", RoomId.of("!newroom:example.org")),
                tombstone);
        assertEquals(RoomId.of("!newroom:example.org"), tombstone.toTombstone().replacementRoom());

        assertEquals(new RoomServerAclContent(false, List.of("*"), List.of("*.evil.com", "evil.com")),
                content("m.room.server_acl", RoomServerAclContent.class));
        assertEquals(List.of(EventId.of("$someevent:example.org")),
                content("m.room.pinned_events", RoomPinnedEventsContent.class).pinned());
    }

    @Test
    void spaces() {
        List<ServerName> via = List.of(ServerName.of("example.org"), ServerName.of("other.example.org"));
        SpaceChildContent child = content("m.space.child", SpaceChildContent.class);
        assertEquals(new SpaceChildContent(via, Optional.of("lexicographically_compare_me"), true), child);
        assertTrue(child.isPartOfSpace());
        SpaceParentContent parent = content("m.space.parent", SpaceParentContent.class);
        assertEquals(new SpaceParentContent(via, true), parent);
        assertFalse(new SpaceParentContent(List.of(), true).isPartOfSpace());
    }
}
