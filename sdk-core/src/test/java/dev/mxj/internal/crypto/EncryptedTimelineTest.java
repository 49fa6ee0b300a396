package dev.mxj.internal.crypto;

import dev.mxj.MatrixClient;
import dev.mxj.event.Decrypted;
import dev.mxj.event.RoomEncryptionContent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.event.UnableToDecrypt;
import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.internal.sync.SyncJson;
import dev.mxj.json.RawJson;
import dev.mxj.spi.CryptoTransport;
import dev.mxj.spi.EncryptionContext;
import dev.mxj.spi.RoomEncryptionRequest;
import dev.mxj.spi.RoomKeys;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.testing.FakeEncryptionModule;
import dev.mxj.testing.MockHomeserver;
import dev.mxj.testing.Pause;
import dev.mxj.timeline.Timeline;
import dev.mxj.timeline.TimelineDiff;
import dev.mxj.timeline.TimelineItem;
import dev.mxj.timeline.TimelineUpdate;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

import static dev.mxj.internal.sync.SyncJson.TS;
import static dev.mxj.internal.sync.SyncJson.member;
import static dev.mxj.internal.sync.SyncJson.obj;
import static dev.mxj.internal.sync.SyncJson.roomState;
import static dev.mxj.internal.sync.SyncJson.sync;
import static dev.mxj.testing.MockHomeserver.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timelines of encrypted rooms: decrypted before aggregating, placeholders, retries, policy, no module. */
class EncryptedTimelineTest {
    private static final RoomId ROOM = RoomId.of("!secret:example.org");
    private static final UserId BOB = UserId.of("@bob:example.org");
    private static final RoomEncryptionContent MEGOLM = new RoomEncryptionContent("m.megolm.v1.aes-sha2",
            Optional.empty(), Optional.empty());

    private final MockHomeserver mock = MockHomeserver.start();
    private final MemoryStateStore store = new MemoryStateStore();
    /** Bob's module, encrypting what bob "sends" (no HTTP: its key goes into our syncs). */
    private final FakeEncryptionModule bobs = new FakeEncryptionModule();
    private MatrixClient client;

