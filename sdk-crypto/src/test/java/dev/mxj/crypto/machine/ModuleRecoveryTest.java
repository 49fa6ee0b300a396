package dev.mxj.crypto.machine;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.crypto.module.OlmEncryptionModule;
import dev.mxj.crypto.store.CryptoStore;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The module's side of the machine's recoveries, through a transport: the {@code /keys/changes}
 * catch-up as a GET (and its fallback when refused), key requests on a missing session, a foreign
 * sender refused; and the builder that takes the app's store and passphrase.
 */
class ModuleRecoveryTest {
    static final RoomId ROOM = RoomId.of("!room:example.org");
    private final FakeKeyServer server = new FakeKeyServer();
    private final List<OlmEncryptionModule> modules = new ArrayList<>();
    private final List<CryptoRequest> sent = new CopyOnWriteArrayList<>();
    private volatile boolean refuseKeysChanges;

    @AfterEach
    void close() {
        modules.forEach(OlmEncryptionModule::detach);
    }

    private OlmEncryptionModule module(CryptoStore store) {
        OlmEncryptionModule module = OlmEncryptionModule.builder(TestNet.OLM).store(store)
                .passphrase("pw".toCharArray()).config(MachineConfig.defaults().withPickleIterations(1000)).build();
        modules.add(module);
        return module;
    }

    /** One device: its context, attached to a module on {@code store}. */
    private final class Client implements EncryptionContext {
        final UserId user;
        final DeviceId device;
        OlmEncryptionModule module;

        Client(String user, String device, CryptoStore store) {
            this.user = UserId.of(user);
            this.device = DeviceId.of(device);
            this.module = module(store);
            module.attach(this).join();
        }

        OlmMachine machine() {
            return module.machine().orElseThrow();
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
                if (refuseKeysChanges && request.path().endsWith("/keys/changes")) {
                    return CompletableFuture.failedFuture(new MatrixApiException(400, ErrorCode.INVALID_PARAM,
                            "unknown token", Duration.ZERO, false, request.endpoint()));
                }
                return CompletableFuture.supplyAsync(() -> onServer(() -> server.handle(new DeviceKey(user, device),
                        toMachine(request))));
            };
        }

        @Override
        public void roomKeysReceived(RoomKeys keys) {
        }

        void sync(Set<UserId> members) {
            DeviceKey key = new DeviceKey(user, device);
            SyncCryptoChanges changes = onServer(() -> new SyncCryptoChanges(server.token(), server.takeInbox(key),
                    server.takeChanged(key), server.takeLeft(key), server.oneTimeKeyCounts(key),
                    server.unusedFallbackTypes(key), members));
            module.receiveSync(changes).join();
        }

        /** A sync saved by the client but never handed to the module (a crash in between). */
        void lostSync() {
            onServer(() -> server.takeChanged(new DeviceKey(user, device)));
        }

