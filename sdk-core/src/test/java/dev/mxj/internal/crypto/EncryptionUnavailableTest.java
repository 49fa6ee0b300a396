package dev.mxj.internal.crypto;

import dev.mxj.EncryptionState;
import dev.mxj.EncryptionUnavailableException;
import dev.mxj.MatrixClient;
import dev.mxj.MatrixException;
import dev.mxj.MatrixNetworkException;
import dev.mxj.auth.LoginRequest;
import dev.mxj.event.RoomEvent;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.send.SendFailedException;
import dev.mxj.send.SendHandle;
import dev.mxj.send.SendState;
import dev.mxj.spi.EncryptionContext;
import dev.mxj.spi.EncryptionModule;
import dev.mxj.spi.RoomDecryption;
import dev.mxj.spi.RoomEncryptionRequest;
import dev.mxj.spi.SyncCryptoChanges;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.testing.FakeEncryptionModule;
import dev.mxj.testing.MockHomeserver;
import dev.mxj.testing.Pause;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static dev.mxj.internal.sync.SyncJson.member;
import static dev.mxj.internal.sync.SyncJson.obj;
import static dev.mxj.internal.sync.SyncJson.roomState;
import static dev.mxj.internal.sync.SyncJson.sync;
import static dev.mxj.testing.MockHomeserver.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A module that cannot attach: a permanent failure is reported (state, listener), fails sends into
 * encrypted rooms with a typed reason instead of leaving them hanging, and lets plain sync go on; a
 * transient one is tried again as before.
 */
class EncryptionUnavailableTest {
    private static final RoomId ROOM = RoomId.of("!secret:example.org");
    private static final UserId BOB = UserId.of("@bob:example.org");

