package dev.mxj.crypto.module;

import dev.mxj.MatrixClient;
import dev.mxj.auth.LoginRequest;
import dev.mxj.auth.Session;
import dev.mxj.crypto.machine.MachineConfig;
import dev.mxj.crypto.machine.OlmMachine;
import dev.mxj.crypto.olm.libolm.LibolmBackend;
import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.LocalTrust;
import dev.mxj.crypto.store.MemoryCryptoStore;
import dev.mxj.event.Decrypted;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.UnableToDecrypt;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.room.CreateRoomRequest;
import dev.mxj.room.Preset;
import dev.mxj.room.Room;
import dev.mxj.spi.EncryptionContext;
import dev.mxj.spi.EncryptionModule;
import dev.mxj.spi.RoomDecryption;
import dev.mxj.spi.RoomEncryptionRequest;
import dev.mxj.spi.SyncCryptoChanges;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static dev.mxj.crypto.module.E2eeSteps.QUICK;
import static dev.mxj.crypto.module.E2eeSteps.await;
import static dev.mxj.crypto.module.E2eeSteps.body;
import static dev.mxj.crypto.module.E2eeSteps.decryptedIn;
import static dev.mxj.crypto.module.E2eeSteps.joined;
import static dev.mxj.crypto.module.E2eeSteps.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The machine's recoveries against Dendrite: an event passing another member's session off as its
 * sender's is refused; device list changes of a sync the machine never saw are caught up with
 * {@code /keys/changes}; a new device of the user asks the older one for the keys it missed.
 */
@ExtendWith(DendriteExtension.class)
class OlmRecoveryIT {
    /** The module of each client made here. */
    private static final java.util.Map<MatrixClient, OlmEncryptionModule> MODULES = new ConcurrentHashMap<>();

    @Test
    void aMemberPassingAnotherMembersMessageOffAsTheirsIsRefused(Dendrite dendrite, TestUser alice, TestUser bob,
                                                                  TestUser carol) {
        try (MatrixClient a = client(dendrite, alice, new MemoryCryptoStore(), new MemoryStateStore());
             MatrixClient b = client(dendrite, bob, new MemoryCryptoStore(), new MemoryStateStore());
             MatrixClient c = client(dendrite, carol, new MemoryCryptoStore(), new MemoryStateStore())) {
            Room room = encryptedRoom(a, b, bob);
            await(room.invite(UserId.of(carol.userId()), Optional.empty()));
            await(c.rooms().join(room.roomId(), List.of()));
            syncUntil(a, () -> joined(a, room.roomId()) == 3, "alice sees carol");
            EventId genuine = await(room.sendText("alice's words").sent());
            syncUntil(b, () -> stored(b, room.roomId(), genuine).isPresent(), "bob gets it");

            // bob re-posts alice's ciphertext as his own m.room.encrypted event
            RawJson content = stored(b, room.roomId(), genuine).orElseThrow().raw().object("content").orElseThrow();
            EventId forged = await(b.rooms().roomById(room.roomId()).sendEvent("m.room.encrypted", content).sent());
            syncUntil(c, () -> stored(c, room.roomId(), forged).isPresent(), "carol gets both");

            Room carolsRoom = c.rooms().roomById(room.roomId());
            UnableToDecrypt refused = assertInstanceOf(UnableToDecrypt.class,
                    await(carolsRoom.decrypt(stored(c, room.roomId(), forged).orElseThrow())));
            assertEquals(UnableToDecrypt.Reason.MISMATCHED_PLAINTEXT, refused.reason(), refused.message());
            Decrypted real = assertInstanceOf(Decrypted.class,
                    await(carolsRoom.decrypt(stored(c, room.roomId(), genuine).orElseThrow())));
            assertEquals(UserId.of(alice.userId()), real.sender().userId());
            assertEquals("alice's words", body(real));
        }
    }

