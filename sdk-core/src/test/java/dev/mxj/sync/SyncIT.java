package dev.mxj.sync;

import dev.mxj.event.RoomEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Membership;
import dev.mxj.room.Receipt;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;
import dev.mxj.store.RoomChanges;
import dev.mxj.testing.RawClient;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.mxj.sync.LoopFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sync against a real Dendrite: rooms in every membership, state, timeline, ephemeral data, presence, account data. */
@ExtendWith(DendriteExtension.class)
class SyncIT {
    @Test
    void invitedJoinedAndLeftRooms(Dendrite dendrite, TestUser alice, TestUser bob) {
        RawClient bobRaw = DendriteSync.raw(dendrite, bob);
        try (DendriteSync me = new DendriteSync(dendrite, alice)) {
            me.client.sync().syncOnce().join();
            RoomId room = RoomId.of(bobRaw.createRoom(Map.of("name", "Invite test", "topic", "About invites",
                    "preset", "private_chat")));
            bobRaw.invite(room.value(), alice.userId());
            me.syncUntil(() -> me.hasMembership(room, Membership.INVITE), "the invite");
            RoomInfo invited = me.store.room(room).orElseThrow();
            assertEquals(Optional.of("Invite test"), invited.name());
            assertFalse(me.store.strippedState(room).isEmpty());
            assertEquals(UserId.of(bob.userId()), invited.heroes().get(0).userId(), "the inviter names the invite");

            me.raw.join(room.value());
            me.syncUntil(() -> me.hasMembership(room, Membership.JOIN), "the join");
            RoomInfo joined = me.store.room(room).orElseThrow();
            assertEquals(Optional.of("Invite test"), joined.name());
            assertEquals(Optional.of("About invites"), joined.topic());
            assertEquals(Optional.of("invite"), joined.joinRule());
            assertEquals(Optional.of("shared"), joined.historyVisibility());
            assertEquals(2, joined.joinedMemberCount());
            assertFalse(joined.roomVersion().isEmpty());
            assertTrue(joined.latestEventId().isPresent());
            assertEquals(Optional.of(Membership.JOIN), me.store.member(room, me.userId).map(RoomMember::membership));

            me.raw.leave(room.value());
            me.syncUntil(() -> me.hasMembership(room, Membership.LEAVE), "the leave");
        }
    }

    @Test
    void stateTimelineTypingAndReceipts(Dendrite dendrite, TestUser alice, TestUser bob) {
        RawClient bobRaw = DendriteSync.raw(dendrite, bob);
        try (DendriteSync me = new DendriteSync(dendrite, alice)) {
            RoomId room = me.joinRoomOf(bobRaw, Map.of("preset", "private_chat"));
            bobRaw.sendState(room.value(), "m.room.topic", "", Map.of("topic", "Fresh topic"));
            EventId message = EventId.of(bobRaw.send(room.value(), "hello alice"));
            me.syncUntil(() -> me.store.event(room, message).isPresent(), "the message");
            assertEquals(Optional.of("Fresh topic"), me.store.room(room).orElseThrow().topic());
            assertTrue(me.store.stateEvent(room, "m.room.topic", "").isPresent());
            assertEquals(Optional.of(message), me.store.room(room).orElseThrow().latestEventId());
            RoomEvent stored = (RoomEvent) me.store.event(room, message).orElseThrow().event();
            assertEquals(UserId.of(bob.userId()), stored.sender());

            bobRaw.typing(room.value(), true);
            me.syncUntil(() -> me.store.typing(room).contains(UserId.of(bob.userId())), "bob typing");
            bobRaw.typing(room.value(), false);
            me.syncUntil(() -> me.store.typing(room).isEmpty(), "bob no longer typing");

            bobRaw.receipt(room.value(), "m.read", message.value(), null);
            me.syncUntil(() -> hasReceipt(me, room, bob, message), "bob's read receipt");
        }
    }

    @Test
    void presenceAndAccountData(Dendrite dendrite, TestUser alice, TestUser bob) {
        RawClient bobRaw = DendriteSync.raw(dendrite, bob);
        try (DendriteSync me = new DendriteSync(dendrite, alice)) {
            RoomId room = me.joinRoomOf(bobRaw, Map.of("preset", "private_chat"));
            bobRaw.setPresence("online", "Testing mxj");
            UserId bobId = UserId.of(bob.userId());
            me.syncUntil(() -> me.store.presence(bobId).flatMap(p -> p.string("status_msg"))
                    .equals(Optional.of("Testing mxj")), "bob's presence");

            me.raw.accountData("org.mxj.test.global", Map.of("answer", 42L));
            me.raw.roomAccountData(room.value(), "m.tag", Map.of("tags", Map.of("u.work", Map.of("order", 0.5))));
            me.syncUntil(() -> me.store.accountData("org.mxj.test.global").isPresent()
                    && me.store.roomAccountData(room, "m.tag").isPresent(), "account data");
            assertEquals(Optional.of(42L), me.store.accountData("org.mxj.test.global").orElseThrow().raw()
                    .object("content").flatMap(c -> c.longValue("answer")));
        }
    }

    @Test
    void theLoopDeliversNewEventsAndStopsPromptly(Dendrite dendrite, TestUser alice, TestUser bob) throws Exception {
        RawClient bobRaw = DendriteSync.raw(dendrite, bob);
        try (DendriteSync me = new DendriteSync(dendrite, alice)) {
            RoomId room = me.joinRoomOf(bobRaw, Map.of("preset", "private_chat"));
            List<RoomChanges> updates = new CopyOnWriteArrayList<>();
            me.client.sync().onRoomUpdate(updates::add);
            me.client.sync().start();
            await(() -> me.client.sync().state() instanceof SyncState.Running, "Running");
            Thread.sleep(500);
            EventId message = EventId.of(bobRaw.send(room.value(), "live"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (updates.stream().noneMatch(u -> u.timeline().stream()
                    .anyMatch(e -> e instanceof RoomEvent r && r.eventId().equals(message)))) {
                assertTrue(System.nanoTime() < deadline, "the loop did not deliver the message");
                Thread.sleep(20);
            }
            long start = System.nanoTime();
            me.client.sync().stop().get(5, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "stop() waited for the long poll");
        }
    }

    private static boolean hasReceipt(DendriteSync me, RoomId room, TestUser user, EventId event) {
        for (Receipt r : me.store.receipts(room)) {
            if (r.userId().value().equals(user.userId()) && r.eventId().equals(event) && r.receiptType().equals("m.read")) {
                return true;
            }
        }
        return false;
    }
}