    private final MockHomeserver mock = MockHomeserver.start();
    private final MemoryStateStore store = new MemoryStateStore();
    private final FailingAttach module = new FailingAttach();
    private final List<EncryptionState> heard = new CopyOnWriteArrayList<>();
    private MatrixClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        mock.close();
    }

    @Test
    void aPermanentAttachFailureIsReportedFailsEncryptedSendsAndLetsSyncGoOn() {
        module.failures.add(new MatrixException("The passphrase does not open this crypto store"));
        client = started();
        EncryptionState.Unavailable state = assertInstanceOf(EncryptionState.Unavailable.class,
                client.encryptionState());
        assertTrue(state.error().getMessage().contains("passphrase"), state.error().getMessage());
        assertTrue(state.error().getMessage().contains("new crypto store"), state.error().getMessage());
        assertEquals("The passphrase does not open this crypto store", state.error().getCause().getMessage());
        eventually(() -> heard.equals(List.of(new EncryptionState.Attaching(Optional.empty()), state)),
                "the listener heard Attaching, then Unavailable");

        mock.ok("{\"filter_id\":\"f\"}").ok(encryptedRoomSync("s1").toDevice(BOB, "m.room_key", obj("n", 1)).json())
                .ok(sync("s2").toDevice(BOB, "m.room_key", obj("n", 2)).json());
        client.sync().syncOnce().join();
        client.sync().syncOnce().join();
        assertEquals(Optional.of("s2"), store.syncToken(), "plain sync goes on");
        assertEquals(2, store.toDeviceInbox().size(), "the room keys wait in the inbox for a module that can start");
        assertEquals(1, module.attaches.get(), "a permanent failure is not tried again");

        int requests = mock.requestCount();
        SendHandle handle = client.rooms().roomById(ROOM).sendText("into the encrypted room");
        eventually(() -> handle.state() instanceof SendState.Failed, "the send failed instead of hanging");
        SendFailedException error = ((SendState.Failed) handle.state()).error();
        assertEquals(SendFailedException.Reason.ENCRYPTION_UNAVAILABLE, error.reason());
        assertSame(state.error(), error.getCause());
        assertTrue(error.getMessage().contains("passphrase"), error.getMessage());
        assertEquals(requests, mock.requestCount(), "nothing was sent");
        assertTrue(client.rooms().roomById(ROOM).queuedSend(handle.transactionId()).isPresent(), "it stays queued");
        assertEquals(1, module.attaches.get());
    }

    @Test
    void aModuleSaysAFailureIsPermanentWithEncryptionUnavailableExceptionAndItIsReportedAsItIs() {
        EncryptionUnavailableException given = new EncryptionUnavailableException(
                "This crypto store belongs to device OTHER; give this device a store of its own",
                new IllegalStateException("wrong device"));
        module.failures.add(given);
        client = started();
        assertSame(given, ((EncryptionState.Unavailable) client.encryptionState()).error());
    }

    @Test
    void aTransientAttachFailureIsTriedAgainWithTheNextSync() {
        MatrixNetworkException offline = new MatrixNetworkException("The homeserver could not be reached",
                new IOException("connection refused"));
        module.failures.add(offline);
        client = started();
        assertEquals(new EncryptionState.Attaching(Optional.of(offline)), client.encryptionState());

        mock.ok("{\"filter_id\":\"f\"}").ok(encryptedRoomSync("s1").toDevice(BOB, "m.room_key", obj("n", 1)).json());
        client.sync().syncOnce().join();
        assertEquals(2, module.attaches.get(), "attached again before the sync was handed over");
        assertInstanceOf(EncryptionState.Ready.class, client.encryptionState());
        assertEquals(1, module.fake.syncs.size());
        assertEquals(List.of(), store.toDeviceInbox());
        eventually(() -> heard.equals(List.of(new EncryptionState.Attaching(Optional.empty()),
                new EncryptionState.Attaching(Optional.of(offline)), new EncryptionState.Ready())),
                "the listener heard every step");
    }

    @Test
    void withoutAModuleTheStateIsDisabled() {
        client = mock.builder().stateStore(store).build();
        assertInstanceOf(EncryptionState.Disabled.class, client.encryptionState());
    }

    @Test
    void loggingOutDetachesAndTheStateSaysSo() {
        client = started();
        assertInstanceOf(EncryptionState.Ready.class, client.encryptionState());
        mock.ok("{}");
        client.auth().logout().join();
        eventually(() -> client.encryptionState() instanceof EncryptionState.Detached, "detached");
    }

    /** A client that logs in after a listener was registered, so that it hears the first attach. */
    private MatrixClient started() {
        MatrixClient c = mock.builder().stateStore(store).encryption(module).build();
        assertInstanceOf(EncryptionState.Detached.class, c.encryptionState(), "no session yet");
        c.onEncryptionStateChanged(heard::add);
        mock.ok("{\"user_id\":\"" + USER.value() + "\",\"access_token\":\"tok\",\"device_id\":\""
                + MockHomeserver.DEVICE.value() + "\"}");
        c.auth().login(LoginRequest.password("alice", "pw")).join();
        mock.take();
        eventually(() -> module.attaches.get() > 0, "the module was attached after login");
        return c;
    }

    private static dev.mxj.internal.sync.SyncJson encryptedRoomSync(String batch) {
        return sync(batch).join(ROOM, room -> room.state(
                roomState("$enc", "m.room.encryption", obj("algorithm", "m.megolm.v1.aes-sha2")),
                member("$m1", USER, "join", "Alice")));
    }

    private static void eventually(BooleanSupplier condition, String what) {
        Pause.assertEventually(what, Duration.ofSeconds(5), condition);
    }

    /** The fake module, whose attach first fails with the queued failures (one per attach). */
    private static final class FailingAttach implements EncryptionModule {
        final FakeEncryptionModule fake = new FakeEncryptionModule();
        final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
        final AtomicInteger attaches = new AtomicInteger();

        @Override
        public CompletableFuture<Void> attach(EncryptionContext context) {
            attaches.incrementAndGet();
            RuntimeException failure = failures.poll();
            return failure != null ? CompletableFuture.failedFuture(failure) : fake.attach(context);
        }

        @Override
        public CompletableFuture<Void> receiveSync(SyncCryptoChanges changes) {
            return fake.receiveSync(changes);
        }

        @Override
        public CompletableFuture<RawJson> encrypt(RoomEncryptionRequest request) {
            return fake.encrypt(request);
        }

        @Override
        public CompletableFuture<RoomDecryption> decrypt(RoomId roomId, RoomEvent event) {
            return fake.decrypt(roomId, event);
        }

        @Override
        public void detach() {
            fake.detach();
        }
    }
}
