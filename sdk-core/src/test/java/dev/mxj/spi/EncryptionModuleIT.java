package dev.mxj.spi;

import dev.mxj.EncryptionUnavailableException;
import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.event.Decrypted;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.event.SyncEvent;
import dev.mxj.event.UnableToDecrypt;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.room.CreateRoomRequest;
import dev.mxj.room.Preset;
import dev.mxj.room.Room;
import dev.mxj.send.SendHandle;
import dev.mxj.send.SendState;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.store.StoredEvent;
import dev.mxj.sync.SyncFilter;
import dev.mxj.sync.SyncSettings;
import dev.mxj.testing.FakeEncryptionModule;
import dev.mxj.testing.Pause;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import dev.mxj.timeline.PaginationResult;
import dev.mxj.timeline.Timeline;
import dev.mxj.timeline.TimelineDiff;
import dev.mxj.timeline.TimelineItem;
import dev.mxj.timeline.TimelineUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's end-to-end encryption wiring against Dendrite, with {@link FakeEncryptionModule} (the
 * real module lives in sdk-crypto): sends into encrypted rooms go through the module and the server
 * stores {@code m.room.encrypted}; the other client's timeline shows them decrypted; UTDs are decrypted
 * when their key arrives; without a module nothing is sent in plaintext.
 */
@ExtendWith(DendriteExtension.class)
class EncryptionModuleIT {
    private static final SyncSettings QUICK = SyncSettings.defaults().withTimeout(Duration.ofMillis(200));

    @Test
    void anEncryptedSendGoesThroughTheModuleAndTheOtherClientReadsItDecrypted(Dendrite dendrite, TestUser alice,
                                                                            TestUser bob) throws Exception {
        FakeEncryptionModule aliceModule = new FakeEncryptionModule();
        FakeEncryptionModule bobModule = new FakeEncryptionModule();
        try (MatrixClient a = client(dendrite, alice, Optional.of(aliceModule));
             MatrixClient b = client(dendrite, bob, Optional.of(bobModule))) {
            Room room = encryptedRoomWith(a, b, bob);
            EventId hello = await(room.sendText("hello, secret world").sent());
            EventId edit = await(room.edit(hello, "hello, edited world").sent());

            RoomEncryptionRequest request = aliceModule.encrypted.get(0);
            assertEquals(room.roomId(), request.roomId());
            assertEquals("m.megolm.v1.aes-sha2", request.settings().algorithm());
            assertEquals(java.util.Set.of(UserId.of(alice.userId()), UserId.of(bob.userId())), request.recipients());
            assertEquals("m.room.message", request.eventType());

            syncUntil(b, () -> stored(b, room.roomId(), edit).isPresent(), "bob's sync brings both events");
            RoomEvent onServer = stored(b, room.roomId(), hello).orElseThrow();
            assertEquals("m.room.encrypted", onServer.type(), "the server got the encrypted form");
            RawJson serverContent = onServer.raw().object("content").orElseThrow();
            assertFalse(serverContent.json().contains("secret world"), "no plaintext reached the server");
            assertEquals(Optional.of(hello.value()), stored(b, room.roomId(), edit).orElseThrow().raw()
                    .object("content").flatMap(c -> c.object("m.relates_to")).flatMap(r -> r.string("event_id")),
                    "an edit's relation stays in the clear");

            try (Timeline timeline = b.rooms().roomById(room.roomId()).timeline()) {
                Decrypted decrypted = assertInstanceOf(Decrypted.class, item(timeline, hello).decryption());
                assertEquals("hello, secret world", body(item(timeline, hello).event()));
                assertEquals(Optional.of(DeviceId.of(alice.deviceId())), decrypted.sender().deviceId());
                assertEquals("m.room.encrypted", decrypted.encrypted().type());
            }
            Decrypted direct = assertInstanceOf(Decrypted.class,
                    await(b.rooms().roomById(room.roomId()).decrypt(onServer)));
            assertEquals("hello, secret world", body(direct.event()));
        }
    }

