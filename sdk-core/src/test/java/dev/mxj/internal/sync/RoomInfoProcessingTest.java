package dev.mxj.internal.sync;

import dev.mxj.event.EventRegistry;
import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Hero;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;
import dev.mxj.room.Tombstone;
import dev.mxj.room.UnreadCounts;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mxj.internal.sync.SyncJson.TS;
import static dev.mxj.internal.sync.SyncJson.list;
import static dev.mxj.internal.sync.SyncJson.member;
import static dev.mxj.internal.sync.SyncJson.message;
import static dev.mxj.internal.sync.SyncJson.obj;
import static dev.mxj.internal.sync.SyncJson.roomState;
import static dev.mxj.internal.sync.SyncJson.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a joined or left room's {@link RoomInfo} and members follow from the previous info and the new state. */
class RoomInfoProcessingTest {
    static final UserId ME = UserId.of("@me:example.org");
    static final UserId ALICE = UserId.of("@alice:example.org");
    static final UserId BOB = UserId.of("@bob:example.org");
    static final RoomId ROOM = RoomId.of("!room:example.org");

    /** A read view over a map, standing for the store before the response. */
    static final class MapView implements RoomReadView {
        final Map<RoomId, RoomInfo> rooms = new HashMap<>();
        final Map<UserId, RoomMember> members = new HashMap<>();

        @Override
        public Optional<RoomInfo> room(RoomId roomId) {
            return Optional.ofNullable(rooms.get(roomId));
        }

        @Override
        public Optional<RoomMember> member(RoomId roomId, UserId userId) {
            return Optional.ofNullable(members.get(userId));
        }
    }

    private final MapView view = new MapView();

    private StateChanges process(SyncJson json) {
        return new SyncProcessor(ME, view).process(new SyncResponseParser(EventRegistry.defaults()).parse(json.json()));
    }

    private RoomChanges only(SyncJson json) {
        List<RoomChanges> rooms = process(json).rooms();
        assertEquals(1, rooms.size());
        return rooms.get(0);
    }

    @Test
    void roomLevelStateFillsTheInfo() {
        RoomInfo info = only(sync("s1").join(ROOM, r -> r.state(
                roomState("$c", "m.room.create", obj("room_version", "11", "type", "m.space")),
                roomState("$n", "m.room.name", obj("name", "Lobby")),
                roomState("$t", "m.room.topic", obj("topic", "Say hi")),
                roomState("$a", "m.room.avatar", obj("url", "mxc://example.org/abc")),
                roomState("$al", "m.room.canonical_alias", obj("alias", "#lobby:example.org",
                        "alt_aliases", list("#hall:example.org", "not an alias"))),
                roomState("$j", "m.room.join_rules", obj("join_rule", "knock")),
                roomState("$h", "m.room.history_visibility", obj("history_visibility", "joined")),
                roomState("$e", "m.room.encryption", obj("algorithm", "m.megolm.v1.aes-sha2")),
                SyncJson.state("$x", "m.room.name", "not empty", ALICE, TS, obj("name", "ignored")),
                roomState("$ts", "m.room.tombstone", obj("body", "moved", "replacement_room", "!new:example.org")))))
                .info();
        assertEquals("11", info.roomVersion());
        assertTrue(info.isSpace());
        assertEquals(Optional.of("Lobby"), info.name());
        assertEquals(Optional.of("Say hi"), info.topic());
        assertEquals(Optional.of(MxcUri.of("mxc://example.org/abc")), info.avatarUrl());
        assertEquals(Optional.of(RoomAlias.of("#lobby:example.org")), info.canonicalAlias());
        assertEquals(List.of(RoomAlias.of("#hall:example.org")), info.altAliases());
        assertEquals(Optional.of("knock"), info.joinRule());
        assertEquals(Optional.of("joined"), info.historyVisibility());
        assertEquals(Optional.of("m.megolm.v1.aes-sha2"), info.encryptionAlgorithm());
        assertEquals(Optional.of(new Tombstone("moved", RoomId.of("!new:example.org"))), info.tombstone());
    }

    @Test
    void timelineStateComesAfterStateAndIsUpsertedToo() {
        RoomChanges room = only(sync("s1").join(ROOM, r -> r
                .state(roomState("$n1", "m.room.name", obj("name", "Old")))
                .timeline(message("$m1", ALICE, TS, "hi"), roomState("$n2", "m.room.name", obj("name", "New")))));
        assertEquals(Optional.of("New"), room.info().name());
        assertEquals(List.of("$n1", "$n2"), room.state().stream().map(e -> e.eventId().value()).toList());
    }

    @Test
    void stateAfterReplacesStateAndTimelineForTheState() {
        RoomChanges room = only(sync("s1").join(ROOM, r -> r
                .state(roomState("$n1", "m.room.name", obj("name", "Before")))
                .stateAfter(roomState("$n3", "m.room.name", obj("name", "After")))
                .timeline(roomState("$n2", "m.room.name", obj("name", "Middle")))));
        assertEquals(Optional.of("After"), room.info().name());
        assertEquals(List.of("$n3"), room.state().stream().map(e -> e.eventId().value()).toList());
        assertEquals(1, room.timeline().size());
    }