    @Test
    void deviceListChangesOfASyncTheMachineNeverSawAreCaughtUp(Dendrite dendrite, TestUser alice, TestUser bob) {
        CryptoStore aliceKeys = new MemoryCryptoStore(); // stands for a store on disk
        MemoryStateStore aliceState = new MemoryStateStore();
        UserId bobId = UserId.of(bob.userId());
        try (MatrixClient b = client(dendrite, bob, new MemoryCryptoStore(), new MemoryStateStore())) {
            RoomId roomId;
            try (MatrixClient a = client(dendrite, alice, aliceKeys, aliceState)) {
                roomId = encryptedRoom(a, b, bob).roomId();
                syncUntil(a, () -> knows(a, bobId, DeviceId.of(bob.deviceId())),
                        "alice tracks bob's device");
            }
            // The client saves syncs whose crypto parts never reach the machine (as if it crashed after
            // each save): bob's second device appears in them.
            Swallowing swallowing = new Swallowing(Optional.empty());
            try (MatrixClient crashing = MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).stateStore(aliceState)
                    .encryption(swallowing).build();
                 MatrixClient b2 = loggedIn(dendrite, bob)) {
                DeviceId second = b2.session().orElseThrow().deviceId();
                syncUntil(b, () -> knows(b, bobId, second), "bob's second device has uploaded its keys");
                syncUntil(crashing, () -> swallowing.changed.contains(bobId), "a sync said bob's devices changed");
                for (int i = 0; i < 5; i++) {
                    await(crashing.sync().syncOnce(QUICK)); // any later report of the change is lost too
                }

                OlmEncryptionModule restarted = module(aliceKeys, "it passphrase");
                Swallowing seen = new Swallowing(Optional.of(restarted)); // passes everything on, noting changes
                try (MatrixClient a = MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).stateStore(aliceState)
                        .encryption(seen).build()) {
                    MODULES.put(a, restarted);
                    syncUntil(a, () -> knows(a, bobId, second),
                            "alice learns of bob's second device through /keys/changes");
                    assertTrue(!seen.changed.contains(bobId), "no sync after the restart said bob's devices changed");
                    EventId hello = await(a.rooms().roomById(roomId).sendText("for both of bob's devices").sent());
                    syncUntil(b2, () -> stored(b2, roomId, hello).isPresent(), "bob's second device gets it");
                    assertEquals("for both of bob's devices", body(decryptedIn(b2, roomId, hello)));
                }
            }
        }
    }

    @Test
    void aNewDeviceAsksTheUsersOtherDeviceForKeysItMissed(Dendrite dendrite, TestUser alice, TestUser bob) {
        UserId aliceId = UserId.of(alice.userId());
        DeviceId first = DeviceId.of(alice.deviceId());
        try (MatrixClient a1 = client(dendrite, alice, new MemoryCryptoStore(), new MemoryStateStore());
             MatrixClient b = client(dendrite, bob, new MemoryCryptoStore(), new MemoryStateStore())) {
            Room room = encryptedRoom(a1, b, bob);
            EventId early = await(room.sendText("sent before the second device existed").sent());
            try (MatrixClient a2 = loggedIn(dendrite, alice)) {
                DeviceId second = a2.session().orElseThrow().deviceId();
                syncUntil(a2, () -> knows(a2, aliceId, first), "the new device knows the old");
                syncUntil(a1, () -> knows(a1, aliceId, second), "the old device knows the new");
                // the user verified each device on the other (cross-signing is not implemented)
                machine(a1).setLocalTrust(aliceId, second, LocalTrust.VERIFIED);
                machine(a2).setLocalTrust(aliceId, first, LocalTrust.VERIFIED);
                syncUntil(a2, () -> stored(a2, room.roomId(), early).isPresent(), "the new device has the event");

                // reading it finds no key: the module asks alice's other devices on its own
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                Decrypted read = null;
                while (read == null) {
                    assertTrue(System.nanoTime() < deadline, "the forwarded key never came");
                    Object result = await(a2.rooms().roomById(room.roomId())
                            .decrypt(stored(a2, room.roomId(), early).orElseThrow()));
                    read = result instanceof Decrypted d ? d : null;
                    await(a1.sync().syncOnce(QUICK)); // the old device gets the request and forwards the key
                    await(a2.sync().syncOnce(QUICK));
                }
                assertEquals("sent before the second device existed", body(read));
                assertEquals(aliceId, read.sender().userId());
            }
        }
    }

    @Test
    void olmMessagesHandedOverAgainAfterAFailureDoNotWedgeTheSession(Dendrite dendrite, TestUser alice, TestUser bob) {
        MemoryCryptoStore bobKeys = new MemoryCryptoStore();
        OlmEncryptionModule bobsModule = module(bobKeys, "it passphrase");
        FailOnce failOnce = new FailOnce(bobsModule);
        MemoryStateStore bobState = new MemoryStateStore();
        bobState.saveSession(Session.of(dendrite.baseUrl(), UserId.of(bob.userId()), DeviceId.of(bob.deviceId()),
                bob.accessToken()));
        try (MatrixClient a = client(dendrite, alice, new MemoryCryptoStore(), new MemoryStateStore());
             MatrixClient b = MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).stateStore(bobState)
                     .encryption(failOnce).build()) {
            MODULES.put(b, bobsModule);
            Room room = encryptedRoom(a, b, bob);
            EventId first = await(room.sendText("a pre-key message brings this key").sent());
            syncUntil(b, () -> stored(b, room.roomId(), first).isPresent(), "bob gets the first");
            EventId reply = await(b.rooms().roomById(room.roomId()).sendText("bob's key goes back").sent());
            syncUntil(a, () -> stored(a, room.roomId(), reply).isPresent(), "alice gets bob's reply");
            assertEquals("bob's key goes back", body(decryptedIn(a, room.roomId(), reply)));

            String aliceKey = machine(a).identityKeys().curve25519();
            int sessions = bobKeys.olmSessions(aliceKey).size();
            machine(a).discardRoomKey(room.roomId()); // the next key goes out as a normal Olm message
            failOnce.armed = true;                    // bob processes it, then "crashes" before the client drops it
            EventId second = await(room.sendText("a normal Olm message brings this key").sent());
            syncUntil(b, () -> failOnce.handedOverTwice(), "the to-device message is handed over again");
            syncUntil(b, () -> stored(b, room.roomId(), second).isPresent(), "bob gets the second");

            assertEquals("a normal Olm message brings this key", body(decryptedIn(b, room.roomId(), second)));
            for (int i = 0; i < 3; i++) {
                await(b.sync().syncOnce(QUICK)); // time for a recovery to go out, if one were made
            }
            assertEquals(sessions, bobKeys.olmSessions(aliceKey).size(), "no new Olm session: nothing was wedged");
        }
    }

    /** Passes everything on, but fails the first sync with to-device events after being armed, once. */
    private static final class FailOnce implements EncryptionModule {
        private final EncryptionModule behind;
        private final List<Set<String>> handedOver = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean armed;

        FailOnce(EncryptionModule behind) {
            this.behind = behind;
        }

        boolean handedOverTwice() {
            Set<String> seen = new java.util.HashSet<>();
            return handedOver.stream().flatMap(Set::stream).anyMatch(e -> !seen.add(e));
        }

        @Override
        public CompletableFuture<Void> attach(EncryptionContext context) {
            return behind.attach(context);
        }

        @Override
        public CompletableFuture<Void> receiveSync(SyncCryptoChanges changes) {
            CompletableFuture<Void> done = behind.receiveSync(changes);
            if (armed && !changes.toDevice().isEmpty()) {
                handedOver.add(Set.copyOf(changes.toDevice().stream().map(e -> e.raw().json()).toList()));
                if (handedOver.size() == 1) {
                    return done.thenCompose(v -> CompletableFuture.failedFuture(
                            new IllegalStateException("a crash before the client dropped the events (test)")));
                }
            }
            return done;
        }

        @Override
        public CompletableFuture<RawJson> encrypt(RoomEncryptionRequest request) {
            return behind.encrypt(request);
        }

        @Override
        public CompletableFuture<RoomDecryption> decrypt(RoomId roomId, RoomEvent event) {
            return behind.decrypt(roomId, event);
        }

        @Override
        public void detach() {
            behind.detach();
        }
    }

    /**
     * Notes the device list changes of every sync. Without a module behind it, it takes every sync
     * and does nothing with it: the machine never sees those syncs. With one, it passes all on.
     */
    private static final class Swallowing implements EncryptionModule {
        final Set<UserId> changed = ConcurrentHashMap.newKeySet();
        private final Optional<EncryptionModule> behind;

        Swallowing(Optional<EncryptionModule> behind) {
            this.behind = behind;
        }

        @Override
        public CompletableFuture<Void> attach(EncryptionContext context) {
            return behind.map(m -> m.attach(context)).orElse(CompletableFuture.completedFuture(null));
        }

        @Override
        public CompletableFuture<Void> receiveSync(SyncCryptoChanges changes) {
            changed.addAll(changes.deviceListsChanged());
            return behind.map(m -> m.receiveSync(changes)).orElse(CompletableFuture.completedFuture(null));
        }

        @Override
        public CompletableFuture<RawJson> encrypt(RoomEncryptionRequest request) {
            return behind.map(m -> m.encrypt(request))
                    .orElse(CompletableFuture.failedFuture(new IllegalStateException("not in this test")));
        }

        @Override
        public CompletableFuture<RoomDecryption> decrypt(RoomId roomId, RoomEvent event) {
            return behind.map(m -> m.decrypt(roomId, event))
                    .orElse(CompletableFuture.failedFuture(new IllegalStateException("not in this test")));
        }

        @Override
        public void detach() {
            behind.ifPresent(EncryptionModule::detach);
        }
    }

    private static OlmEncryptionModule module(CryptoStore keys, String passphrase) {
        return OlmEncryptionModule.builder(LibolmBackend.create()).store(keys).passphrase(passphrase.toCharArray())
                .config(MachineConfig.defaults().withPickleIterations(1000)).build();
    }

    private static MatrixClient client(Dendrite dendrite, TestUser user, CryptoStore keys, MemoryStateStore state) {
        if (state.loadSession().isEmpty()) {
            state.saveSession(Session.of(dendrite.baseUrl(), UserId.of(user.userId()), DeviceId.of(user.deviceId()),
                    user.accessToken()));
        }
        OlmEncryptionModule module = module(keys, "it passphrase");
        MatrixClient client = MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).stateStore(state)
                .encryption(module).build();
        MODULES.put(client, module);
        return client;
    }

    /** A second device of {@code user}: a fresh login with its own keys. */
    private static MatrixClient loggedIn(Dendrite dendrite, TestUser user) {
        OlmEncryptionModule module = module(new MemoryCryptoStore(), "second");
        MatrixClient client = MatrixClient.builder().homeserverUrl(dendrite.baseUrl())
                .stateStore(new MemoryStateStore()).encryption(module).build();
        MODULES.put(client, module);
        await(client.auth().login(LoginRequest.password(user.localpart(), user.password())));
        return client;
    }

    private static OlmMachine machine(MatrixClient client) {
        return MODULES.get(client).machine().orElseThrow();
    }

    /** True once {@code client}'s machine knows the device (false while the module is not attached yet). */
    private static boolean knows(MatrixClient client, UserId user, DeviceId device) {
        return MODULES.get(client).machine().flatMap(m -> m.device(user, device)).isPresent();
    }

    /** {@link E2eeSteps#encryptedRoom}, with this test's {@link #syncUntil}, which outlasts failed syncs. */
    private static Room encryptedRoom(MatrixClient a, MatrixClient b, TestUser bob) {
        Room room = await(a.rooms().create(CreateRoomRequest.builder().preset(Preset.PRIVATE_CHAT).encrypted()
                .invite(UserId.of(bob.userId())).build()));
        await(b.rooms().join(room.roomId(), List.of()));
        syncUntil(b, () -> b.rooms().roomById(room.roomId()).isEncrypted(), "bob knows the room encrypted");
        syncUntil(a, () -> joined(a, room.roomId()) == 2, "alice sees bob joined");
        return room;
    }

    private static void syncUntil(MatrixClient client, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, () -> "timed out: " + what);
            try {
                await(client.sync().syncOnce(QUICK));
            } catch (java.util.concurrent.CompletionException e) {
                // a sync round the module failed on purpose: the next one hands its events over again
            }
        }
    }
}
