package dev.mxj.store.sqlite;

import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.crypto.machine.MachineConfig;
import dev.mxj.crypto.module.OlmEncryptionModule;
import dev.mxj.crypto.olm.libolm.LibolmBackend;
import dev.mxj.crypto.store.MemoryCryptoStore;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.CreateRoomRequest;
import dev.mxj.room.Preset;
import dev.mxj.room.Room;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.store.StateStore;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.mxj.crypto.module.E2eeSteps.await;
import static dev.mxj.crypto.module.E2eeSteps.body;
import static dev.mxj.crypto.module.E2eeSteps.decryptedIn;
import static dev.mxj.crypto.module.E2eeSteps.joined;
import static dev.mxj.crypto.module.E2eeSteps.sessionOf;
import static dev.mxj.crypto.module.E2eeSteps.stored;
import static dev.mxj.crypto.module.E2eeSteps.syncUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End-to-end encryption on one SQLite file per client, against Dendrite: Alice's session, synced
 * state and keys live in {@code alice.db} ({@link SqliteStore#cryptoStore()}). She closes the
 * client and the file, opens them again with her passphrase, and goes on: her next message uses
 * the same Megolm session (the outbound session was kept), she still reads her own first message
 * (the room key was kept), and she reads what Bob sends after the restart (her device keys were
 * kept, so Bob's keys reach the same device).
 */
@ExtendWith(DendriteExtension.class)
class EncryptedRestartIT {
    private static final String PASSPHRASE = "alice's passphrase";

    @TempDir
    Path dir;

    @Test
    void aClientReopenedFromItsSqliteFileKeepsItsKeys(Dendrite dendrite, TestUser alice, TestUser bob) {
        Path file = dir.resolve("alice.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            store.saveSession(Session.of(dendrite.baseUrl(), UserId.of(alice.userId()),
                    DeviceId.of(alice.deviceId()), alice.accessToken()));
        }
        MemoryStateStore bobState = new MemoryStateStore();
        bobState.saveSession(Session.of(dendrite.baseUrl(), UserId.of(bob.userId()), DeviceId.of(bob.deviceId()),
                bob.accessToken()));
        MemoryCryptoStore bobKeys = new MemoryCryptoStore();
        try (MatrixClient b = client(dendrite, bobState, module(bobKeys))) {
            RoomId roomId;
            EventId first;
            try (SqliteStore store = SqliteStore.open(file); MatrixClient a = client(dendrite, store, module(store))) {
                Room room = await(a.rooms().create(CreateRoomRequest.builder().preset(Preset.PRIVATE_CHAT)
                        .encrypted().invite(UserId.of(bob.userId())).build()));
                roomId = room.roomId();
                await(b.rooms().join(roomId, List.of()));
                syncUntil(b, () -> b.rooms().roomById(roomId).isEncrypted(), "bob knows the room is encrypted");
                syncUntil(a, () -> joined(a, roomId) == 2, "alice sees bob joined");
                first = await(room.sendText("before the restart").sent());
            }
            try (SqliteCryptoStore keys = SqliteCryptoStore.open(file)) {
                assertTrue(keys.account().isPresent(), "alice's account is on disk");
                assertTrue(keys.outboundGroupSession(roomId).isPresent(), "her outbound session is on disk");
                assertTrue(keys.syncToken().isPresent(), "so is the last sync her machine processed");
                String sessionId = keys.outboundGroupSession(roomId).orElseThrow().sessionId();
                assertEquals(Optional.of(UserId.of(alice.userId())), keys.inboundGroupSession(roomId, sessionId)
                        .flatMap(k -> k.keySender()).map(k -> k.userId()), "her own room key names her as its sender");
            }

            try (SqliteStore store = SqliteStore.open(file); MatrixClient a = client(dendrite, store, module(store))) {
                syncUntil(a, () -> a.rooms().roomById(roomId).isEncrypted(), "alice's room after the restart");
                EventId second = await(a.rooms().roomById(roomId).sendText("after the restart").sent());
                syncUntil(b, () -> stored(b, roomId, second).isPresent(), "bob gets alice's second message");
                assertEquals("before the restart", body(decryptedIn(b, roomId, first)));
                assertEquals("after the restart", body(decryptedIn(b, roomId, second)));
                assertEquals(sessionOf(stored(b, roomId, first).orElseThrow()),
                        sessionOf(stored(b, roomId, second).orElseThrow()),
                        "the same Megolm session went on: the outbound session survived the restart");
                assertEquals("before the restart", body(decryptedIn(a, roomId, first)),
                        "alice still reads her own earlier message: the room key survived");

                EventId reply = await(b.rooms().roomById(roomId).sendText("bob after alice's restart").sent());
                syncUntil(a, () -> stored(a, roomId, reply).isPresent(), "alice gets bob's reply");
                assertEquals("bob after alice's restart", body(decryptedIn(a, roomId, reply)),
                        "bob's room key reached alice's device, whose keys survived the restart");
            }
        }
    }

    private static OlmEncryptionModule module(SqliteStore store) {
        // as docs/e2ee.md shows it: the keys in the same file, under the app's passphrase
        return OlmEncryptionModule.builder(LibolmBackend.create()).store(store.cryptoStore())
                .passphrase(PASSPHRASE.toCharArray()).config(MachineConfig.defaults().withPickleIterations(1000))
                .build();
    }

    private static OlmEncryptionModule module(MemoryCryptoStore keys) {
        return OlmEncryptionModule.builder(LibolmBackend.create()).store((user, device) -> keys)
                .passphrase("bob's passphrase".toCharArray())
                .config(MachineConfig.defaults().withPickleIterations(1000)).build();
    }

    private static MatrixClient client(Dendrite dendrite, StateStore state, OlmEncryptionModule module) {
        return MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).stateStore(state).encryption(module).build();
    }
}
