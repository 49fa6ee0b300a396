package dev.mxj.room;

import dev.mxj.event.EventRegistry;
import dev.mxj.event.RoomCreateContent;
import dev.mxj.event.RoomPowerLevelsContent;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spec's power level rules ("Permissions", m.room.power_levels, room version 12), one test per rule. */
class PowerLevelsTest {
    private static final UserId CREATOR = UserId.of("@creator:x.org");
    private static final UserId CO_CREATOR = UserId.of("@co:x.org");
    private static final UserId ADMIN = UserId.of("@admin:x.org");
    private static final UserId MOD = UserId.of("@mod:x.org");
    private static final UserId MOD2 = UserId.of("@mod2:x.org");
    private static final UserId USER = UserId.of("@user:x.org");

    private static RawJson json(String singleQuoted) {
        return RawJson.parse(singleQuoted.replace('\'', '"'));
    }

    private static RoomCreateContent create(String content) {
        return (RoomCreateContent) EventRegistry.defaults().parseContent(RoomCreateContent.TYPE, json(content));
    }

    private static RoomPowerLevelsContent levels(String content) {
        return (RoomPowerLevelsContent) EventRegistry.defaults().parseContent(RoomPowerLevelsContent.TYPE, json(content));
    }

    /** A v11 room with admin 100, two moderators at 50 and a user at 0. */
    private static PowerLevels v11(String extra) {
        return PowerLevels.of(create("{'room_version': '11'}"), CREATOR, Optional.of(levels(
                "{'users': {'@admin:x.org': 100, '@mod:x.org': 50, '@mod2:x.org': 50}" + extra + "}")));
    }

    private static PowerLevels v12(Optional<RoomPowerLevelsContent> levels) {
        return PowerLevels.of(create("{'room_version': '12', 'additional_creators': ['@co:x.org']}"), CREATOR, levels);
    }

    @Test
    void withoutAPowerLevelsEventTheCreatorHas100AndOthers0() {
        PowerLevels p = PowerLevels.of(create("{'room_version': '11'}"), CREATOR, Optional.empty());
        assertEquals(100, p.level(CREATOR));
        assertEquals(0, p.level(USER));
        PowerLevels v1 = PowerLevels.of(create("{'creator': '@creator:x.org'}"), ADMIN, Optional.empty());
        assertEquals(100, v1.level(CREATOR), "room versions 1 to 10 name the creator in content.creator");
        assertEquals(0, v1.level(ADMIN));
    }

    @Test
    void withoutAPowerLevelsEventTheDefaultsApply() {
        PowerLevels p = PowerLevels.of(create("{'room_version': '11'}"), CREATOR, Optional.empty());
        assertTrue(p.canSendState(CREATOR, "m.room.topic"), "state_default 50");
        assertFalse(p.canSendState(USER, "m.room.topic"));
        assertTrue(p.canSendMessage(USER, "m.room.message"), "events_default 0");
        assertTrue(p.canInvite(USER), "invite 0");
        assertFalse(p.canKick(USER, CREATOR));
        assertTrue(p.canKick(CREATOR, USER), "kick 50");
        assertTrue(p.canBan(CREATOR, USER), "ban 50");
        assertFalse(p.canRedact(USER, CREATOR), "redact 50");
        assertTrue(p.canRedact(CREATOR, USER));
        assertFalse(p.canNotifyRoom(USER), "notifications.room 50");
        assertTrue(p.canNotifyRoom(CREATOR));
    }

    @Test
    void usersNotListedHaveUsersDefault() {
        assertEquals(0, v11("").level(USER));
        assertEquals(10, v11(", 'users_default': 10").level(USER));
    }

    @Test
    void eventsOverridesEventsDefaultForMessagesAndStateDefaultForState() {
        PowerLevels p = v11(", 'events': {'m.room.name': 100, 'm.reaction': 10}, 'events_default': 5, 'users_default': 5");
        assertTrue(p.canSendMessage(USER, "m.room.message"), "events_default 5");
        assertFalse(p.canSendMessage(USER, "m.reaction"), "events says 10");
        assertTrue(p.canSendState(MOD, "m.room.topic"), "state_default 50");
        assertFalse(p.canSendState(MOD, "m.room.name"), "events says 100");
        assertTrue(p.canSendState(ADMIN, "m.room.name"));
    }

    @Test
    void invitingNeedsTheInviteLevel() {
        PowerLevels p = v11(", 'invite': 50");
        assertTrue(p.canInvite(MOD));
        assertFalse(p.canInvite(USER));
    }

    @Test
    void kickingNeedsTheKickLevelAndAHigherLevelThanTheTarget() {
        PowerLevels p = v11("");
        assertTrue(p.canKick(MOD, USER));
        assertFalse(p.canKick(MOD, MOD2), "equal levels cannot kick each other");
        assertFalse(p.canKick(MOD, ADMIN));
        assertTrue(p.canKick(ADMIN, MOD));
        assertFalse(v11(", 'kick': 60").canKick(MOD, USER), "below the kick level");
    }

    @Test
    void banningNeedsTheBanLevelAndAHigherLevelThanTheTarget() {
        PowerLevels p = v11(", 'ban': 60");
        assertFalse(p.canBan(MOD, USER), "below the ban level");
        assertTrue(p.canBan(ADMIN, MOD));
        assertFalse(v11("").canBan(MOD, MOD2), "equal levels cannot ban each other");
    }

