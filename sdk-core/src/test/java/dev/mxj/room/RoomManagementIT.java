package dev.mxj.room;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.event.FullyReadContent;
import dev.mxj.event.RoomJoinRulesContent;
import dev.mxj.event.RoomServerAclContent;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.testing.RawClient;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Room management against a real Dendrite, with two users. */
@ExtendWith(DendriteExtension.class)
class RoomManagementIT {

    @Test
    void createsWithOptionsJoinsByAliasAndSeesStateAfterSync(Dendrite dendrite, TestUser alice, TestUser bob) {
        String local = "it" + System.nanoTime();
        RoomAlias alias = RoomAlias.of("#" + local + ":" + dendrite.serverName());
        try (MatrixClient me = client(dendrite, alice); MatrixClient other = client(dendrite, bob)) {
            Room room = await(me.rooms().create(CreateRoomRequest.builder().preset(Preset.PUBLIC_CHAT)
                    .name("IT Pub").topic("Happy hour").aliasLocalpart(local).userPowerLevel(id(bob), 50).build()));
            assertFalse(room.isStored());

            await(me.sync().syncOnce());
            RoomInfo info = me.rooms().room(room.roomId()).orElseThrow().info();
            assertEquals(Optional.of("IT Pub"), info.name());
            assertEquals(Optional.of("Happy hour"), info.topic());
            assertEquals(Optional.of(alias), info.canonicalAlias());
            assertEquals(Optional.of(RoomJoinRulesContent.PUBLIC), info.joinRule());

            assertEquals(room.roomId(), await(other.rooms().join(alias)).roomId());
            await(other.sync().syncOnce());
            assertEquals(50, other.rooms().room(room.roomId()).orElseThrow().powerLevels().orElseThrow()
                    .level(id(bob)));
        }
    }

    @Test
    void membershipInviteKickBanUnbanLeaveForget(Dendrite dendrite, TestUser alice, TestUser bob) {
        try (MatrixClient me = client(dendrite, alice); MatrixClient other = client(dendrite, bob)) {
            Room room = await(me.rooms().create(CreateRoomRequest.builder().preset(Preset.PRIVATE_CHAT).build()));
            RawJson topic = RawJson.parse("{\"topic\":\"no\"}");
            MatrixApiException outsider = failure(other.rooms().roomById(room.roomId()).sendState("m.room.topic", "", topic));
            assertEquals(ErrorCode.FORBIDDEN, outsider.errorCode());

            await(room.invite(id(bob), Optional.of("come")));
            await(other.rooms().join(room.roomId()));
            await(room.kick(id(bob), Optional.of("out")));
            await(room.ban(id(bob), Optional.of("gone")));
            // A first (full) sync leaves out rooms one has left or been banned from: ask the server.
            assertEquals(Optional.of("ban"), await(room.stateEvent("m.room.member", bob.userId()))
                    .orElseThrow().string("membership"));
            await(room.unban(id(bob), Optional.empty()));
            await(room.invite(id(bob), Optional.empty()));
            await(other.rooms().join(room.roomId()));
            Room theirs = other.rooms().roomById(room.roomId());
            await(theirs.leave(Optional.of("bye")));
            await(theirs.forget());
            assertEquals(Optional.of("leave"), await(room.stateEvent("m.room.member", bob.userId()))
                    .orElseThrow().string("membership"));
        }
    }

    @Test
    void stateSettersRoundTrip(Dendrite dendrite, TestUser alice, TestUser bob) {
        try (MatrixClient me = client(dendrite, alice)) {
            Room room = await(me.rooms().create(CreateRoomRequest.builder().build()));
            RoomAlias alias = RoomAlias.of("#st" + System.nanoTime() + ":" + dendrite.serverName());
            await(me.rooms().createAlias(alias, room.roomId()));
            await(room.setName("Name"));
            await(room.setTopic("Topic"));
            await(room.setJoinRules(new RoomJoinRulesContent(RoomJoinRulesContent.KNOCK, List.of())));
            await(room.setHistoryVisibility("joined"));
            await(room.setGuestAccess("forbidden"));
            await(room.setCanonicalAlias(Optional.of(alias), List.of()));
            await(room.setUserPowerLevel(id(bob), 42));
            EventId pinned = await(room.setPinnedEvents(List.of()));
            await(room.setPinnedEvents(List.of(pinned)));
            await(room.setServerAcl(new RoomServerAclContent(false, List.of("*"), List.of("evil.example"))));
            await(room.enableEncryption());

            await(me.sync().syncOnce());
            RoomInfo info = me.rooms().room(room.roomId()).orElseThrow().info();
            assertEquals(Optional.of("Name"), info.name());
            assertEquals(Optional.of("Topic"), info.topic());
            assertEquals(Optional.of("knock"), info.joinRule());
            assertEquals(Optional.of("joined"), info.historyVisibility());
            assertEquals(Optional.of(alias), info.canonicalAlias());
            assertTrue(info.isEncrypted());
            assertEquals(42, me.rooms().room(room.roomId()).orElseThrow().powerLevels().orElseThrow().level(id(bob)));
            assertEquals(List.of("evil.example"), await(room.stateEvent("m.room.server_acl", "")).orElseThrow().strings("deny"));
            assertEquals(List.of(pinned.value()), await(room.stateEvent("m.room.pinned_events", "")).orElseThrow().strings("pinned"));
            assertEquals(Optional.of("forbidden"), await(room.stateEvent("m.room.guest_access", "")).orElseThrow().string("guest_access"));
        }
    }

