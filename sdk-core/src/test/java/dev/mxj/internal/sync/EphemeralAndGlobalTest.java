package dev.mxj.internal.sync;

import dev.mxj.event.BasicEvent;
import dev.mxj.event.EventRegistry;
import dev.mxj.event.ToDeviceEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Receipt;
import dev.mxj.room.UnreadCounts;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.mxj.internal.sync.SyncJson.obj;
import static dev.mxj.internal.sync.SyncJson.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ephemeral room data, per-room and global account data, presence, to-device and the E2EE fields. */
class EphemeralAndGlobalTest {
    private static final UserId ME = UserId.of("@me:example.org");
    private static final UserId ALICE = UserId.of("@alice:example.org");
    private static final UserId BOB = UserId.of("@bob:example.org");
    private static final RoomId ROOM = RoomId.of("!room:example.org");

    private static StateChanges process(SyncJson json) {
        return new SyncProcessor(ME, RoomReadView.EMPTY).process(
                new SyncResponseParser(EventRegistry.defaults()).parse(json.json()));
    }

    @Test
    void typingAndReceiptsIncludingThreaded() {
        RoomChanges room = process(sync("s1").join(ROOM, r -> r
                .typing(ALICE)
                .typing(ALICE, BOB)
                .receipt("$e1", "m.read", ALICE, 10, null)
                .receipt("$e2", "m.read", BOB, 20, "$thread")
                .receipt("$e3", "m.read.private", ME, 30, "main")
                .receipt("not-an-event-id", "m.read", BOB, 40, null))).rooms().get(0);
        assertEquals(Optional.of(List.of(ALICE, BOB)), room.typing(), "the latest typing event wins");
        assertEquals(List.of(
                new Receipt(EventId.of("$e1"), "m.read", ALICE, Optional.empty(), 10),
                new Receipt(EventId.of("$e2"), "m.read", BOB, Optional.of("$thread"), 20),
                new Receipt(EventId.of("$e3"), "m.read.private", ME, Optional.of("main"), 30)), room.receipts());
    }

    @Test
    void noTypingEventMeansUnchanged() {
        RoomChanges room = process(sync("s1").join(ROOM, r -> r.receipt("$e", "m.read", ALICE, 1, null)))
                .rooms().get(0);
        assertEquals(Optional.empty(), room.typing());
        assertEquals(Optional.of(List.of()), process(sync("s1").join(ROOM, r -> r.typing())).rooms().get(0).typing(),
                "an empty typing list means nobody types any more");
    }

    @Test
    void unreadCountsPerRoomAndPerThread() {
        RoomChanges room = process(sync("s1").join(ROOM, r -> r.unread(4, 2).threadUnread("$root", 3, 1)))
                .rooms().get(0);
        assertEquals(new UnreadCounts(4, 2), room.info().unread());
        assertEquals(Map.of(EventId.of("$root"), new UnreadCounts(3, 1)), room.info().threadUnread());
    }

    @Test
    void roomAndGlobalAccountData() {
        StateChanges changes = process(sync("s1")
                .join(ROOM, r -> r.accountData("m.tag", obj("tags", obj("m.favourite", obj("order", 0.5)))))
                .accountData("m.direct", obj(ALICE.value(), List.of("!dm:example.org"))));
        assertEquals(List.of("m.tag"), changes.rooms().get(0).accountData().stream().map(BasicEvent::type).toList());
        assertEquals(List.of("m.direct"), changes.accountData().stream().map(BasicEvent::type).toList());
    }

    @Test
    void presenceKeepsTheLatestPerUser() {
        StateChanges changes = process(sync("s1").presence(ALICE, "online").presence(BOB, "offline")
                .presence(ALICE, "unavailable"));
        assertEquals("unavailable", changes.presence().get(ALICE).string("presence").orElseThrow());
        assertEquals("offline", changes.presence().get(BOB).string("presence").orElseThrow());
    }

    @Test
    void toDeviceEventsInOrder() {
        StateChanges changes = process(sync("s1")
                .toDevice(ALICE, "m.room_key_request", obj("action", "request"))
                .toDevice(BOB, "m.dummy", obj())
                .raw("extra", 1));
        assertEquals(List.of("m.room_key_request", "m.dummy"),
                changes.toDevice().stream().map(ToDeviceEvent::type).toList());
        assertEquals(ALICE, changes.toDevice().get(0).sender());
    }

    @Test
    void deviceListsAndKeyCounts() {
        StateChanges changes = process(sync("s1")
                .deviceLists(List.of(ALICE, BOB), List.of(UserId.of("@gone:example.org")))
                .oneTimeKeys("signed_curve25519", 42)
                .fallbackKeyTypes("signed_curve25519"));
        assertEquals(Set.of(ALICE, BOB), changes.deviceListsChanged());
        assertEquals(Set.of(UserId.of("@gone:example.org")), changes.deviceListsLeft());
        assertEquals(Map.of("signed_curve25519", 42L), changes.oneTimeKeysCounts());
        assertEquals(Optional.of(List.of("signed_curve25519")), changes.unusedFallbackKeyTypes());
        assertTrue(process(sync("s2")).unusedFallbackKeyTypes().isEmpty(), "absent is not an empty list");
    }
}