    @Test
    void anEventWhoseKeyComesLaterIsDecryptedInTheOpenTimelineAndInStoredHistory(Dendrite dendrite, TestUser alice,
                                                                                TestUser bob) throws Exception {
        FakeEncryptionModule aliceModule = new FakeEncryptionModule();
        try (MatrixClient a = client(dendrite, alice, Optional.of(aliceModule));
             MatrixClient b = client(dendrite, bob, Optional.of(new FakeEncryptionModule()))) {
            Room room = encryptedRoomWith(a, b, bob);
            aliceModule.holdKeys();
            EventId late = await(room.sendText("the key comes later").sent());
            syncUntil(b, () -> stored(b, room.roomId(), late).isPresent(), "bob gets the event");

            Timeline timeline = b.rooms().roomById(room.roomId()).timeline();
            List<TimelineUpdate> updates = new CopyOnWriteArrayList<>();
            try (timeline) {
                AutoCloseable subscription = timeline.subscribe(updates::add);
                UnableToDecrypt utd = assertInstanceOf(UnableToDecrypt.class, item(timeline, late).decryption());
                assertEquals(UnableToDecrypt.Reason.MISSING_ROOM_KEY, utd.reason());
                assertEquals("m.room.encrypted", ((RoomEvent) item(timeline, late).event()).type());

                await(aliceModule.releaseKeys());
                await(b.sync().syncOnce(QUICK));
                eventually("the open timeline shows the event decrypted",
                        () -> item(timeline, late).decryption() instanceof Decrypted);
                assertEquals("the key comes later", body(item(timeline, late).event()));
                eventually("a subscriber saw the item replaced in place", () -> updates.stream()
                        .filter(TimelineUpdate.Diffs.class::isInstance).map(TimelineUpdate.Diffs.class::cast)
                        .flatMap(d -> d.diffs().stream()).anyMatch(d -> d instanceof TimelineDiff.Set set
                                && set.item() instanceof TimelineItem.Event e && e.decryption() instanceof Decrypted));
                subscription.close();
            }
            try (Timeline again = b.rooms().roomById(room.roomId()).timeline()) {
                assertInstanceOf(Decrypted.class, item(again, late).decryption(), "stored history reads decrypted");
            }
        }
    }