    @Test
    void anIncrementalSyncKeepsWhatItDoesNotChange() {
        view.rooms.put(ROOM, RoomInfo.empty(ROOM, Membership.JOIN).toBuilder().name(Optional.of("Kept"))
                .encryptionAlgorithm(Optional.of("m.megolm.v1.aes-sha2")).joinedMemberCount(7)
                .heroes(List.of(new Hero(ALICE, Optional.of("Alice"), Optional.empty())))
                .unread(new UnreadCounts(3, 1)).latestActivityTs(TS + 100).build());
        RoomInfo info = only(sync("s2").join(ROOM, r -> r
                .timeline(message("$m", BOB, TS + 50, "late"), roomState("$t", "m.room.topic", obj("topic", "T")))
                .state(roomState("$e", "m.room.encryption", obj()))))
                .info();
        assertEquals(Optional.of("Kept"), info.name());
        assertEquals(Optional.of("T"), info.topic());
        assertEquals(Optional.of("m.megolm.v1.aes-sha2"), info.encryptionAlgorithm(), "encryption cannot be turned off");
        assertEquals(7, info.joinedMemberCount());
        assertEquals(new UnreadCounts(3, 1), info.unread());
        assertEquals("Alice", info.heroes().get(0).displayName().orElseThrow());
        assertEquals(Optional.of(EventId.of("$t")), info.latestEventId());
        assertEquals(TS + 100, info.latestActivityTs(), "activity never goes back in time");
    }

    @Test
    void emptyNameRemovesTheName() {
        view.rooms.put(ROOM, RoomInfo.empty(ROOM, Membership.JOIN).toBuilder().name(Optional.of("Old")).build());
        assertEquals(Optional.empty(), only(sync("s2").join(ROOM, r -> r.timeline(
                roomState("$n", "m.room.name", obj("name", ""))))).info().name());
    }

    @Test
    void membersAndHeroesWithTheirProfiles() {
        view.members.put(BOB, new RoomMember(BOB, Membership.JOIN, Optional.of("Bob (stored)"), Optional.empty()));
        RoomChanges room = only(sync("s1").join(ROOM, r -> r
                .summary(List.of(ME, ALICE, BOB), 3, 1)
                .state(member("$m1", ME, "join", "Me"), member("$m2", ALICE, "join", "Alice"),
                        member("$m3", UserId.of("@carol:example.org"), "invite", null))
                .timeline(member("$m4", ALICE, "join", "Alice Liddell"))));
        assertEquals(List.of(
                new RoomMember(ME, Membership.JOIN, Optional.of("Me"), Optional.empty()),
                new RoomMember(ALICE, Membership.JOIN, Optional.of("Alice Liddell"), Optional.empty()),
                new RoomMember(UserId.of("@carol:example.org"), Membership.INVITE, Optional.empty(), Optional.empty())),
                room.members(), "the latest event per member, in first-seen order");
        assertEquals(List.of(new Hero(ALICE, Optional.of("Alice Liddell"), Optional.empty()),
                new Hero(BOB, Optional.of("Bob (stored)"), Optional.empty())), room.info().heroes(),
                "heroes never include the user; profiles from this sync, else from the store");
        assertEquals(3, room.info().joinedMemberCount());
        assertEquals(1, room.info().invitedMemberCount());
    }

    @Test
    void heroProfilesFollowMemberChangesWhenTheSummaryIsUnchanged() {
        view.rooms.put(ROOM, RoomInfo.empty(ROOM, Membership.JOIN).toBuilder()
                .heroes(List.of(new Hero(ALICE, Optional.of("Alice"), Optional.empty()))).build());
        RoomInfo info = only(sync("s2").join(ROOM, r -> r.timeline(member("$m", ALICE, "join", "Queen Alice"))))
                .info();
        assertEquals(List.of(new Hero(ALICE, Optional.of("Queen Alice"), Optional.empty())), info.heroes());
    }

    @Test
    void aNewRoomWithoutSummaryCountsItsMembers() {
        RoomInfo info = only(sync("s1").join(ROOM, r -> r.state(member("$1", ME, "join", null),
                member("$2", ALICE, "join", null), member("$3", BOB, "invite", null)))).info();
        assertEquals(2, info.joinedMemberCount());
        assertEquals(1, info.invitedMemberCount());
    }

    @Test
    void leftAndBannedRooms() {
        RoomChanges left = only(sync("s1").leave(ROOM, r -> r.timeline(member("$l", ME, "leave", null))));
        assertEquals(Membership.LEAVE, left.info().membership());
        RoomChanges banned = only(sync("s1").leave(ROOM, r -> r.timeline(member("$b", ME, "ban", null))));
        assertEquals(Membership.BAN, banned.info().membership());
    }

    @Test
    void limitedTimelineCarriesItsToken() {
        RoomChanges room = only(sync("s2").join(ROOM, r -> r.timeline(message("$m", ALICE, TS, "x")).limited("p1")));
        assertTrue(room.limited());
        assertEquals(Optional.of("p1"), room.prevBatch());
    }
}
