package dev.mxj.internal.crypto;

import dev.mxj.MatrixClient;
import dev.mxj.MatrixException;
import dev.mxj.event.ToDeviceEvent;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.send.SendHandle;
import dev.mxj.send.SendState;
import dev.mxj.spi.SyncCryptoChanges;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.testing.FakeEncryptionModule;
import dev.mxj.testing.MockHomeserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static dev.mxj.internal.sync.SyncJson.member;
import static dev.mxj.internal.sync.SyncJson.obj;
import static dev.mxj.internal.sync.SyncJson.roomState;
import static dev.mxj.internal.sync.SyncJson.sync;
import static dev.mxj.testing.Pause.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A module that does not answer never stops sync or the send queue: each sync waits for it up to the
 * client's encryption timeout, and the module still gets every sync, one at a time and in order,
 * once it answers; an encryption that does not come fails its send.
 */
class EncryptionTimeoutTest {
    private static final UserId BOB = UserId.of("@bob:example.org");

    private final MockHomeserver mock = MockHomeserver.start();
    private final MemoryStateStore store = new MemoryStateStore();
    private final FakeEncryptionModule module = new FakeEncryptionModule();
    private final MatrixClient client;

    EncryptionTimeoutTest() {
        store.saveSession(mock.session());
        client = mock.builder().stateStore(store).encryption(module).encryptionTimeout(Duration.ofMillis(300))
                .build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        mock.close();
    }

    @Test
    void aHungModuleFailsEachSyncAfterTheTimeoutAndGetsThemAllInOrderOnceItAnswers() {
        CompletableFuture<Void> hung = new CompletableFuture<>();
        module.beforeReceive = hung;
        mock.ok("{\"filter_id\":\"f\"}").ok(sync("s1").toDevice(BOB, "m.room_key", obj("n", 1)).json())
                .ok(sync("s2").toDevice(BOB, "m.room_key", obj("n", 2)).json());

        for (String token : List.of("s1", "s2")) {
            CompletionException failed = assertThrows(CompletionException.class,
                    () -> client.sync().syncOnce().orTimeout(10, TimeUnit.SECONDS).join());
            assertInstanceOf(MatrixException.class, failed.getCause());
            assertTrue(failed.getCause().getMessage().contains("has not taken the keys of this sync after 300 ms"),
                    failed.getCause().getMessage());
            assertEquals(Optional.of(token), store.syncToken(), "the sync itself was saved");
        }
        assertEquals(2, store.toDeviceInbox().size(), "the to-device events wait in the inbox");
        assertEquals(List.of(), module.syncs, "nothing was taken yet");

        hung.complete(null);
        until(() -> module.syncs.size() >= 2 && store.toDeviceInbox().isEmpty(), Duration.ofSeconds(5));
        assertEquals(List.of("s1", "s2"), module.syncs.stream().map(SyncCryptoChanges::nextBatch).toList());
        // The second sync was handed over only after the first was done: its inbox no longer had n=1.
        assertEquals(List.of(List.of(1L), List.of(2L)), module.syncs.stream()
                .map(changes -> numbers(changes.toDevice())).toList());
        assertEquals(List.of(), store.toDeviceInbox());
    }

    @Test
    void syncsStillQueuedForTheModuleWhenTheClientClosesAreNotHandedOver() throws Exception {
        CompletableFuture<Void> hung = new CompletableFuture<>();
        module.beforeReceive = hung;
        mock.ok("{\"filter_id\":\"f\"}").ok(sync("s1").toDevice(BOB, "m.room_key", obj("n", 1)).json())
                .ok(sync("s2").toDevice(BOB, "m.room_key", obj("n", 2)).json());
        for (int i = 0; i < 2; i++) {
            assertThrows(CompletionException.class,
                    () -> client.sync().syncOnce().orTimeout(10, TimeUnit.SECONDS).join());
        }

        client.close();
        hung.complete(null);
        Thread.sleep(300);
        assertEquals(List.of("s1"), module.syncs.stream().map(SyncCryptoChanges::nextBatch).toList(),
                "only the hand-over under way when the client closed");
        assertEquals(1, module.attaches.get(), "nothing attached the module again after close");
        assertEquals(List.of(2L), numbers(store.toDeviceInbox()), "s2's to-device event waits for the next run");
    }

    @Test
    void anEncryptionThatDoesNotAnswerFailsTheSendAfterTheTimeout() {
        RoomId room = RoomId.of("!secret:example.org");
        mock.ok("{\"filter_id\":\"f\"}").ok(sync("s1").join(room, r -> r.state(
                roomState("$enc", "m.room.encryption", obj("algorithm", "m.megolm.v1.aes-sha2")),
                member("$m1", MockHomeserver.USER, "join", "Alice"))).json());
        client.sync().syncOnce().join();
        module.beforeEncrypt = new CompletableFuture<>();
        mock.ok("{\"chunk\":[]}"); // the members the event is encrypted for

        SendHandle handle = client.rooms().roomById(room).sendText("never encrypted");
        until(() -> handle.state() instanceof SendState.Failed, Duration.ofSeconds(10));
        SendState.Failed failed = assertInstanceOf(SendState.Failed.class, handle.state(),
                "the send still waits for the module");
        assertTrue(failed.error().getMessage().contains("has not encrypted this event after 300 ms"),
                failed.error().getMessage());
        assertEquals(3, mock.requestCount(), "the filter, the sync and the members: no PUT, nothing was sent");
    }

    private static List<Long> numbers(List<ToDeviceEvent> events) {
        return events.stream()
                .map(e -> e.raw().object("content").orElseThrow().longValue("n").orElseThrow()).toList();
    }
}