    EncryptedTimelineTest() {
        bobs.attach(new EncryptionContext() {
            @Override
            public UserId userId() {
                return BOB;
            }

            @Override
            public DeviceId deviceId() {
                return DeviceId.of("BOBPHONE");
            }

            @Override
            public CryptoTransport transport() {
                return request -> CompletableFuture.completedFuture(RawJson.emptyObject());
            }

            @Override
            public void roomKeysReceived(RoomKeys keys) {
            }
        }).join();
    }

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        mock.close();
    }

    @Test
    void encryptedEditsAndReactionsApplyToTheirDecryptedTarget() {
        client = client(new FakeEncryptionModule());
        Map<String, Object> original = encrypted("$orig", "m.room.message", obj("msgtype", "m.text", "body", "first"));
        Map<String, Object> edit = encrypted("$edit", "m.room.message", obj("msgtype", "m.text", "body", "* second",
                "m.new_content", obj("msgtype", "m.text", "body", "second"),
                "m.relates_to", obj("rel_type", "m.replace", "event_id", "$orig")));
        Map<String, Object> reaction = encrypted("$react", "m.reaction", obj("m.relates_to",
                obj("rel_type", "m.annotation", "event_id", "$orig", "key", "👍")));
        syncOnce(sync("s1").toDevice(BOB, FakeEncryptionModule.KEY_EVENT, bobs.roomKeyContent(ROOM))
                .join(ROOM, room -> room.state(roomState("$enc", "m.room.encryption",
                        obj("algorithm", "m.megolm.v1.aes-sha2")), member("$m", USER, "join", "Alice"))
                        .timeline(original, edit, reaction)));

        try (Timeline timeline = client.rooms().roomById(ROOM).timeline()) {
            List<TimelineItem.Event> events = events(timeline);
            assertEquals(1, events.size(), "the edit and the reaction are aggregated, not rows");
            TimelineItem.Event item = events.get(0);
            Decrypted decrypted = assertInstanceOf(Decrypted.class, item.decryption());
            assertEquals(Optional.of(DeviceId.of("BOBPHONE")), decrypted.sender().deviceId());
            assertEquals("first", body(item.event()));
            assertEquals("second", assertInstanceOf(RoomMessageContent.class, item.content().orElseThrow()).body());
            assertEquals("m.room.encrypted", ((RoomEvent) item.original()).type());
            assertEquals(1, item.aggregations().reactions().size());
            assertEquals("👍", item.aggregations().reactions().get(0).key());
        }
    }

    @Test
    void aModuleThatAnswersLaterShowsAPlaceholderReplacedInPlace() throws Exception {
        FakeEncryptionModule slow = new FakeEncryptionModule();
        ExecutorService later = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        later.execute(gate::join);
        slow.decryptOn = later;
        try {
            client = client(slow);
            syncOnce(encryptedRoomSync("s1", true, encrypted("$e1", "m.room.message", obj("msgtype", "m.text",
                    "body", "slow"))));
            try (Timeline timeline = client.rooms().roomById(ROOM).timeline()) {
                List<TimelineUpdate> updates = new CopyOnWriteArrayList<>();
                AutoCloseable sub = timeline.subscribe(updates::add);
                UnableToDecrypt placeholder = assertInstanceOf(UnableToDecrypt.class,
                        events(timeline).get(0).decryption());
                assertEquals(UnableToDecrypt.Reason.OTHER, placeholder.reason());
                gate.complete(null);
                eventually(() -> events(timeline).get(0).decryption() instanceof Decrypted, "decrypted");
                assertEquals("slow", body(events(timeline).get(0).event()));
                eventually(() -> updates.stream().anyMatch(u -> u instanceof TimelineUpdate.Diffs d
                        && d.diffs().stream().anyMatch(TimelineDiff.Set.class::isInstance)), "a Set diff");
                sub.close();
            }
        } finally {
            later.shutdownNow();
        }
    }

    @Test
    void anEventWithoutItsKeyIsReplacedWhenTheKeyComesWithALaterSync() {
        client = client(new FakeEncryptionModule());
        syncOnce(encryptedRoomSync("s1", false, encrypted("$e1", "m.room.message", obj("msgtype", "m.text",
                "body", "later"))));
        try (Timeline timeline = client.rooms().roomById(ROOM).timeline()) {
            UnableToDecrypt utd = assertInstanceOf(UnableToDecrypt.class, events(timeline).get(0).decryption());
            assertEquals(UnableToDecrypt.Reason.MISSING_ROOM_KEY, utd.reason());
            assertTrue(utd.reason().mayResolveLater());

            syncOnce(sync("s2").toDevice(BOB, FakeEncryptionModule.KEY_EVENT, bobs.roomKeyContent(ROOM)));
            eventually(() -> events(timeline).get(0).decryption() instanceof Decrypted, "decrypted on key arrival");
            assertEquals("later", body(events(timeline).get(0).event()));
        }
    }

    @Test
    void theModulesTrustPolicyMarksItemsToHide() {
        FakeEncryptionModule strict = new FakeEncryptionModule();
        strict.distrust(BOB);
        client = client(strict);
        syncOnce(encryptedRoomSync("s1", true, encrypted("$e1", "m.room.message", obj("msgtype", "m.text",
                "body", "unverified"))));
        try (Timeline timeline = client.rooms().roomById(ROOM).timeline()) {
            TimelineItem.Event item = events(timeline).get(0);
            assertTrue(item.hiddenByTrustPolicy());
            assertEquals(UnableToDecrypt.Reason.SENDER_NOT_TRUSTED,
                    ((UnableToDecrypt) item.decryption()).reason());
        }
    }

    @Test
    void withoutAModuleEncryptedEventsStayAsTheyCame() {
        client = client(null);
        syncOnce(encryptedRoomSync("s1", true, encrypted("$e1", "m.room.message", obj("msgtype", "m.text",
                "body", "unreadable"))));
        try (Timeline timeline = client.rooms().roomById(ROOM).timeline()) {
            TimelineItem.Event item = events(timeline).get(0);
            assertEquals("m.room.encrypted", ((RoomEvent) item.event()).type());
            assertEquals(UnableToDecrypt.Reason.NO_ENCRYPTION_MODULE,
                    assertInstanceOf(UnableToDecrypt.class, item.decryption()).reason());
            assertEquals(item.event(), item.original());
        }
        assertEquals(1, store.toDeviceInbox().size(), "without a module the to-device inbox is left alone");
    }

    /** An m.room.encrypted event from bob, encrypted by bob's module (relation left in the clear as core does). */
    private Map<String, Object> encrypted(String id, String type, Map<String, Object> content) {
        RawJson plaintext = RawJson.ofTree(content);
        RawJson ciphertext = bobs.encrypt(new RoomEncryptionRequest(ROOM, MEGOLM, Set.of(USER), type, plaintext,
                "txn" + id)).join();
        @SuppressWarnings("unchecked")
        Map<String, Object> clear = (Map<String, Object>) E2ee.withRelation(ciphertext, plaintext).tree();
        return obj("type", "m.room.encrypted", "event_id", id, "sender", BOB.value(), "origin_server_ts", TS,
                "content", clear);
    }

    private SyncJson encryptedRoomSync(String batch, boolean withKey, Map<String, Object> event) {
        SyncJson json = sync(batch).join(ROOM, room -> room.state(roomState("$enc", "m.room.encryption",
                obj("algorithm", "m.megolm.v1.aes-sha2")), member("$m", USER, "join", "Alice")).timeline(event));
        // Without a module the key share is still a to-device event in the inbox.
        return withKey ? json.toDevice(BOB, FakeEncryptionModule.KEY_EVENT, bobs.roomKeyContent(ROOM)) : json;
    }

    private MatrixClient client(FakeEncryptionModule module) {
        store.saveSession(mock.session());
        MatrixClient.Builder builder = mock.builder().stateStore(store);
        if (module != null) {
            builder.encryption(module);
        }
        mock.ok("{\"filter_id\":\"f\"}");
        return builder.build();
    }

    private void syncOnce(SyncJson json) {
        mock.ok(json.json());
        client.sync().syncOnce().join();
    }

    private static List<TimelineItem.Event> events(Timeline timeline) {
        return timeline.items().stream().filter(TimelineItem.Event.class::isInstance)
                .map(TimelineItem.Event.class::cast).toList();
    }

    private static String body(Object event) {
        return assertInstanceOf(RoomMessageContent.class, ((RoomEvent) event).content()).body();
    }

    private static void eventually(BooleanSupplier condition, String what) {
        Pause.assertEventually(what, Duration.ofSeconds(5), condition);
    }
}