    @Test
    void backPaginationDecryptsOlderEvents(Dendrite dendrite, TestUser alice, TestUser bob) throws Exception {
        try (MatrixClient a = client(dendrite, alice, Optional.of(new FakeEncryptionModule()));
             MatrixClient b = client(dendrite, bob, Optional.of(new FakeEncryptionModule()))) {
            Room room = encryptedRoomWith(a, b, bob);
            List<EventId> sent = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                sent.add(await(room.sendText("old message " + i).sent()));
            }
            SyncSettings limit3 = QUICK.withFilter(SyncFilter.defaults().withTimelineLimit(3));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (stored(b, room.roomId(), sent.get(11)).isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "bob's sync never brought the last message");
                await(b.sync().syncOnce(limit3));
            }
            try (Timeline timeline = b.rooms().roomById(room.roomId()).timeline()) {
                PaginationResult page;
                int rounds = 0;
                do {
                    page = await(timeline.paginateBackwards(10));
                } while (!page.reachedStart() && ++rounds < 20);
                for (int i = 0; i < sent.size(); i++) {
                    TimelineItem.Event item = item(timeline, sent.get(i));
                    assertInstanceOf(Decrypted.class, item.decryption(), "message " + (i + 1));
                    assertEquals("old message " + (i + 1), body(item.event()));
                }
            }
        }
    }

    @Test
    void withoutAModuleNothingIsSentInPlaintextAndEncryptedEventsStayAsTheyCame(Dendrite dendrite, TestUser alice,
                                                                               TestUser bob) throws Exception {
        try (MatrixClient a = client(dendrite, alice, Optional.of(new FakeEncryptionModule()));
             MatrixClient b = client(dendrite, bob, Optional.empty())) {
            assertFalse(b.encryptionEnabled());
            Room room = encryptedRoomWith(a, b, bob);
            EventId secret = await(room.sendText("for modules only").sent());
            syncUntil(b, () -> stored(b, room.roomId(), secret).isPresent(), "bob gets alice's event");

            Room seen = b.rooms().roomById(room.roomId());
            assertTrue(seen.isEncrypted());
            EncryptionUnavailableException refused = assertThrows(EncryptionUnavailableException.class,
                    () -> seen.sendText("would be plaintext"));
            assertTrue(refused.getMessage().contains("sdk-crypto"), refused.getMessage());
            try (Timeline timeline = seen.timeline()) {
                TimelineItem.Event item = item(timeline, secret);
                assertEquals("m.room.encrypted", ((RoomEvent) item.event()).type());
                assertEquals(UnableToDecrypt.Reason.NO_ENCRYPTION_MODULE,
                        assertInstanceOf(UnableToDecrypt.class, item.decryption()).reason());
            }

            // A room bob has just joined and not synced yet: the check happens when the event is sent.
            Room fresh = await(a.rooms().create(CreateRoomRequest.builder().preset(Preset.PRIVATE_CHAT).encrypted()
                    .invite(UserId.of(bob.userId())).build()));
            Room joined = await(b.rooms().join(fresh.roomId(), List.of()));
            SendHandle handle = joined.sendText("must not leak");
            eventually("the send failed", () -> handle.state() instanceof SendState.Failed);
            SendState.Failed failed = (SendState.Failed) handle.state();
            assertInstanceOf(EncryptionUnavailableException.class, failed.error().getCause());

            EventId marker = await(fresh.sendText("marker").sent());
            syncUntil(a, () -> stored(a, fresh.roomId(), marker).isPresent(), "alice sees her marker");
            assertTrue(a.rooms().roomById(fresh.roomId()).latestEvents(50).stream().map(StoredEvent::event)
                    .filter(RoomEvent.class::isInstance).map(RoomEvent.class::cast)
                    .noneMatch(e -> e.sender().value().equals(bob.userId()) && e.type().equals("m.room.message")),
                    "bob sent nothing in plaintext");
        }
    }

    @Test
    void aModuleOnTheClassPathIsFoundAndEnableEncryptionTakesEffectAtOnce(Dendrite dendrite, TestUser alice)
            throws Exception {
        FakeEncryptionModule found = new FakeEncryptionModule();
        FakeEncryptionModule.Provider.offer(found);
        try (MatrixClient a = client(dendrite, alice, Optional.empty())) {
            assertTrue(a.encryptionEnabled(), "the ServiceLoader provider's module is used");
            Room room = await(a.rooms().create(CreateRoomRequest.builder().preset(Preset.PRIVATE_CHAT).build()));
            await(room.enableEncryption());
            assertTrue(room.isEncrypted(), "encrypted before any sync confirms it");
            EventId sent = await(room.sendText("encrypted right away").sent());
            assertEquals(1, found.encrypted.size());
            syncUntil(a, () -> stored(a, room.roomId(), sent).isPresent(), "alice's sync brings the event");
            assertEquals("m.room.encrypted", stored(a, room.roomId(), sent).orElseThrow().type());
            assertEquals(1, found.attaches.get());
        }
        assertEquals(1, found.detaches.get(), "closing the client detaches the module");
    }

    /** Alice creates an encrypted room and invites bob; bob joins; both have synced it. */
    private static Room encryptedRoomWith(MatrixClient a, MatrixClient b, TestUser bob) {
        Room room = await(a.rooms().create(CreateRoomRequest.builder().preset(Preset.PRIVATE_CHAT).encrypted()
                .invite(UserId.of(bob.userId())).build()));
        await(b.rooms().join(room.roomId(), List.of()));
        syncUntil(b, () -> b.rooms().roomById(room.roomId()).isEncrypted(), "bob's store knows the room encrypted");
        syncUntil(a, () -> a.rooms().roomById(room.roomId()).isStored(), "alice's store knows the room");
        return room;
    }

    private static TimelineItem.Event item(Timeline timeline, EventId id) {
        return timeline.items().stream().filter(TimelineItem.Event.class::isInstance).map(TimelineItem.Event.class::cast)
                .filter(i -> i.eventId().equals(Optional.of(id))).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in the timeline"));
    }

    private static String body(SyncEvent event) {
        return assertInstanceOf(RoomMessageContent.class, ((RoomEvent) event).content()).body();
    }

    private static Optional<RoomEvent> stored(MatrixClient client, RoomId room, EventId id) {
        return client.rooms().roomById(room).latestEvents(100).stream().map(StoredEvent::event)
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

    private static void eventually(String what, BooleanSupplier condition) {
        Pause.assertEventually(what, Duration.ofSeconds(10), condition);
    }

    private static MatrixClient client(Dendrite dendrite, TestUser user, Optional<FakeEncryptionModule> module) {
        MemoryStateStore store = new MemoryStateStore();
        store.saveSession(Session.of(dendrite.baseUrl(), UserId.of(user.userId()), DeviceId.of(user.deviceId()),
                user.accessToken()));
        MatrixClient.Builder builder = MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).stateStore(store);
        module.ifPresent(builder::encryption);
        return builder.build();
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }
}
