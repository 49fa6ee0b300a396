package dev.mxj.interop;

import dev.mxj.MatrixClient;
import dev.mxj.auth.LoginRequest;
import dev.mxj.auth.Session;
import dev.mxj.crypto.attachment.EncryptedFile;
import dev.mxj.crypto.attachment.EncryptedMedia;
import dev.mxj.crypto.attachment.EncryptedMediaMessage;
import dev.mxj.crypto.machine.MachineConfig;
import dev.mxj.crypto.module.OlmEncryptionModule;
import dev.mxj.crypto.olm.libolm.LibolmBackend;
import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.MemoryCryptoStore;
import dev.mxj.crypto.store.StoredOutboundGroupSession;
import dev.mxj.event.Decrypted;
import dev.mxj.event.DecryptionResult;
import dev.mxj.event.MessageType;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.media.UploadSource;
import dev.mxj.room.CreateRoomRequest;
import dev.mxj.room.Membership;
import dev.mxj.room.Preset;
import dev.mxj.room.Room;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.store.StateStore;
import dev.mxj.store.StoredEvent;
import dev.mxj.store.sqlite.SqliteStore;
import dev.mxj.sync.SyncSettings;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.TestUser;
import dev.mxj.timeline.Timeline;
import dev.mxj.timeline.TimelineItem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One mxj client in the interop tests, as an app would run it: the real {@link OlmEncryptionModule}
 * (libolm), a sync loop running in the background, and a live timeline per room it is in. Its
 * keys live in memory, or with everything else in one SQLite file ({@link #onFile}) so that it can
 * be closed and opened again.
 */
final class MxjParty implements AutoCloseable {
    /** How long any condition is waited for. */
    static final Duration WAIT = Duration.ofSeconds(45);
    private static final SyncSettings SYNC = SyncSettings.defaults().withTimeout(Duration.ofSeconds(2));
    private static final MachineConfig FAST_PICKLES = MachineConfig.defaults().withPickleIterations(1000);

    private final String name;
    private final MatrixClient client;
    private final CryptoStore keys;
    private final Optional<SqliteStore> file;
    private final ExecutorService callbacks;
    private final Map<RoomId, Timeline> timelines = new ConcurrentHashMap<>();

    private MxjParty(String name, MatrixClient client, CryptoStore keys, Optional<SqliteStore> file,
                     ExecutorService callbacks) {
        this.name = name;
        this.client = client;
        this.keys = keys;
        this.file = file;
        this.callbacks = callbacks;
    }

    /** A client on the test user's registered device, everything in memory, syncing. */
    static MxjParty inMemory(String name, Dendrite dendrite, TestUser user) {
        MemoryStateStore state = new MemoryStateStore();
        state.saveSession(Session.of(dendrite.baseUrl(), UserId.of(user.userId()), DeviceId.of(user.deviceId()),
                user.accessToken()));
        MemoryCryptoStore keys = new MemoryCryptoStore();
        ExecutorService callbacks = callbacks(name);
        return started(name, client(dendrite, state, module(keys, user), callbacks), keys, Optional.empty(),
                callbacks);
    }

    /** A client that logs in with the user's password as a new device, everything in memory, syncing. */
    static MxjParty newDevice(String name, Dendrite dendrite, TestUser user, String deviceId) {
        MemoryCryptoStore keys = new MemoryCryptoStore();
        ExecutorService callbacks = callbacks(name);
        MatrixClient client = client(dendrite, new MemoryStateStore(), module(keys, user), callbacks);
        try {
            await(client.auth().login(LoginRequest.password(UserId.of(user.userId()), user.password())
                    .withDeviceId(DeviceId.of(deviceId))));
        } catch (RuntimeException e) {
            client.close();
            callbacks.shutdownNow();
            throw e;
        }
        return started(name, client, keys, Optional.empty(), callbacks);
    }

    /**
     * A client whose session, sync state and keys live in {@code path} (a {@link SqliteStore} and
     * its {@link SqliteStore#cryptoStore()}); a file without a session gets the test user's.
     * Opening the same file again after {@link #close()} is a restart.
     */
    static MxjParty onFile(String name, Dendrite dendrite, TestUser user, Path path) {
        SqliteStore store = SqliteStore.open(path);
        try {
            if (store.loadSession().isEmpty()) {
                store.saveSession(Session.of(dendrite.baseUrl(), UserId.of(user.userId()),
                        DeviceId.of(user.deviceId()), user.accessToken()));
            }
            CryptoStore keys = store.cryptoStore(); // the keys in the same file, as docs/e2ee.md shows
            ExecutorService callbacks = callbacks(name);
            return started(name, client(dendrite, store, module(keys, user), callbacks), keys, Optional.of(store),
                    callbacks);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static MxjParty started(String name, MatrixClient client, CryptoStore keys, Optional<SqliteStore> file,
                                    ExecutorService callbacks) {
        MxjParty party = new MxjParty(name, client, keys, file, callbacks);
        client.sync().start(SYNC);
        return party;
    }

    private static OlmEncryptionModule module(CryptoStore keys, TestUser user) {
        return OlmEncryptionModule.builder(LibolmBackend.create()).store(keys).passphrase(passphrase(user))
                .config(FAST_PICKLES).build();
    }

    /** The app's secret for the user's keys: the same each time the user's store is opened. */
    private static char[] passphrase(TestUser user) {
        return (user.localpart() + "'s passphrase").toCharArray();
    }

    /** The client's listeners run here, so that closing waits for them before the store closes. */
    private static ExecutorService callbacks(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name + "-callbacks");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static MatrixClient client(Dendrite dendrite, StateStore state, OlmEncryptionModule module,
                                       ExecutorService callbacks) {
        return MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).stateStore(state).encryption(module)
                .callbackExecutor(callbacks).build();
    }

    String name() {
        return name;
    }

    UserId userId() {
        return client.session().orElseThrow().userId();
    }

    DeviceId deviceId() {
        return client.session().orElseThrow().deviceId();
    }

    MatrixClient client() {
        return client;
    }

    /** Creates a Megolm-encrypted private room, inviting {@code invitees}, and follows its timeline. */
    RoomId createEncryptedRoom(UserId... invitees) {
        CreateRoomRequest.Builder request = CreateRoomRequest.builder().preset(Preset.PRIVATE_CHAT).encrypted();
        Arrays.stream(invitees).forEach(request::invite);
        RoomId roomId = await(client.rooms().create(request.build())).roomId();
        follow(roomId);
        return roomId;
    }

    /** Joins a room it was invited to, waits until sync shows it joined and encrypted, and follows it. */
    void join(RoomId roomId) {
        await(client.rooms().join(roomId));
        follow(roomId);
    }

    /** Waits until sync shows the room joined and encrypted, then opens its live timeline. */
    void follow(RoomId roomId) {
        awaitCondition(() -> room(roomId).isStored() && room(roomId).isEncrypted()
                && hasMembership(roomId, userId(), Membership.JOIN), name + " sees " + roomId + " joined and encrypted");
        timelines.computeIfAbsent(roomId, id -> room(id).timeline());
    }

    /** Leaves a room and waits until sync shows it. */
    void leave(RoomId roomId) {
        Optional.ofNullable(timelines.remove(roomId)).ifPresent(Timeline::close);
        await(room(roomId).leave(Optional.empty()));
        awaitMember(roomId, userId(), Membership.LEAVE);
    }

    /** Waits until this client's synced state has {@code user} with {@code membership} in the room. */
    void awaitMember(RoomId roomId, UserId user, Membership membership) {
        awaitCondition(() -> hasMembership(roomId, user, membership),
                name + " sees " + user + " with membership " + membership + " in " + roomId);
    }

    private boolean hasMembership(RoomId roomId, UserId user, Membership membership) {
        Room room = room(roomId);
        return room.isStored() && room.members().stream()
                .anyMatch(m -> m.userId().equals(user) && m.membership() == membership);
    }

    /** Waits until this client's crypto knows a device (from sync's device list changes and a key query). */
    void awaitDevice(UserId user, DeviceId device) {
        awaitCondition(() -> keys.devices(user).containsKey(device), name + " knows device " + user + " " + device);
    }

    /** Sends an {@code m.text} (plain text, no Markdown), encrypted as the room is; answers its event ID. */
    EventId send(RoomId roomId, String text) {
        return await(room(roomId).sendText(text).sent());
    }

    /** Encrypts and uploads {@code data}, then sends it as an {@code m.file}; answers the event ID. */
    EventId sendFile(RoomId roomId, String fileName, byte[] data) {
        EncryptedFile uploaded = await(EncryptedMedia.of(client).upload(new UploadSource.Bytes(data)));
        var content = EncryptedMediaMessage.file(fileName, uploaded).withMimetype("application/octet-stream")
                .withSize(data.length).toContent();
        return await(room(roomId).sendEvent(RoomMessageContent.TYPE, content).sent());
    }

    /**
     * Waits until the event is decrypted here: in the live timeline (which decrypts again when room
     * keys arrive), or, for an event outside the timeline's window, from stored history.
     *
     * @return the decrypted event, or why not when the wait ran out
     */
    Outcome awaitDecrypted(RoomId roomId, EventId eventId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "not received";
        while (true) {
            DecryptionResult result = current(roomId, eventId).orElse(null);
            if (result instanceof Decrypted decrypted) {
                return new Outcome(Optional.of(decrypted), "decrypted");
            }
            if (result != null) {
                last = result.toString();
            }
            if (System.nanoTime() > deadline) {
                return new Outcome(Optional.empty(), last);
            }
            pause();
        }
    }

    /** What waiting for a decryption gave: the event, or why not. */
    record Outcome(Optional<Decrypted> decrypted, String why) {
    }

    private Optional<DecryptionResult> current(RoomId roomId, EventId eventId) {
        Timeline timeline = timelines.get(roomId);
        if (timeline != null) {
            Optional<TimelineItem.Event> item = timeline.items().stream().filter(TimelineItem.Event.class::isInstance)
                    .map(TimelineItem.Event.class::cast).filter(i -> i.eventId().equals(Optional.of(eventId)))
                    .findFirst();
            if (item.isPresent()) {
                return Optional.of(item.get().decryption());
            }
        }
        return stored(roomId, eventId).map(event -> await(room(roomId).decrypt(event)));
    }

    /** Decrypts an event this client may never have received (another client's copy). */
    DecryptionResult decrypt(RoomId roomId, RoomEvent event) {
        return await(room(roomId).decrypt(event));
    }

    /** The event as this client stored it from sync (encrypted, as it came). */
    Optional<RoomEvent> stored(RoomId roomId, EventId eventId) {
        return room(roomId).latestEvents(500).stream().map(StoredEvent::event).filter(RoomEvent.class::isInstance)
                .map(RoomEvent.class::cast).filter(e -> e.eventId().equals(eventId)).findFirst();
    }

    /** Waits until sync stored the event. */
    RoomEvent awaitStored(RoomId roomId, EventId eventId) {
        awaitCondition(() -> stored(roomId, eventId).isPresent(), name + " receives " + eventId);
        return stored(roomId, eventId).orElseThrow();
    }

    /** The IDs of the {@code m.room.encrypted} events stored for the room, oldest first. */
    List<EventId> storedEncryptedEvents(RoomId roomId) {
        return room(roomId).latestEvents(500).stream().map(StoredEvent::event).filter(RoomEvent.class::isInstance)
                .map(RoomEvent.class::cast).filter(e -> e.type().equals("m.room.encrypted")).map(RoomEvent::eventId)
                .toList();
    }

    /** Downloads, checks and decrypts the file of a decrypted file message. */
    byte[] download(Decrypted message) {
        RoomMessageContent content = assertInstanceOf(RoomMessageContent.class, message.event().content());
        MessageType.Media media = assertInstanceOf(MessageType.Media.class, content.message());
        EncryptedFile file = EncryptedFile.fromMessage(media)
                .orElseThrow(() -> new AssertionError("not an encrypted file: " + media.msgtype()));
        try (InputStream in = await(EncryptedMedia.of(client).download(file))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Megolm session this client encrypts the room with now, as its crypto store holds it. */
    Optional<StoredOutboundGroupSession> outboundSession(RoomId roomId) {
        return keys.outboundGroupSession(roomId);
    }

    Room room(RoomId roomId) {
        return client.rooms().roomById(roomId);
    }

    /** Stops syncing and closes the timelines, the client and (for a file) the store. */
    @Override
    public void close() {
        timelines.values().forEach(Timeline::close);
        timelines.clear();
        try {
            client.sync().stop().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing the client below ends the loop anyway
        }
        client.close();
        callbacks.shutdown();
        try {
            callbacks.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        file.ifPresent(SqliteStore::close);
    }

    void awaitCondition(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + WAIT.toSeconds() + " s: " + what);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    @Override
    public String toString() {
        return name;
    }
}
