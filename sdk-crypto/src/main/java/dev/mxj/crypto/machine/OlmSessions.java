package dev.mxj.crypto.machine;

import dev.mxj.crypto.CryptoException;
import dev.mxj.crypto.olm.InboundSessionResult;
import dev.mxj.crypto.olm.OlmMessage;
import dev.mxj.crypto.olm.Session;
import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.StoredDevice;
import dev.mxj.crypto.store.StoredOlmSession;
import dev.mxj.event.RoomEncryptedContent;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Olm sessions with other devices ({@code m.olm.v1.curve25519-aes-sha2}): claiming one-time keys
 * (signature checked), encrypting to a device, decrypting to-device messages (pre-key messages
 * start inbound sessions), and recovering wedged sessions with a new session plus {@code m.dummy},
 * at most once per device per {@link MachineConfig#unwedgeInterval()}. Each session remembers the
 * hashes of the last {@link #REMEMBERED_MESSAGES} messages it decrypted, saved with its ratchet, so a
 * message handed over again (a sync replayed after a crash) is known as handled, not taken for a
 * wedged session.
 */
final class OlmSessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OlmSessions.class);
    /** How long a device that had no one-time key to claim is left alone (it gets m.no_olm). */
    static final long NO_OLM_BACKOFF_MS = 15 * 60_000L;
    /** How many message hashes each session remembers (a sync brings at most about a hundred). */
    static final int REMEMBERED_MESSAGES = 100;

    private final Context ctx;
    private final AccountKeys account;
    private final Map<String, List<Entry>> cache = new HashMap<>();
    private final Map<String, Set<DeviceKey>> claimsInFlight = new LinkedHashMap<>();
    /** Claims offered by outgoingRequests() (not the ones missingSessions() handed out). */
    private final Map<String, OutgoingRequest.KeysClaim> claimRequests = new LinkedHashMap<>();
    private final Map<DeviceKey, Long> noOlmUntil = new HashMap<>();
    private final Map<DeviceKey, Long> lastUnwedged = new HashMap<>();
    private final Set<DeviceKey> wedged = new LinkedHashSet<>();

    /** A live session and its stored metadata. */
    static final class Entry {
        final String senderKey;
        final Session session;
        final long createdMs;
        long lastUsedMs;
        final ArrayDeque<String> hashes;

        Entry(String senderKey, Session session, long createdMs, long lastUsedMs, List<String> hashes) {
            this.senderKey = senderKey;
            this.session = session;
            this.createdMs = createdMs;
            this.lastUsedMs = lastUsedMs;
            this.hashes = new ArrayDeque<>(hashes);
        }

        void remember(String hash) {
            hashes.addLast(hash);
            while (hashes.size() > REMEMBERED_MESSAGES) {
                hashes.removeFirst();
            }
        }
    }

    OlmSessions(Context ctx, AccountKeys account) {
        this.ctx = ctx;
        this.account = account;
    }

    private List<Entry> sessions(String senderKey) {
        return cache.computeIfAbsent(senderKey, key -> {
            List<Entry> loaded = new ArrayList<>();
            for (StoredOlmSession s : ctx.store.olmSessions(key)) {
                try {
                    Session session = ctx.unpickle(k -> ctx.olm.unpickleSession(s.pickle(), k));
                    loaded.add(new Entry(key, session, s.createdMs(), s.lastUsedMs(), s.recentMessageHashes()));
                } catch (CryptoException e) {
                    LOG.warn("An Olm session with {} does not unpickle ({}); skipping it", key, e.errorName());
                }
            }
            return loaded;
        });
    }

    boolean hasSession(String curveKey) {
        return !sessions(curveKey).isEmpty();
    }

    private void save(Entry entry, CryptoChanges.Builder changes) {
        String pickle = ctx.pickle(entry.session::pickle);
        changes.olmSession(new StoredOlmSession(entry.senderKey, entry.session.sessionId(), pickle, entry.createdMs,
                entry.lastUsedMs, List.copyOf(entry.hashes)));
    }

    /**
     * Encrypts an event for {@code device} with its most recently used session.
     *
     * @return the {@code m.room.encrypted} content, or empty if there is no session with it
     */
    Optional<Map<String, Object>> encrypt(StoredDevice device, String type, Map<String, Object> content,
                                          CryptoChanges.Builder changes) {
        Optional<Entry> newest = sessions(device.curve25519()).stream()
                .max(Comparator.comparingLong((Entry e) -> e.lastUsedMs).thenComparingLong(e -> e.createdMs));
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        Entry entry = newest.get();
        Map<String, Object> plaintext = Json.obj(
                "type", type,
                "content", content,
                "sender", ctx.userId.value(),
                "sender_device", ctx.deviceId.value(),
                "keys", Json.obj("ed25519", account.identity().ed25519()),
                "recipient", device.userId().value(),
                "recipient_keys", Json.obj("ed25519", device.ed25519()));
        byte[] bytes = Json.write(plaintext).getBytes(StandardCharsets.UTF_8);
        OlmMessage message;
        try {
            message = entry.session.encrypt(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        entry.lastUsedMs = Math.max(ctx.now(), entry.lastUsedMs);
        save(entry, changes);
        return Optional.of(Json.obj(
                "algorithm", RoomEncryptedContent.OLM_V1,
                "sender_key", account.identity().curve25519(),
                "ciphertext", Json.obj(device.curve25519(),
                        Json.obj("type", (long) message.type(), "body", message.ciphertext()))));
    }

    /** True if {@code device} gets no key now because claiming one failed recently. */
    boolean isNoOlm(StoredDevice device) {
        return noOlmUntil.getOrDefault(DeviceKey.of(device), 0L) > ctx.now();
    }

    /**
     * A {@code /keys/claim} for those of {@code devices} with no session (and for wedged devices),
     * skipping devices already being claimed and devices in their no-olm back-off.
     */
    Optional<OutgoingRequest.KeysClaim> claimRequest(Collection<StoredDevice> devices, boolean listed) {
        Set<DeviceKey> inFlight = new LinkedHashSet<>();
        claimsInFlight.values().forEach(inFlight::addAll);
        Map<String, Object> wanted = Json.obj();
        Set<DeviceKey> keys = new LinkedHashSet<>();
        for (StoredDevice d : devices) {
            DeviceKey key = DeviceKey.of(d);
            boolean needed = !hasSession(d.curve25519()) || wedged.contains(key);
            if (!needed || d.deleted() || inFlight.contains(key) || isNoOlm(d)
                    || (d.userId().equals(ctx.userId) && d.deviceId().equals(ctx.deviceId))) {
                continue;
            }
            keys.add(key);
            @SuppressWarnings("unchecked")
            Map<String, Object> perUser = (Map<String, Object>) wanted.computeIfAbsent(d.userId().value(),
                    u -> Json.obj());
            perUser.put(d.deviceId().value(), AccountKeys.SIGNED_CURVE25519);
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        OutgoingRequest.KeysClaim claim = new OutgoingRequest.KeysClaim(Context.newId(),
                Json.raw(Json.obj("one_time_keys", wanted, "timeout", 10_000L)));
        claimsInFlight.put(claim.id(), keys);
        if (listed) {
            claimRequests.put(claim.id(), claim);
        }
        return Optional.of(claim);
    }

    /** Claims in flight, to be sent (again). */
    List<OutgoingRequest.KeysClaim> pendingClaims() {
        return List.copyOf(claimRequests.values());
    }

    /** A claim for the wedged devices, if any is due. */
    Optional<OutgoingRequest.KeysClaim> wedgedClaim() {
        List<StoredDevice> devices = new ArrayList<>();
        for (DeviceKey key : wedged) {
            ctx.store.device(key.userId(), key.deviceId()).ifPresent(devices::add);
        }
        return devices.isEmpty() ? Optional.empty() : claimRequest(devices, true);
    }

    boolean isClaim(String requestId) {
        return claimsInFlight.containsKey(requestId);
    }

    /**
     * Creates sessions from a {@code /keys/claim} answer, each claimed key's signature checked
     * against the device's Ed25519 key. Returns the wedged devices that now have a new session.
     */
    List<StoredDevice> onClaimResponse(String requestId, Map<String, Object> response, CryptoChanges.Builder changes) {
        Set<DeviceKey> asked = claimsInFlight.remove(requestId);
        claimRequests.remove(requestId);
        List<StoredDevice> unwedged = new ArrayList<>();
        if (asked == null) {
            return unwedged;
        }
        Map<String, Object> keys = Json.object(response, "one_time_keys");
        for (DeviceKey key : asked) {
            Map<String, Object> forDevice = Json.object(Json.object(keys, key.userId().value()),
                    key.deviceId().value());
            Optional<StoredDevice> device = ctx.store.device(key.userId(), key.deviceId());
            if (device.isEmpty() || forDevice.isEmpty()) {
                LOG.info("No one-time key could be claimed for {} {}; it gets m.no_olm for now", key.userId(),
                        key.deviceId());
                noOlmUntil.put(key, ctx.now() + NO_OLM_BACKOFF_MS);
                continue;
            }
            if (createOutbound(device.get(), forDevice, changes)) {
                noOlmUntil.remove(key);
                if (wedged.remove(key)) {
                    lastUnwedged.put(key, ctx.now());
                    unwedged.add(device.get());
                }
            } else {
                noOlmUntil.put(key, ctx.now() + NO_OLM_BACKOFF_MS);
            }
        }
        return unwedged;
    }

    private boolean createOutbound(StoredDevice device, Map<String, Object> claimed, CryptoChanges.Builder changes) {
        for (Map.Entry<String, Object> e : claimed.entrySet()) {
            Optional<Map<String, Object>> keyObject = Json.asObject(e.getValue());
            if (!e.getKey().startsWith(AccountKeys.SIGNED_CURVE25519 + ":") || keyObject.isEmpty()) {
                continue;
            }
            Optional<String> oneTimeKey = Json.string(keyObject.get(), "key");
            if (oneTimeKey.isEmpty() || !Signatures.verify(ctx.olm, keyObject.get(), device.userId().value(),
                    "ed25519:" + device.deviceId().value(), device.ed25519())) {
                LOG.warn("Refused the one-time key claimed for {} {}: its signature does not verify",
                        device.userId(), device.deviceId());
                return false;
            }
            try {
                Session session = account.account().createOutboundSession(device.curve25519(), oneTimeKey.get());
                long now = ctx.now();
                Entry entry = new Entry(device.curve25519(), session, now, now, List.of());
                sessions(device.curve25519()).add(entry);
                save(entry, changes);
                LOG.debug("New Olm session with {} {}", device.userId(), device.deviceId());
                return true;
            } catch (CryptoException ex) {
                LOG.warn("Could not start an Olm session with {} {} ({})", device.userId(), device.deviceId(),
                        ex.errorName());
                return false;
            }
        }
        return false;
    }

    /** Result of decrypting an Olm to-device event: a value or a failure. */
    sealed interface Outcome {
        record Ok(OlmDecrypted event) implements Outcome {
        }

        record Failure(UtdReason reason, String message) implements Outcome {
        }

        /** A message this device already decrypted (a replayed sync): nothing to do, nothing wedged. */
        record Duplicate(String message) implements Outcome {
        }
    }

    /** Decrypts an {@code m.room.encrypted} to-device content from {@code sender}. Never throws on bad input. */
    Outcome decrypt(UserId sender, Map<String, Object> content, CryptoChanges.Builder changes) {
        if (!RoomEncryptedContent.OLM_V1.equals(content.get("algorithm"))) {
            return new Outcome.Failure(UtdReason.UNKNOWN_ALGORITHM,
                    "unsupported to-device algorithm " + content.get("algorithm"));
        }
        Optional<String> senderKey = Json.string(content, "sender_key");
        Map<String, Object> mine = Json.object(Json.object(content, "ciphertext"), account.identity().curve25519());
        Optional<Long> type = Json.number(mine, "type");
        Optional<String> body = Json.string(mine, "body");
        if (senderKey.isEmpty() || type.isEmpty() || body.isEmpty() || (type.get() != 0 && type.get() != 1)) {
            return new Outcome.Failure(UtdReason.MALFORMED, "no well-formed ciphertext for this device");
        }
        OlmMessage message = new OlmMessage(type.get().intValue(), body.get());
        String hash = hash(message);
        if (alreadyDecrypted(senderKey.get(), hash)) {
            return new Outcome.Duplicate("a message already decrypted, handed over again");
        }
        byte[] plaintext = decryptBytes(senderKey.get(), message, hash, changes);
        if (plaintext == null && message.isPreKey() && startedASession(senderKey.get(), message)) {
            // The pre-key message that made one of our sessions (one saved before sessions kept
            // message hashes), seen again: already handled, and no sign of a wedged session.
            return new Outcome.Duplicate("a pre-key message already handled");
        }
        if (plaintext == null) {
            markWedged(sender, senderKey.get());
            return new Outcome.Failure(UtdReason.OLM_DECRYPTION_FAILED,
                    "no Olm session with " + sender + " decrypts the message");
        }
        try {
            return check(sender, senderKey.get(), new String(plaintext, StandardCharsets.UTF_8));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Base64 of the first 16 bytes of SHA-256 over the message type, a colon and its body. */
    static String hash(OlmMessage message) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((message.type() + ":" + message.ciphertext()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM lacks SHA-256, which every Java 17 has", e);
        }
    }

    private boolean alreadyDecrypted(String senderKey, String hash) {
        for (Entry entry : sessions(senderKey)) {
            if (entry.hashes.contains(hash)) {
                return true;
            }
        }
        return false;
    }

    private boolean startedASession(String senderKey, OlmMessage preKey) {
        for (Entry entry : sessions(senderKey)) {
            try {
                if (entry.session.matchesInbound(senderKey, preKey)) {
                    return true;
                }
            } catch (CryptoException | IllegalArgumentException e) {
                // not a match
            }
        }
        return false;
    }

    private byte[] decryptBytes(String senderKey, OlmMessage message, String hash, CryptoChanges.Builder changes) {
        List<Entry> entries = new ArrayList<>(sessions(senderKey));
        entries.sort(Comparator.comparingLong((Entry e) -> e.lastUsedMs).reversed());
        for (Entry entry : entries) {
            try {
                if (message.isPreKey() && !entry.session.matchesInbound(senderKey, message)) {
                    continue;
                }
                byte[] plaintext = entry.session.decrypt(message);
                entry.lastUsedMs = Math.max(ctx.now(), entry.lastUsedMs);
                entry.remember(hash);
                save(entry, changes);
                return plaintext;
            } catch (CryptoException | IllegalArgumentException e) {
                LOG.debug("Olm session with {} did not decrypt ({})", senderKey, e.getMessage());
            }
        }
        if (!message.isPreKey()) {
            return null;
        }
        try {
            InboundSessionResult result = account.account().createInboundSession(senderKey, message);
            long now = ctx.now();
            Entry entry = new Entry(senderKey, result.session(), now, now, List.of(hash));
            sessions(senderKey).add(entry);
            save(entry, changes);
            account.save(changes); // the one-time key is gone: save the account with the session
            return result.plaintext();
        } catch (CryptoException | IllegalArgumentException e) {
            LOG.info("A pre-key message from {} did not start a session ({})", senderKey,
                    e instanceof CryptoException c ? c.errorName() : "bad message");
            return null;
        }
    }

    private Outcome check(UserId sender, String senderKey, String text) {
        Map<String, Object> event;
        try {
            event = Json.asObject(Json.parse(text)).orElse(null);
        } catch (IllegalArgumentException e) {
            event = null;
        }
        if (event == null) {
            return new Outcome.Failure(UtdReason.MALFORMED, "the decrypted to-device payload is not a JSON object");
        }
        Optional<String> type = Json.string(event, "type");
        Optional<Map<String, Object>> content = Json.asObject(event.get("content"));
        Optional<String> claimedEd = Json.string(Json.object(event, "keys"), "ed25519");
        if (type.isEmpty() || content.isEmpty() || claimedEd.isEmpty()) {
            return new Outcome.Failure(UtdReason.MALFORMED, "the decrypted payload lacks type, content or keys");
        }
        if (!sender.value().equals(event.get("sender"))) {
            return new Outcome.Failure(UtdReason.SENDER_MISMATCH, "the payload's sender is not the event's sender");
        }
        if (!ctx.userId.value().equals(event.get("recipient"))
                || !account.identity().ed25519().equals(Json.object(event, "recipient_keys").get("ed25519"))) {
            return new Outcome.Failure(UtdReason.SENDER_MISMATCH, "the payload was meant for another recipient");
        }
        Optional<StoredDevice> device = deviceByCurveKey(sender, senderKey);
        if (device.isPresent() && !device.get().ed25519().equals(claimedEd.get())) {
            return new Outcome.Failure(UtdReason.SENDER_MISMATCH,
                    "the payload's Ed25519 key is not the one of device " + device.get().deviceId());
        }
        return new Outcome.Ok(new OlmDecrypted(sender, senderKey, claimedEd.get(), device, type.get(), content.get()));
    }

    Optional<StoredDevice> deviceByCurveKey(UserId user, String curveKey) {
        for (StoredDevice d : ctx.store.devices(user).values()) {
            if (d.curve25519().equals(curveKey)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private void markWedged(UserId sender, String senderKey) {
        Optional<StoredDevice> device = deviceByCurveKey(sender, senderKey);
        if (device.isEmpty() || device.get().deleted()) {
            LOG.info("Cannot recover the Olm session with an unknown device of {}", sender);
            return;
        }
        DeviceKey key = DeviceKey.of(device.get());
        Long last = lastUnwedged.get(key);
        if (last != null && ctx.now() - last < ctx.config.unwedgeInterval().toMillis()) {
            LOG.info("Olm session with {} {} looks wedged; recovered recently, not again yet", sender,
                    device.get().deviceId());
            return;
        }
        if (wedged.add(key)) {
            LOG.info("Olm session with {} {} is wedged; a new session will be made", sender, device.get().deviceId());
        }
    }

    boolean isWedged(UserId user, DeviceId device) {
        return wedged.contains(new DeviceKey(user, device));
    }

    @Override
    public void close() {
        cache.values().forEach(list -> list.forEach(e -> e.session.close()));
        cache.clear();
    }
}
