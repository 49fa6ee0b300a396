package dev.mxj.sync;

import dev.mxj.event.ToDeviceEvent;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;
import dev.mxj.store.TimelineGap;
import dev.mxj.testing.RawClient;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sync against a real Dendrite: to-device, device lists, one-time key counts, a limited timeline with a gap. */
@ExtendWith(DendriteExtension.class)
class SyncDevicesIT {
    private static final Map<String, Object> ENCRYPTED = Map.of("preset", "private_chat", "initial_state",
            List.of(Map.of("type", "m.room.encryption", "state_key", "",
                    "content", Map.of("algorithm", "m.megolm.v1.aes-sha2"))));

    @Test
    void toDeviceEvents(Dendrite dendrite, TestUser alice, TestUser bob) {
        RawClient bobRaw = DendriteSync.raw(dendrite, bob);
        try (DendriteSync me = new DendriteSync(dendrite, alice)) {
            me.client.sync().syncOnce().join();
            bobRaw.sendToDevice("org.mxj.test.ping", alice.userId(), alice.deviceId(), Map.of("n", 1L));
            me.syncUntil(() -> me.store.toDeviceInbox().stream().anyMatch(e -> e.type().equals("org.mxj.test.ping")),
                    "the to-device event");
            ToDeviceEvent ping = me.store.toDeviceInbox().get(me.store.toDeviceInbox().size() - 1);
            assertEquals(UserId.of(bob.userId()), ping.sender());
        }
    }

    @Test
    void aRoomMatesNewDeviceKeysShowUpAsChanged(Dendrite dendrite, TestUser alice, TestUser bob) {
        RawClient bobRaw = DendriteSync.raw(dendrite, bob);
        UserId bobId = UserId.of(bob.userId());
        try (DendriteSync me = new DendriteSync(dendrite, alice)) {
            RoomId room = me.joinRoomOf(bobRaw, ENCRYPTED);
            assertTrue(me.store.room(room).orElseThrow().isEncrypted());
            me.seen.clear();
            bobRaw.uploadDeviceKeys(bob.deviceId());
            me.syncUntil(() -> me.seen.stream().anyMatch(c -> c.deviceListsChanged().contains(bobId)),
                    "bob in device_lists.changed");

            me.seen.clear();
            bobRaw.leave(room.value());
            me.syncUntil(() -> me.seen.stream().anyMatch(c -> c.deviceListsLeft().contains(bobId)),
                    "bob in device_lists.left after leaving the only shared room");
        }
    }

    @Test
    void aLimitedTimelineLeavesAGap(Dendrite dendrite, TestUser alice, TestUser bob) {
        RawClient bobRaw = DendriteSync.raw(dendrite, bob);
        try (DendriteSync me = new DendriteSync(dendrite, alice)) {
            me.settings = SyncSettings.defaults().withFilter(SyncFilter.defaults().withTimelineLimit(5));
            RoomId room = me.joinRoomOf(bobRaw, Map.of("preset", "private_chat"));
            for (int i = 0; i < 12; i++) {
                bobRaw.send(room.value(), "message " + i);
            }
            StateChanges changes = me.client.sync().syncOnce(me.settings).join();
            RoomChanges changed = changes.rooms().stream().filter(r -> r.info().roomId().equals(room))
                    .findFirst().orElseThrow();
            assertTrue(changed.limited(), "12 events with a limit of 5");
            assertEquals(5, changed.timeline().size());
            assertTrue(changed.prevBatch().isPresent());
            List<TimelineGap> gaps = me.store.gaps(room);
            assertFalse(gaps.isEmpty(), "the store records the gap");
            assertEquals(changed.prevBatch().get(), gaps.get(gaps.size() - 1).prevBatch());
        }
    }
}