    @Test
    void aliasesAndTheDirectory(Dendrite dendrite, TestUser alice) {
        try (MatrixClient me = client(dendrite, alice)) {
            String name = "Directory" + System.nanoTime();
            Room room = await(me.rooms().create(CreateRoomRequest.builder().preset(Preset.PUBLIC_CHAT).name(name).build()));
            RoomAlias alias = RoomAlias.of("#dir" + System.nanoTime() + ":" + dendrite.serverName());

            await(me.rooms().createAlias(alias, room.roomId()));
            assertEquals(room.roomId(), await(me.rooms().resolveAlias(alias)).orElseThrow().roomId());
            assertTrue(await(room.aliases()).contains(alias));
            await(me.rooms().deleteAlias(alias));
            assertEquals(Optional.empty(), await(me.rooms().resolveAlias(alias)));

            await(room.setDirectoryVisibility(Visibility.PUBLIC));
            assertEquals(Visibility.PUBLIC, await(room.directoryVisibility()));
            PublicRoomsPage page = await(me.rooms().publicRooms(PublicRoomsFilter.builder().searchTerm(name).build()));
            assertEquals(List.of(room.roomId()), page.rooms().stream().map(PublicRoom::roomId).toList());
            await(room.setDirectoryVisibility(Visibility.PRIVATE));
            assertEquals(Visibility.PRIVATE, await(room.directoryVisibility()));
        }
    }

    @Test
    void upgradesFollowsTheTombstoneAndCreatesDirectChats(Dendrite dendrite, TestUser alice, TestUser bob) {
        try (MatrixClient me = client(dendrite, alice); MatrixClient other = client(dendrite, bob)) {
            Room room = await(me.rooms().create(CreateRoomRequest.builder().preset(Preset.PUBLIC_CHAT).build()));
            await(other.rooms().join(room.roomId()));
            RoomId next = await(room.upgrade("10"));
            assertEquals(next, await(other.rooms().followTombstone(room.roomId())).roomId());

            Room dm = await(me.rooms().createDirect(id(bob)));
            assertEquals(List.of(dm.roomId()), await(me.rooms().directRooms()).get(id(bob)));
        }
    }

    @Test
    void receiptsMarkersAndTypingReachTheOtherUser(Dendrite dendrite, TestUser alice, TestUser bob) {
        try (MatrixClient me = client(dendrite, alice); MatrixClient other = client(dendrite, bob)) {
            Room room = await(me.rooms().create(CreateRoomRequest.builder().preset(Preset.PUBLIC_CHAT).build()));
            await(other.rooms().join(room.roomId()));
            EventId event = EventId.of(new RawClient(dendrite.baseUrl(), bob.userId(), bob.accessToken())
                    .send(room.roomId().value(), "hello"));

            await(room.sendReceipt(ReceiptType.READ, event, Optional.empty()));
            await(room.setReadMarkers(event, Optional.empty(), Optional.empty()));
            await(room.sendTyping(true, Duration.ofSeconds(30)));
            await(room.reportEvent(event, Optional.of("test report"), Optional.of(-50)));

            await(other.sync().syncOnce());
            Room seen = other.rooms().room(room.roomId()).orElseThrow();
            assertTrue(seen.receipts().stream().anyMatch(r -> r.userId().equals(id(alice)) && r.eventId().equals(event)),
                    () -> "receipts: " + seen.receipts());
            assertEquals(List.of(id(alice)), seen.typing());
            assertEquals(Optional.of(new FullyReadContent(event)),
                    await(me.account().roomAccountData(room.roomId(), FullyReadContent.class)));
        }
    }

    static MatrixClient client(Dendrite dendrite, TestUser user) {
        MemorySessionStore store = new MemorySessionStore();
        store.saveSession(Session.of(dendrite.baseUrl(), UserId.of(user.userId()), DeviceId.of(user.deviceId()),
                user.accessToken()));
        return MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).sessionStore(store).build();
    }

    static UserId id(TestUser user) {
        return UserId.of(user.userId());
    }

    static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }

    static MatrixApiException failure(CompletableFuture<?> future) {
        CompletionException e = assertThrows(CompletionException.class, () -> await(future));
        assertTrue(e.getCause() instanceof MatrixApiException, () -> "expected MatrixApiException, was " + e.getCause());
        return (MatrixApiException) e.getCause();
    }
}