    @Test
    void unbanningNeedsBothTheKickAndBanLevels() {
        assertFalse(v11(", 'kick': 60").canUnban(MOD, USER));
        assertFalse(v11(", 'ban': 60").canUnban(MOD, USER));
        assertTrue(v11("").canUnban(MOD, USER));
    }

    @Test
    void redactingOnesOwnEventsNeedsOnlyTheRightToSendRedactions() {
        assertTrue(v11("").canRedact(USER, USER));
        assertFalse(v11(", 'events': {'m.room.redaction': 10}").canRedact(USER, USER));
    }

    @Test
    void redactingOthersEventsNeedsTheRedactLevel() {
        assertFalse(v11("").canRedact(USER, MOD));
        assertTrue(v11("").canRedact(MOD, USER));
        assertTrue(v11("").canRedact(MOD, ADMIN), "unlike kicks, the target's level does not matter");
        assertFalse(v11(", 'redact': 60").canRedact(MOD, USER));
        assertFalse(v11(", 'events': {'m.room.redaction': 60}").canRedact(MOD, USER));
    }

    @Test
    void notifyingTheRoomNeedsNotificationsRoom() {
        PowerLevels p = v11(", 'notifications': {'room': 20}, 'users_default': 20");
        assertTrue(p.canNotifyRoom(USER));
        assertFalse(v11("").canNotifyRoom(USER));
    }

    @Test
    void beforeVersion12ACreatorHasOnlyTheLevelThePowerLevelsEventGives() {
        PowerLevels p = v11("");
        assertEquals(0, p.level(CREATOR));
        assertTrue(p.isCreator(CREATOR));
        assertTrue(p.canKick(MOD, CREATOR));
        assertTrue(p.canChangeLevel(ADMIN, CREATOR, 50));
    }

    @Test
    void fromVersion12CreatorsHaveInfinitePower() {
        PowerLevels p = v12(Optional.of(levels("{'users': {'@admin:x.org': 100, '@creator:x.org': 0}}")));
        assertEquals(List.of(CREATOR, CO_CREATOR), p.creators());
        assertEquals(PowerLevels.INFINITE, p.level(CREATOR), "a users entry for a creator is ignored");
        assertEquals(PowerLevels.INFINITE, p.level(CO_CREATOR), "additional creators too");
        assertTrue(p.canSendState(CO_CREATOR, "m.room.tombstone"));
        assertTrue(p.canKick(CREATOR, ADMIN));
    }

    @Test
    void fromVersion12CreatorsCannotBeKickedBannedOrDemoted() {
        PowerLevels p = v12(Optional.of(levels("{'users': {'@admin:x.org': " + RoomPowerLevelsContent.MAX + "}}")));
        assertFalse(p.canKick(ADMIN, CREATOR));
        assertFalse(p.canBan(ADMIN, CO_CREATOR));
        assertFalse(p.canKick(CREATOR, CO_CREATOR), "not even by another creator");
        assertFalse(p.canBan(CO_CREATOR, CREATOR));
        assertFalse(p.canChangeLevel(ADMIN, CREATOR, 0));
        assertFalse(p.canChangeLevel(CREATOR, CO_CREATOR, 0));
    }

    @Test
    void fromVersion12WithoutAPowerLevelsEventCreatorsAreInfiniteAndOthers0() {
        PowerLevels p = v12(Optional.empty());
        assertEquals(PowerLevels.INFINITE, p.level(CO_CREATOR));
        assertEquals(0, p.level(USER));
        assertTrue(p.canChangeLevel(CREATOR, USER, 100));
    }

    @Test
    void levelsCanBeRaisedUpToOnesOwnOnlyForUsersBelowOne() {
        PowerLevels p = v11("");
        assertTrue(p.canChangeLevel(ADMIN, USER, 100), "up to one's own level");
        assertFalse(p.canChangeLevel(ADMIN, USER, 101));
        assertTrue(v11(", 'users_default': 100").canChangeLevel(ADMIN, USER, 0),
                "a user without an entry is added, not changed");
        PowerLevels twoAdmins = PowerLevels.of(create("{'room_version': '11'}"), CREATOR,
                Optional.of(levels("{'users': {'@admin:x.org': 100, '@user:x.org': 100}}")));
        assertFalse(twoAdmins.canChangeLevel(ADMIN, USER, 50), "another user's entry at one's own level");
        assertTrue(twoAdmins.canChangeLevel(ADMIN, ADMIN, 50), "one may demote oneself");
        PowerLevels guarded = v11(", 'events': {'m.room.power_levels': 100}");
        assertFalse(guarded.canChangeLevel(MOD, USER, 10), "needs the level to send m.room.power_levels");
        assertTrue(p.canChangeLevel(MOD, USER, 10), "which is state_default, 50, unless events says otherwise");
    }

    @Test
    void theSpecsSuggestedRoles() {
        PowerLevels p = v11(", 'events': {'m.room.power_levels': 100}");
        assertEquals(PowerLevels.Role.USER, p.role(USER));
        assertEquals(PowerLevels.Role.MODERATOR, p.role(MOD));
        assertEquals(PowerLevels.Role.ADMINISTRATOR, p.role(ADMIN));
        assertEquals(PowerLevels.Role.CREATOR, v12(Optional.empty()).role(CREATOR));
    }
}
