package dev.mxj.crypto.module;

import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.crypto.machine.MachineConfig;
import dev.mxj.crypto.olm.libolm.LibolmBackend;
import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.MemoryCryptoStore;
import dev.mxj.event.Decrypted;
import dev.mxj.event.DeviceTrust;
import dev.mxj.event.RoomEvent;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.UserId;
import dev.mxj.room.Room;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Optional;

import static dev.mxj.crypto.module.E2eeSteps.await;
import static dev.mxj.crypto.module.E2eeSteps.body;
import static dev.mxj.crypto.module.E2eeSteps.decryptedIn;
import static dev.mxj.crypto.module.E2eeSteps.encryptedRoom;
import static dev.mxj.crypto.module.E2eeSteps.joined;
import static dev.mxj.crypto.module.E2eeSteps.sessionOf;
import static dev.mxj.crypto.module.E2eeSteps.stored;
import static dev.mxj.crypto.module.E2eeSteps.syncUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The real OlmMachine behind mxj clients against Dendrite: keys uploaded, queried and claimed on a
 * real server, room keys over real to-device messages, Megolm events decrypted by the other client,
 * rotation when a member leaves, and a restart that loses nothing.
 */
@ExtendWith(DendriteExtension.class)
class OlmEncryptionIT {

    @Test
    void twoClientsTalkEncryptedBothWays(Dendrite dendrite, TestUser alice, TestUser bob) {
        try (MatrixClient a = client(dendrite, alice, new MemoryCryptoStore(), new MemoryStateStore());
             MatrixClient b = client(dendrite, bob, new MemoryCryptoStore(), new MemoryStateStore())) {
            Room room = encryptedRoom(a, b, bob);
            EventId hello = await(room.sendText("hello bob, this is confidential").sent());
            syncUntil(b, () -> stored(b, room.roomId(), hello).isPresent(), "bob gets alice's message");
            RoomEvent onServer = stored(b, room.roomId(), hello).orElseThrow();
            assertEquals("m.room.encrypted", onServer.type());
            assertFalse(onServer.raw().json().contains("confidential"), () -> "no plaintext on the server: " + onServer.raw().json());
            assertEquals(Optional.of("m.megolm.v1.aes-sha2"),
                    onServer.raw().object("content").flatMap(c -> c.string("algorithm")));

            Decrypted read = decryptedIn(b, room.roomId(), hello);
            assertEquals("hello bob, this is confidential", body(read));
            assertEquals(Optional.of(DeviceId.of(alice.deviceId())), read.sender().deviceId());
            assertEquals(DeviceTrust.UNVERIFIED, read.sender().trust());

            Room bobsRoom = b.rooms().roomById(room.roomId());
            EventId reply = await(bobsRoom.sendText("hi alice, confidential too").sent());
            syncUntil(a, () -> stored(a, room.roomId(), reply).isPresent(), "alice gets bob's reply");
            assertEquals("hi alice, confidential too", body(decryptedIn(a, room.roomId(), reply)));
        }
    }

    @Test
    void theRoomKeyRotatesWhenAMemberLeaves(Dendrite dendrite, TestUser alice, TestUser bob, TestUser carol) {
        try (MatrixClient a = client(dendrite, alice, new MemoryCryptoStore(), new MemoryStateStore());
             MatrixClient b = client(dendrite, bob, new MemoryCryptoStore(), new MemoryStateStore());
             MatrixClient c = client(dendrite, carol, new MemoryCryptoStore(), new MemoryStateStore())) {
            Room room = encryptedRoom(a, b, bob);
            await(room.invite(UserId.of(carol.userId()), Optional.empty()));
            await(c.rooms().join(room.roomId(), List.of()));
            syncUntil(c, () -> c.rooms().roomById(room.roomId()).isEncrypted(), "carol knows the room");
            syncUntil(a, () -> joined(a, room.roomId()) == 3, "alice sees carol");

            EventId before = await(room.sendText("carol may read this").sent());
            syncUntil(c, () -> stored(c, room.roomId(), before).isPresent(), "carol gets it");
            assertEquals("carol may read this", body(decryptedIn(c, room.roomId(), before)));

            await(c.rooms().roomById(room.roomId()).leave(Optional.empty()));
            syncUntil(a, () -> joined(a, room.roomId()) == 2, "alice sees carol leave");
            EventId after = await(room.sendText("carol must not read this").sent());
            syncUntil(b, () -> stored(b, room.roomId(), after).isPresent(), "bob gets it");
            String first = sessionOf(stored(b, room.roomId(), before).orElseThrow());
            String second = sessionOf(stored(b, room.roomId(), after).orElseThrow());
            assertNotEquals(first, second, "a new Megolm session after carol left");
            assertEquals("carol must not read this", body(decryptedIn(b, room.roomId(), after)));
        }
    }

    @Test
    void aRestartedClientKeepsItsKeysAndItsSession(Dendrite dendrite, TestUser alice, TestUser bob) {
        CryptoStore aliceKeys = new MemoryCryptoStore(); // stands for a store on disk: the module never closes it
        MemoryStateStore aliceState = new MemoryStateStore();
        try (MatrixClient b = client(dendrite, bob, new MemoryCryptoStore(), new MemoryStateStore())) {
            Room room;
            EventId first;
            try (MatrixClient a = client(dendrite, alice, aliceKeys, aliceState)) {
                room = encryptedRoom(a, b, bob);
                first = await(room.sendText("before the restart").sent());
            }
            try (MatrixClient a = client(dendrite, alice, aliceKeys, aliceState)) {
                syncUntil(a, () -> a.rooms().roomById(room.roomId()).isEncrypted(), "alice's room after restart");
                EventId second = await(a.rooms().roomById(room.roomId()).sendText("after the restart").sent());
                syncUntil(b, () -> stored(b, room.roomId(), second).isPresent(), "bob gets both");
                assertEquals("before the restart", body(decryptedIn(b, room.roomId(), first)));
                assertEquals("after the restart", body(decryptedIn(b, room.roomId(), second)));
                assertEquals(sessionOf(stored(b, room.roomId(), first).orElseThrow()),
                        sessionOf(stored(b, room.roomId(), second).orElseThrow()), "the same Megolm session went on");
                assertEquals("before the restart", body(decryptedIn(a, room.roomId(), first)),
                        "alice still reads her own earlier message");
            }
        }
    }

    private static MatrixClient client(Dendrite dendrite, TestUser user, CryptoStore keys, MemoryStateStore state) {
        if (state.loadSession().isEmpty()) {
            state.saveSession(Session.of(dendrite.baseUrl(), UserId.of(user.userId()), DeviceId.of(user.deviceId()),
                    user.accessToken()));
        }
        OlmEncryptionModule module = OlmEncryptionModule.builder(LibolmBackend.create()).store(keys)
                .passphrase("it passphrase".toCharArray())
                .config(MachineConfig.defaults().withPickleIterations(1000)).build();
        return MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).stateStore(state).encryption(module).build();
    }
}