        RoomEvent event(RawJson content, String eventId, UserId sender) {
            return new RoomEvent(EventId.of(eventId), "m.room.encrypted", sender, 1, Optional.empty(),
                    new UnknownContent("m.room.encrypted", content), Json.raw(Json.obj("event_id", eventId,
                    "type", "m.room.encrypted", "sender", sender.value(), "origin_server_ts", 1L, "content", content)));
        }
    }

    /** The fake server is not thread-safe: the transports' threads and the test take turns. */
    private <T> T onServer(java.util.function.Supplier<T> call) {
        synchronized (server) {
            return call.get();
        }
    }

    /** True once the server holds the device keys of {@code devices} devices (each upload moves the stream). */
    private boolean keysUp(int devices) {
        return onServer(() -> server.token().equals("s" + devices));
    }

    private static OutgoingRequest toMachine(CryptoRequest r) {
        if (r.method().equals("GET") && r.path().equals("/_matrix/client/v3/keys/changes")) {
            return new OutgoingRequest.KeysChanges("k", r.query().get("from"), r.query().get("to"));
        }
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

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private RawJson encrypt(Client from, Set<UserId> members, String text) {
        return from.module.encrypt(new RoomEncryptionRequest(ROOM,
                new RoomEncryptionContent(RoomEncryptionContent.MEGOLM_V1, Optional.empty(), Optional.empty()),
                members, "m.room.message", Json.raw(Json.obj("msgtype", "m.text", "body", text)), "txn")).join();
    }

    /** Alice, after a sync gap that hid bob's new device, restarted on the same store. */
    private Client aliceAfterAGap(CryptoStore aliceKeys) {
        Client alice = new Client("@alice:example.org", "ALICE1", aliceKeys);
        new Client("@bob:example.org", "BOB1", new MemoryCryptoStore());
        await(() -> keysUp(2), "alice's and bob's keys on the server");
        alice.sync(Set.of(alice.user, UserId.of("@bob:example.org")));
        await(() -> alice.machine().devices(UserId.of("@bob:example.org")).size() == 1, "bob's device known");
        new Client("@bob:example.org", "BOB2", new MemoryCryptoStore());
        await(() -> keysUp(3), "bob2's keys up");
        alice.lostSync();
        alice.module.detach();
        alice.module = module(aliceKeys);
        alice.module.attach(alice).join();
        alice.sync(Set.of());
        return alice;
    }

    @Test
    void aSyncGapIsCaughtUpWithAGetOfKeysChanges() {
        MemoryCryptoStore aliceKeys = new MemoryCryptoStore();
        Client alice = aliceAfterAGap(aliceKeys);
        await(() -> alice.machine().device(UserId.of("@bob:example.org"), DeviceId.of("BOB2")).isPresent(),
                "bob2 known through /keys/changes");
        CryptoRequest changes = sent.stream().filter(r -> r.path().endsWith("/keys/changes")).findFirst().orElseThrow();
        assertEquals("GET", changes.method());
        assertEquals(Map.of("from", "s2", "to", "s3"), changes.query());
        assertTrue(changes.body().isEmpty());
        assertEquals(Optional.of("s3"), aliceKeys.syncToken());
    }

    @Test
    void aRefusedCatchUpQueriesEveryTrackedUserInstead() {
        refuseKeysChanges = true;
        Client alice = aliceAfterAGap(new MemoryCryptoStore());
        await(() -> alice.machine().device(UserId.of("@bob:example.org"), DeviceId.of("BOB2")).isPresent(),
                "bob2 known through the fallback query");
        assertTrue(sent.stream().anyMatch(r -> r.path().endsWith("/keys/changes")));
        assertTrue(alice.machine().outgoingRequests().stream().noneMatch(OutgoingRequest.KeysChanges.class::isInstance),
                "not asked again");
    }

    @Test
    void aMissingSessionSendsAKeyRequestAndAForeignSenderIsRefused() {
        Client alice = new Client("@alice:example.org", "ALICE1", new MemoryCryptoStore());
        Client bob1 = new Client("@bob:example.org", "BOB1", new MemoryCryptoStore());
        Client bob2 = new Client("@bob:example.org", "BOB2", new MemoryCryptoStore());
        await(() -> keysUp(3), "the three devices' keys on the server");
        Set<UserId> members = Set.of(alice.user, bob1.user);
        bob2.sync(members);
        await(() -> bob2.machine().device(bob1.user, bob1.device).isPresent(), "bob2 knows bob1");
        RawJson content = encrypt(alice, Set.of(alice.user), "only alice's devices got the key");

        RoomDecryption.Failure missing = assertInstanceOf(RoomDecryption.Failure.class,
                bob2.module.decrypt(ROOM, bob2.event(content, "$1", alice.user)).join());
        assertEquals(UnableToDecrypt.Reason.MISSING_ROOM_KEY, missing.error().reason());
        await(() -> sent.stream().anyMatch(r -> r.endpoint().contains("sendToDevice/m.room_key_request")),
                "a key request goes out on its own");

        // the session belongs to alice: the same ciphertext under bob's name is refused
        RawJson shared = encrypt(alice, members, "for bob");
        bob1.sync(members);
        RoomDecryption.Failure forged = assertInstanceOf(RoomDecryption.Failure.class,
                bob1.module.decrypt(ROOM, bob1.event(shared, "$2", UserId.of("@mallory:example.org"))).join());
        assertEquals(UnableToDecrypt.Reason.MISMATCHED_PLAINTEXT, forged.error().reason());
        assertInstanceOf(RoomDecryption.Success.class, bob1.module.decrypt(ROOM, bob1.event(shared, "$3", alice.user))
                .join());
    }

    @Test
    void theAppsStoreIsKeptOpenAcrossDetachAndAttach() {
        MemoryCryptoStore keys = new MemoryCryptoStore();
        Client alice = new Client("@alice:example.org", "ALICE1", keys);
        String identity = alice.machine().identityKeys().curve25519();
        alice.module.detach();
        assertTrue(keys.account().isPresent(), "detach leaves the app's store open");
        alice.module.attach(alice).join();
        assertEquals(identity, alice.machine().identityKeys().curve25519(), "the same account, loaded again");

        EncryptionContext anotherDevice = new EncryptionContext() {
            @Override
            public UserId userId() {
                return alice.user;
            }

            @Override
            public DeviceId deviceId() {
                return DeviceId.of("ALICE2");
            }

            @Override
            public CryptoTransport transport() {
                return alice.transport();
            }

            @Override
            public void roomKeysReceived(RoomKeys keys) {
            }
        };
        CompletableFuture<Void> refused = alice.module.attach(anotherDevice);
        assertTrue(refused.isCompletedExceptionally(), "one store holds one device's keys");
        assertEquals(identity, keys.account().map(a -> a.deviceId().value()).map(d -> identity).orElseThrow());
        assertEquals(DeviceId.of("ALICE1"), keys.account().orElseThrow().deviceId(), "nothing overwritten");
    }

    @Test
    void aPersistentStoreNeedsAPassphrase() {
        CryptoStore onDisk = new FlakyCryptoStore(); // any store that is not a MemoryCryptoStore
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OlmEncryptionModule.builder(TestNet.OLM).store(onDisk).build());
        assertTrue(e.getMessage().contains("passphrase"), e.getMessage());
        OlmEncryptionModule.builder(TestNet.OLM).store(new MemoryCryptoStore()).build(); // memory: no secret needed
        OlmEncryptionModule.builder(TestNet.OLM).store(onDisk).passphrase("secret".toCharArray()).build();
    }
}
