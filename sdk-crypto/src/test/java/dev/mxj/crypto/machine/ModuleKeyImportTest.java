package dev.mxj.crypto.machine;

import dev.mxj.crypto.keyexport.KeyExportException;
import dev.mxj.crypto.module.OlmEncryptionModule;
import dev.mxj.crypto.store.MemoryCryptoStore;
import dev.mxj.event.RoomEncryptionContent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.UnableToDecrypt;
import dev.mxj.event.UnknownContent;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.spi.CryptoRequest;
import dev.mxj.spi.CryptoTransport;
import dev.mxj.spi.EncryptionContext;
import dev.mxj.spi.RoomDecryption;
import dev.mxj.spi.RoomEncryptionRequest;
import dev.mxj.spi.RoomKeys;
import dev.mxj.spi.SyncCryptoChanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

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
    private final FakeKeyServer server = new FakeKeyServer();
    private final List<OlmEncryptionModule> modules = new ArrayList<>();

    @AfterEach
    void close() {
        modules.forEach(OlmEncryptionModule::detach);
    }

    /** A client's side: module, context (transport to the fake key server), announced keys. */
    private final class Client implements EncryptionContext {
        final UserId user;
        final DeviceId device;
        final OlmEncryptionModule module;
        final List<RoomKeys> announced = new CopyOnWriteArrayList<>();
        final List<CryptoRequest> sent = new CopyOnWriteArrayList<>();

        Client(String user, String device) {
            this.user = UserId.of(user);
            this.device = DeviceId.of(device);
            MemoryCryptoStore store = new MemoryCryptoStore();
            this.module = OlmEncryptionModule.builder(TestNet.OLM).store((u, d) -> store)
                    .passphrase("pw".toCharArray()).config(MachineConfig.defaults().withPickleIterations(1000)).build();
            modules.add(module);
            module.attach(this).join();
            await(() -> sent.stream().anyMatch(r -> r.path().endsWith("/keys/upload")));
        }

        @Override
        public UserId userId() {
            return user;
        }

        @Override
        public DeviceId deviceId() {
            return device;
        }

        @Override
        public CryptoTransport transport() {
            return request -> {
                sent.add(request);
                return CompletableFuture.supplyAsync(() -> server.handle(new DeviceKey(user, device),
                        toMachine(request)));
            };
        }

        @Override
        public void roomKeysReceived(RoomKeys keys) {
            announced.add(keys);
        }

        void sync(Set<UserId> members) {
            DeviceKey key = new DeviceKey(user, device);
            module.receiveSync(new SyncCryptoChanges("t", server.takeInbox(key), server.takeChanged(key), Set.of(),
                    server.oneTimeKeyCounts(key), server.unusedFallbackTypes(key), members)).join();
        }
    }

    private static OutgoingRequest toMachine(CryptoRequest r) {
        RawJson body = r.body().orElseThrow();
        if (r.path().endsWith("/sendToDevice")) {
            return new OutgoingRequest.ToDevice(r.segments().get(1), r.segments().get(0), body);
        }
        return switch (r.path()) {
            case "/_matrix/client/v3/keys/upload" -> new OutgoingRequest.KeysUpload("u", body);
            case "/_matrix/client/v3/keys/query" -> new OutgoingRequest.KeysQuery("q", Set.of(), body);
            case "/_matrix/client/v3/keys/claim" -> new OutgoingRequest.KeysClaim("c", body);
            default -> throw new AssertionError("unexpected request " + r);
        };
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void anImportThroughTheModuleAnnouncesItsKeysAndTheEventDecrypts() {
        Client alice = new Client("@alice:example.org", "ALICE1");
        Client bob1 = new Client("@bob:example.org", "BOB1");
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

        Client bob2 = new Client("@bob:example.org", "BOB2");
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
