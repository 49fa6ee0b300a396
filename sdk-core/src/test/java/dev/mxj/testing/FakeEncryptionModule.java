package dev.mxj.testing;

import dev.mxj.event.DeviceTrust;
import dev.mxj.event.RoomEncryptedContent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.SenderDevice;
import dev.mxj.event.ToDeviceEvent;
import dev.mxj.event.UnableToDecrypt;
import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.spi.CryptoRequest;
import dev.mxj.spi.EncryptionContext;
import dev.mxj.spi.EncryptionModule;
import dev.mxj.spi.EncryptionModuleProvider;
import dev.mxj.spi.RoomDecryption;
import dev.mxj.spi.RoomEncryptionRequest;
import dev.mxj.spi.RoomKeys;
import dev.mxj.spi.SyncCryptoChanges;
import dev.mxj.store.StateStore;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test {@link dev.mxj.spi.EncryptionModule} with no real cryptography: it produces the
 * {@code m.room.encrypted} shape ({@code algorithm}, {@code ciphertext}, {@code session_id},
 * {@code sender_key}, {@code device_id}) with the payload XORed with a per-room "session key", and
 * shares that key in the clear with the recipients' devices by a real to-device message
 * ({@value #KEY_EVENT}), so that a second client's module learns it through sync, as room keys travel.
 * {@link #holdKeys()} keeps the shares back until {@link #releaseKeys()}: the other side sees UTDs
 * until then. Records what the client handed it, for assertions.
 */
public final class FakeEncryptionModule implements EncryptionModule {
    public static final String KEY_EVENT = "dev.mxj.fake.room_key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AtomicReference<EncryptionContext> context = new AtomicReference<>();
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final Map<RoomId, String> outbound = new ConcurrentHashMap<>();
    private final Set<String> shared = ConcurrentHashMap.newKeySet();
    private final List<CryptoRequest> held = new CopyOnWriteArrayList<>();
    private final Set<UserId> untrusted = ConcurrentHashMap.newKeySet();
    private volatile boolean holding;
    /** What the client handed over, in order. */
    public final List<SyncCryptoChanges> syncs = new CopyOnWriteArrayList<>();
    /** The encryption requests, in order. */
    public final List<RoomEncryptionRequest> encrypted = new CopyOnWriteArrayList<>();
    public final AtomicInteger attaches = new AtomicInteger();
    public final AtomicInteger detaches = new AtomicInteger();
    /** When set, {@link #receiveSync} fails with it (once), as a broken crypto store would. */
    public final AtomicReference<RuntimeException> failNextSync = new AtomicReference<>();
    /** Taking a sync waits for this future (one that does not complete is a hung module). */
    public volatile CompletableFuture<Void> beforeReceive = CompletableFuture.completedFuture(null);
    /** Encryption waits for this future (a never-completing one stalls every send). */
    public volatile CompletableFuture<Void> beforeEncrypt = CompletableFuture.completedFuture(null);
    /** When set, decryption answers later, on this executor, as an asynchronous module would. */
    public volatile Executor decryptOn;

    @Override
    public CompletableFuture<Void> attach(EncryptionContext ctx) {
        attaches.incrementAndGet();
        context.set(ctx);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> receiveSync(SyncCryptoChanges changes) {
        RuntimeException failure = failNextSync.getAndSet(null);
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        return beforeReceive.thenRun(() -> receiveNow(changes));
    }

    private void receiveNow(SyncCryptoChanges changes) {
        syncs.add(changes);
        Map<RoomId, Set<String>> arrived = new HashMap<>();
        for (ToDeviceEvent event : changes.toDevice()) {
            if (!event.type().equals(KEY_EVENT)) {
                continue;
            }
            RawJson content = event.raw().object("content").orElse(RawJson.emptyObject());
            Optional<String> room = content.string("room_id");
            Optional<String> session = content.string("session_id");
            Optional<String> key = content.string("key");
            if (room.isPresent() && session.isPresent() && key.isPresent()) {
                keys.put(session.get(), Base64.getDecoder().decode(key.get()));
                arrived.computeIfAbsent(RoomId.of(room.get()), r -> new HashSet<>()).add(session.get());
            }
        }
        EncryptionContext ctx = context.get();
        arrived.forEach((room, sessions) -> ctx.roomKeysReceived(new RoomKeys(room, sessions)));
    }

    @Override
    public CompletableFuture<RawJson> encrypt(RoomEncryptionRequest request) {
        return beforeEncrypt.thenCompose(v -> encryptNow(request));
    }

    private CompletableFuture<RawJson> encryptNow(RoomEncryptionRequest request) {
        encrypted.add(request);
        EncryptionContext ctx = context.get();
        String session = outbound.computeIfAbsent(request.roomId(), room -> {
            String id = "fake-" + UUID.randomUUID();
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            keys.put(id, key);
            return id;
        });
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", request.eventType());
        payload.put("content", request.content().tree());
        payload.put("room_id", request.roomId().value());
        byte[] plain = RawJson.ofTree(payload).json().getBytes(StandardCharsets.UTF_8);
        String ciphertext = Base64.getEncoder().withoutPadding().encodeToString(xor(plain, keys.get(session)));

        CompletableFuture<Void> sharing = share(ctx, request.roomId(), session, request.recipients());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("algorithm", RoomEncryptedContent.MEGOLM_V1);
        content.put("ciphertext", ciphertext);
        content.put("session_id", session);
        content.put("sender_key", senderKey(ctx.deviceId()));
        content.put("device_id", ctx.deviceId().value());
        return sharing.thenApply(v -> RawJson.ofTree(content));
    }

    @Override
    public CompletableFuture<RoomDecryption> decrypt(RoomId roomId, RoomEvent event) {
        Executor later = decryptOn;
        return later == null ? decryptNow(event)
                : CompletableFuture.supplyAsync(() -> decryptNow(event).join(), later);
    }

    private CompletableFuture<RoomDecryption> decryptNow(RoomEvent event) {
        RawJson content = event.raw().object("content").orElse(RawJson.emptyObject());
        if (!content.string("algorithm").filter(RoomEncryptedContent.MEGOLM_V1::equals).isPresent()) {
            return done(RoomDecryption.failure(UnableToDecrypt.Reason.UNSUPPORTED_ALGORITHM, "not Megolm"));
        }
        Optional<String> session = content.string("session_id");
        Optional<String> ciphertext = content.string("ciphertext");
        if (session.isEmpty() || ciphertext.isEmpty()) {
            return done(RoomDecryption.failure(UnableToDecrypt.Reason.MALFORMED_EVENT, "no session_id or ciphertext"));
        }
        byte[] key = keys.get(session.get());
        if (key == null) {
            return done(RoomDecryption.failure(UnableToDecrypt.Reason.MISSING_ROOM_KEY,
                    "The room key " + session.get() + " is not known (yet)"));
        }
        if (untrusted.contains(event.sender())) {
            return done(RoomDecryption.failure(UnableToDecrypt.Reason.SENDER_NOT_TRUSTED,
                    "Only verified senders are shown"));
        }
        byte[] plain = xor(Base64.getDecoder().decode(ciphertext.get()), key);
        RawJson payload;
        try {
            payload = RawJson.parse(new String(plain, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return done(RoomDecryption.failure(UnableToDecrypt.Reason.BAD_CIPHERTEXT, "garbled"));
        }
        Optional<DeviceId> device = content.string("device_id").map(DeviceId::of);
        return done(new RoomDecryption.Success(payload, new SenderDevice(event.sender(), device,
                content.string("sender_key").orElse(""), DeviceTrust.UNVERIFIED)));
    }

    @Override
    public void detach() {
        detaches.incrementAndGet();
        context.set(null);
    }

    /** Keeps room key shares back from now on. */
    public void holdKeys() {
        holding = true;
    }

    /** Sends the room key shares held back, and stops holding. */
    public CompletableFuture<Void> releaseKeys() {
        holding = false;
        EncryptionContext ctx = context.get();
        List<CompletableFuture<RawJson>> sends = new ArrayList<>();
        for (CryptoRequest request : held) {
            sends.add(ctx.transport().send(request));
        }
        held.clear();
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
    }

    /**
     * The content of the {@value #KEY_EVENT} to-device event that shares this module's current session of
     * {@code room}, for a test that delivers it by a sync of its own.
     */
    public Map<String, Object> roomKeyContent(RoomId room) {
        String session = outbound.get(room);
        return Map.of("room_id", room.value(), "session_id", session,
                "key", Base64.getEncoder().encodeToString(keys.get(session)));
    }

    /** The "only verified senders" policy, for events of {@code sender}. */
    public void distrust(UserId sender) {
        untrusted.add(sender);
    }

    /** The attached context, if attached. */
    public Optional<EncryptionContext> context() {
        return Optional.ofNullable(context.get());
    }

    static String senderKey(DeviceId device) {
        return "fakecurve" + device.value();
    }

    private CompletableFuture<Void> share(EncryptionContext ctx, RoomId room, String session, Set<UserId> recipients) {
        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, Object> keyContent = roomKeyContent(room);
        for (UserId user : recipients) {
            if (shared.add(session + "|" + user.value())) {
                messages.put(user.value(), Map.of("*", keyContent));
            }
        }
        if (messages.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CryptoRequest request = CryptoRequest.put("/_matrix/client/v3/sendToDevice",
                RawJson.ofTree(Map.of("messages", messages)), KEY_EVENT, "fake" + UUID.randomUUID());
        if (holding) {
            held.add(request);
            return CompletableFuture.completedFuture(null);
        }
        return ctx.transport().send(request).thenApply(answer -> null);
    }

    private static byte[] xor(byte[] data, byte[] key) {
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (byte) (data[i] ^ key[i % key.length]);
        }
        return out;
    }

    private static CompletableFuture<RoomDecryption> done(RoomDecryption value) {
        return CompletableFuture.completedFuture(value);
    }

    /**
     * The ServiceLoader provider of the tests ({@code META-INF/services} in the test resources): it
     * hands out a module only after {@link #offer}, once, so other tests' clients find none.
     */
    public static final class Provider implements EncryptionModuleProvider {
        private static final AtomicReference<FakeEncryptionModule> OFFERED = new AtomicReference<>();

        /** The next client built without a module finds {@code module}. */
        public static void offer(FakeEncryptionModule module) {
            OFFERED.set(module);
        }

        @Override
        public Optional<dev.mxj.spi.EncryptionModule> create(StateStore stateStore) {
            return Optional.ofNullable(OFFERED.getAndSet(null));
        }
    }
}
