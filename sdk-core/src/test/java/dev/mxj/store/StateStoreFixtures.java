package dev.mxj.store;

import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Hero;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.Tombstone;
import dev.mxj.room.UnreadCounts;
import dev.mxj.testing.SyncBuilders.SyncBuilder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mxj.testing.SyncBuilders.ALICE;
import static dev.mxj.testing.SyncBuilders.BOB;
import static dev.mxj.testing.SyncBuilders.CAROL;
import static dev.mxj.testing.SyncBuilders.basic;
import static dev.mxj.testing.SyncBuilders.id;
import static dev.mxj.testing.SyncBuilders.member;
import static dev.mxj.testing.SyncBuilders.memberEvent;
import static dev.mxj.testing.SyncBuilders.message;
import static dev.mxj.testing.SyncBuilders.obj;
import static dev.mxj.testing.SyncBuilders.presence;
import static dev.mxj.testing.SyncBuilders.receipt;
import static dev.mxj.testing.SyncBuilders.room;
import static dev.mxj.testing.SyncBuilders.roomChanges;
import static dev.mxj.testing.SyncBuilders.roomName;
import static dev.mxj.testing.SyncBuilders.stripped;
import static dev.mxj.testing.SyncBuilders.sync;
import static dev.mxj.testing.SyncBuilders.toDevice;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sync data for the state store contracts, and a way to read back all a store holds to compare it. */
final class StateStoreFixtures {
    static final RoomId JOINED = room(1);
    static final RoomId INVITED = room(2);
    static final List<String> STATE_TYPES = List.of("m.room.name", "m.room.topic", "m.room.member");
    static final List<String> ACCOUNT_TYPES = List.of("m.direct", "m.push_rules", "m.tag", "m.fully_read");
    static final List<UserId> USERS = List.of(ALICE, BOB, CAROL);

    private StateStoreFixtures() {
    }

    /** A room info with every field set, so a store that drops one is caught. */
    static RoomInfo fullInfo(RoomId roomId) {
        MxcUri avatar = MxcUri.of("mxc://example.org/avatar1");
        return RoomInfo.empty(roomId, Membership.JOIN).toBuilder()
                .name(Optional.of("Full room")).topic(Optional.of("Everything, set"))
                .avatarUrl(Optional.of(avatar)).canonicalAlias(Optional.of(RoomAlias.of("#full:example.org")))
                .altAliases(List.of(RoomAlias.of("#alt:example.org"), RoomAlias.of("#alt2:example.net")))
                .joinRule(Optional.of("invite")).historyVisibility(Optional.of("shared"))
                .encryptionAlgorithm(Optional.of("m.megolm.v1.aes-sha2")).roomVersion("10")
                .roomType(Optional.of(RoomInfo.SPACE))
                .tombstone(Optional.of(new Tombstone("moved on", room(99))))
                .joinedMemberCount(2).invitedMemberCount(1)
                .heroes(List.of(new Hero(BOB, Optional.of("Bob"), Optional.of(avatar)),
                        new Hero(CAROL, Optional.empty(), Optional.empty())))
                .unread(new UnreadCounts(5, 2)).threadUnread(Map.of(id("thread1"), new UnreadCounts(3, 1)))
                .latestEventId(Optional.of(id("e3"))).latestActivityTs(1_700_000_123_456L)
                .build();
    }

    /** One sync with every part: a joined room with everything, an invite, and global data. */
    static SyncBuilder everything(String token) {
        return sync(token)
                .room(roomChanges(fullInfo(JOINED))
                        .state(roomName("name1", "Full room"), memberEvent("m1", ALICE, Membership.JOIN, "Alice"),
                                memberEvent("m2", BOB, Membership.JOIN, "Bob"))
                        .timeline(message("e1", ALICE, "hello"), message("e2", BOB, "hi"),
                                message("e3", ALICE, "how are you?"))
                        .limited(Optional.of("prev1"))
                        .members(member(ALICE, Membership.JOIN, "Alice"), member(BOB, Membership.JOIN, "Bob"))
                        .accountData(basic("m.tag", obj("tags", obj("u.work", obj("order", 0.5)))))
                        .typing(BOB)
                        .receipts(receipt(ALICE, "e3", "m.read", Optional.of("main"), 1000),
                                receipt(BOB, "e2", "m.read", Optional.empty(), 900),
                                receipt(BOB, "e2", "m.read.private", Optional.empty(), 950)))
                .room(roomChanges(RoomInfo.empty(INVITED, Membership.INVITE))
                        .stripped(stripped("m.room.name", "", CAROL, obj("name", "Come in")),
                                stripped("m.room.member", ALICE.value(), CAROL, obj("membership", "invite"))))
                .accountData(basic("m.direct", obj(CAROL.value(), List.of(INVITED.value()))),
                        basic("m.push_rules", obj("global", obj())))
                .presence(ALICE, presence("online"))
                .presence(CAROL, presence("unavailable"))
                .toDevice(toDevice("m.room_key_request", CAROL, obj("n", 1)),
                        toDevice("m.dummy", BOB, obj("n", 2)));
    }

    /**
     * Everything {@code store} holds about {@code rooms} and the fixtures' keys, with unordered
     * answers as sets, for comparing two stores or one store at two times.
     */
    static Map<String, Object> dump(StateStore store, List<RoomId> rooms) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("token", store.syncToken());
        all.put("rooms", new HashSet<>(store.rooms()));
        all.put("filter", store.filterId("filter"));
        all.put("toDevice", store.toDeviceInbox());
        for (String type : ACCOUNT_TYPES) {
            all.put("accountData " + type, store.accountData(type));
        }
        for (UserId user : USERS) {
            all.put("presence " + user, store.presence(user));
        }
        for (RoomId roomId : rooms) {
            String r = roomId.value() + " ";
            all.put(r + "info", store.room(roomId));
            for (String type : STATE_TYPES) {
                all.put(r + "state " + type, new HashSet<>(store.stateEvents(roomId, type)));
            }
            all.put(r + "stripped", store.strippedState(roomId));
            all.put(r + "members", new HashSet<>(store.members(roomId)));
            all.put(r + "timeline", store.latestEvents(roomId, 1_000));
            all.put(r + "gaps", store.gaps(roomId));
            all.put(r + "receipts", new HashSet<>(store.receipts(roomId)));
            all.put(r + "typing", store.typing(roomId));
            for (String type : ACCOUNT_TYPES) {
                all.put(r + "accountData " + type, store.roomAccountData(roomId, type));
            }
        }
        return all;
    }

    /** Fails on the first part where {@code actual} differs from {@code expected}, naming it. */
    static void assertSameContents(Map<String, Object> expected, Map<String, Object> actual) {
        for (Map.Entry<String, Object> part : expected.entrySet()) {
            assertEquals(part.getValue(), actual.get(part.getKey()), part.getKey());
        }
        assertEquals(expected.keySet(), actual.keySet());
    }

    /** The event IDs of stored events, in order ("-" for an event without one). */
    static List<String> ids(List<StoredEvent> events) {
        List<String> out = new ArrayList<>();
        for (StoredEvent stored : events) {
            out.add(stored.event().raw().string("event_id").orElse("-"));
        }
        return out;
    }
}
