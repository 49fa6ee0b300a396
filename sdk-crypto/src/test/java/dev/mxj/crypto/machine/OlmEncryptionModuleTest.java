package dev.mxj.crypto.machine;

import dev.mxj.crypto.module.OlmEncryptionModule;
import dev.mxj.crypto.store.MemoryCryptoStore;
import dev.mxj.event.DeviceTrust;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EncryptionModule adapter: the machine driven through the SPI, its HTTP through a transport. */
class OlmEncryptionModuleTest {
    static final RoomId ROOM = RoomId.of("!room:example.org");
    private final FakeKeyServer server = new FakeKeyServer();
    private final List<OlmEncryptionModule> modules = new ArrayList<>();
    private final List<CryptoRequest> sent = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        modules.forEach(OlmEncryptionModule::detach);
    }

    /** A client's side: module, context, and the room keys it was told about. */
    private final class Client implements EncryptionContext {
        final UserId user;
        final DeviceId device;
        final OlmEncryptionModule module;
        final List<RoomKeys> announced = new CopyOnWriteArrayList<>();

        Client(String user, String device) {
            this.user = UserId.of(user);
            this.device = DeviceId.of(device);
            MemoryCryptoStore store = new MemoryCryptoStore();
            this.module = OlmEncryptionModule.builder(TestNet.OLM).store((u, d) -> store)
                    .passphrase("pw".toCharArray()).config(MachineConfig.defaults().withPickleIterations(1000)).build();
            modules.add(module);
            module.attach(this).join();
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

    /** Background sends run on other threads: waits (up to 10 s) until {@code condition} holds. */
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
    void encryptsThroughTheTransportAndTheOtherModuleDecrypts() {
        Client alice = new Client("@alice:example.org", "ALICE1");
        Client bob = new Client("@bob:example.org", "BOB1");
        await(() -> sent.stream().filter(r -> r.path().endsWith("/keys/upload")).count() == 2); // attach uploads
        Set<UserId> members = Set.of(alice.user, bob.user);

        RawJson content = alice.module.encrypt(new RoomEncryptionRequest(ROOM,
                new RoomEncryptionContent(RoomEncryptionContent.MEGOLM_V1, Optional.empty(), Optional.empty()),
                members, "m.room.message", RawJson.parse("{\"msgtype\":\"m.text\",\"body\":\"hi bob\"}"), "txn1"))
                .join();
        assertEquals(Optional.of("m.megolm.v1.aes-sha2"), content.string("algorithm"));
        assertTrue(sent.stream().anyMatch(r -> r.path().endsWith("/keys/claim")));
        CryptoRequest toDevice = sent.stream().filter(r -> r.path().endsWith("/sendToDevice")).findFirst().orElseThrow();
        assertEquals("m.room.encrypted", toDevice.segments().get(0));
        assertEquals("PUT", toDevice.method());

        bob.sync(members);
        assertEquals(List.of(new RoomKeys(ROOM, Set.of(content.string("session_id").orElseThrow()))), bob.announced);
        await(() -> bob.module.machine().orElseThrow().device(alice.user, alice.device).isPresent());
        RoomEvent event = new RoomEvent(EventId.of("$1"), "m.room.encrypted", alice.user, 1, Optional.empty(),
                new UnknownContent("m.room.encrypted", content), Json.raw(Json.obj("event_id", "$1", "type",
                "m.room.encrypted", "sender", alice.user.value(), "origin_server_ts", 1L, "content", content)));
        RoomDecryption.Success ok = assertInstanceOf(RoomDecryption.Success.class,
                bob.module.decrypt(ROOM, event).join());
        assertEquals(Optional.of("hi bob"), ok.plaintext().object("content").orElseThrow().string("body"));
        assertEquals(Optional.of(ROOM.value()), ok.plaintext().string("room_id"));
        assertEquals(Optional.of(alice.device), ok.sender().deviceId());
        assertEquals(DeviceTrust.UNVERIFIED, ok.sender().trust());

        RoomEvent replay = new RoomEvent(EventId.of("$2"), event.type(), event.sender(), 1, Optional.empty(),
                event.content(), TestNet.withEventId(event.raw(), "$2"));
        RoomDecryption.Failure failure = assertInstanceOf(RoomDecryption.Failure.class,
                bob.module.decrypt(ROOM, replay).join());
        assertEquals(UnableToDecrypt.Reason.REPLAYED, failure.error().reason());
    }

    @Test
    void aModuleNotAttachedFailsItsFutures() {
        OlmEncryptionModule module = OlmEncryptionModule.builder(TestNet.OLM).build();
        assertTrue(module.decrypt(ROOM, new RoomEvent(EventId.of("$1"), "m.room.encrypted", UserId.of("@a:x"), 1,
                Optional.empty(), new UnknownContent("m.room.encrypted", RawJson.emptyObject()),
                RawJson.emptyObject())).isCompletedExceptionally());
        assertTrue(module.machine().isEmpty());
    }
}
