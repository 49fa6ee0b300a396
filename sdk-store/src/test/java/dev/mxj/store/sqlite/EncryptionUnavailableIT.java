package dev.mxj.store.sqlite;

import dev.mxj.EncryptionState;
import dev.mxj.EncryptionUnavailableException;
import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.crypto.machine.MachineConfig;
import dev.mxj.crypto.module.OlmEncryptionModule;
import dev.mxj.crypto.olm.libolm.LibolmBackend;
import dev.mxj.event.RoomEvent;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.CreateRoomRequest;
import dev.mxj.room.Preset;
import dev.mxj.room.Room;
import dev.mxj.send.SendFailedException;
import dev.mxj.send.SendHandle;
import dev.mxj.send.SendState;
import dev.mxj.store.StoredEvent;
import dev.mxj.sync.SyncSettings;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real module on a SQLite file, against Dendrite, when it cannot start: Alice reopens her file
 * with the wrong passphrase. The client says encryption is unavailable ({@code encryptionState()}), a
 * message queued into her encrypted room fails at once with
 * {@link SendFailedException.Reason#ENCRYPTION_UNAVAILABLE} (never sent in plaintext, never left
 * hanging), plain syncing goes on, and the message stays queued: reopened with the right passphrase,
 * it is retried and sent encrypted.
 */
@ExtendWith(DendriteExtension.class)
class EncryptionUnavailableIT {
    private static final SyncSettings QUICK = SyncSettings.defaults().withTimeout(Duration.ofMillis(200));

    @TempDir
    Path dir;

    @Test
    void aWrongPassphraseFailsSendsIntoEncryptedRoomsAndTheyAreSentOnceFixed(Dendrite dendrite, TestUser alice) {
        Path file = dir.resolve("alice.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            store.saveSession(Session.of(dendrite.baseUrl(), UserId.of(alice.userId()),
                    DeviceId.of(alice.deviceId()), alice.accessToken()));
        }
        RoomId roomId;
        try (SqliteStore store = SqliteStore.open(file);
             MatrixClient a = client(dendrite, store, module(store, "the right one"))) {
            Room room = await(a.rooms().create(CreateRoomRequest.builder().preset(Preset.PRIVATE_CHAT)
                    .encrypted().build()));
            roomId = room.roomId();
            syncUntil(a, () -> a.rooms().roomById(roomId).isEncrypted(), "alice's room is encrypted");
            await(room.sendText("with the right passphrase").sent());
            assertInstanceOf(EncryptionState.Ready.class, a.encryptionState());
        }

        String queued;
        try (SqliteStore store = SqliteStore.open(file);
             MatrixClient a = client(dendrite, store, module(store, "a wrong one"))) {
            waitFor(() -> a.encryptionState() instanceof EncryptionState.Unavailable, "encryption unavailable");
            EncryptionState.Unavailable state = (EncryptionState.Unavailable) a.encryptionState();
            assertTrue(state.error().getMessage().contains("passphrase"), state.error().getMessage());

            await(a.sync().syncOnce(QUICK)); // plain syncing goes on

            SendHandle handle = a.rooms().roomById(roomId).sendText("queued while the keys are locked");
            queued = handle.transactionId();
            waitFor(() -> handle.state() instanceof SendState.Failed, "the send failed (did not hang)");
            SendFailedException error = ((SendState.Failed) handle.state()).error();
            assertEquals(SendFailedException.Reason.ENCRYPTION_UNAVAILABLE, error.reason());
            assertInstanceOf(EncryptionUnavailableException.class, error.getCause());
            assertTrue(error.getMessage().contains("passphrase"), error.getMessage());
            assertTrue(a.rooms().roomById(roomId).queuedSend(queued).isPresent(), "it stays queued");
        }

        try (SqliteStore store = SqliteStore.open(file);
             MatrixClient a = client(dendrite, store, module(store, "the right one"))) {
            SendHandle handle = a.rooms().roomById(roomId).queuedSend(queued).orElseThrow();
            assertInstanceOf(SendState.Failed.class, handle.state());
            assertTrue(handle.retry());
            EventId sent = await(handle.sent());
            syncUntil(a, () -> stored(a, roomId, sent).isPresent(), "the message came back by sync");
            assertEquals("m.room.encrypted", stored(a, roomId, sent).orElseThrow().type(), "sent encrypted");
            assertInstanceOf(EncryptionState.Ready.class, a.encryptionState());
        }
    }

    private static OlmEncryptionModule module(SqliteStore store, String passphrase) {
        return OlmEncryptionModule.builder(LibolmBackend.create()).store(store.cryptoStore())
                .passphrase(passphrase.toCharArray()).config(MachineConfig.defaults().withPickleIterations(1000))
                .build();
    }

    private static MatrixClient client(Dendrite dendrite, SqliteStore state, OlmEncryptionModule module) {
        return MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).stateStore(state).encryption(module).build();
    }

    private static Optional<RoomEvent> stored(MatrixClient client, RoomId room, EventId id) {
        return client.rooms().roomById(room).latestEvents(50).stream().map(StoredEvent::event)
                .filter(RoomEvent.class::isInstance).map(RoomEvent.class::cast)
                .filter(e -> e.eventId().equals(id)).findFirst();
    }

    private static void syncUntil(MatrixClient client, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, () -> "timed out: " + what);
            await(client.sync().syncOnce(QUICK));
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, () -> "timed out: " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }
}
