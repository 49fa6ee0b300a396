package dev.mxj.crypto.machine;

import dev.mxj.crypto.keyexport.KeyExportException;
import dev.mxj.crypto.module.OlmEncryptionModule;
import dev.mxj.event.RoomEncryptionContent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.UnableToDecrypt;
import dev.mxj.event.UnknownContent;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.spi.EncryptionContext;
import dev.mxj.spi.RoomDecryption;
import dev.mxj.spi.RoomEncryptionRequest;
import dev.mxj.spi.RoomKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.mxj.crypto.machine.ModuleClients.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Key export and import through the {@link OlmEncryptionModule}: the import announces its keys to
 * the client ({@link EncryptionContext#roomKeysReceived}), as received keys are, so the client
 * retries the events they decrypt.
 */
class ModuleKeyImportTest {
    static final RoomId ROOM = RoomId.of("!room:example.org");
    private final ModuleClients net = new ModuleClients();

    @AfterEach
    void close() {
        net.close();
    }

    /**
     * A client whose key upload the server has handled, so that others' key queries find it (the
     * upload runs on another thread: sending it is not enough, a query may overtake it).
     */
    private ModuleClients.Client client(String user, String device) {
        ModuleClients.Client client = net.client(user, device);
        await(() -> net.server.hasDeviceKeys(UserId.of(user), DeviceId.of(device)));
        return client;
    }

    @Test
    void anImportThroughTheModuleAnnouncesItsKeysAndTheEventDecrypts() {
        ModuleClients.Client alice = client("@alice:example.org", "ALICE1");
        ModuleClients.Client bob1 = client("@bob:example.org", "BOB1");
        Set<UserId> members = Set.of(alice.user, bob1.user);
        RawJson content = alice.module.encrypt(new RoomEncryptionRequest(ROOM,
                new RoomEncryptionContent(RoomEncryptionContent.MEGOLM_V1, Optional.empty(), Optional.empty()),
                members, "m.room.message", RawJson.parse("{\"msgtype\":\"m.text\",\"body\":\"hi bob\"}"), "txn1"))
                .join();
        String sessionId = content.string("session_id").orElseThrow();
        bob1.sync(members);
        RoomEvent event = new RoomEvent(EventId.of("$1"), "m.room.encrypted", alice.user, 1, Optional.empty(),
                new UnknownContent("m.room.encrypted", content), Json.raw(Json.obj("event_id", "$1", "type",
                "m.room.encrypted", "sender", alice.user.value(), "origin_server_ts", 1L, "content", content)));
        assertInstanceOf(RoomDecryption.Success.class, bob1.module.decrypt(ROOM, event).join());

        ModuleClients.Client bob2 = client("@bob:example.org", "BOB2");
        RoomDecryption.Failure before = assertInstanceOf(RoomDecryption.Failure.class,
                bob2.module.decrypt(ROOM, event).join());
        assertEquals(UnableToDecrypt.Reason.MISSING_ROOM_KEY, before.error().reason());

        char[] passphrase = "file passphrase".toCharArray();
        String export = bob1.module.exportRoomKeys(passphrase, List.of(ROOM)); // default rounds
        assertThrows(KeyExportException.class, () -> bob2.module.importRoomKeys(export, "nope".toCharArray()));
        assertEquals(List.of(), bob2.announced, "a failed import announces nothing");

        RoomKeyImport imported = bob2.module.importRoomKeys(export, passphrase);
        assertEquals(1, imported.imported());
        assertEquals(List.of(new RoomKeys(ROOM, Set.of(sessionId))), bob2.announced);
        RoomDecryption.Success after = assertInstanceOf(RoomDecryption.Success.class,
                bob2.module.decrypt(ROOM, event).join());
        assertEquals(Optional.of("hi bob"), after.plaintext().object("content").orElseThrow().string("body"));

        bob2.module.importRoomKeys(export, passphrase);
        assertEquals(1, bob2.announced.size(), "an import that keeps nothing announces nothing");
        assertTrue(bob2.module.machine().isPresent());
    }

    @Test
    void aModuleNotAttachedRefusesExportAndImport() {
        OlmEncryptionModule module = OlmEncryptionModule.builder(TestNet.OLM).build();
        assertThrows(IllegalStateException.class, () -> module.exportRoomKeys("pw".toCharArray(), List.of(ROOM)));
        assertThrows(IllegalStateException.class, () -> module.importRoomKeys("x", "pw".toCharArray()));
    }
}
