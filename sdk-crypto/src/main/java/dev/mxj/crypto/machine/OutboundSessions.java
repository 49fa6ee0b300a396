package dev.mxj.crypto.machine;

import dev.mxj.crypto.CryptoException;
import dev.mxj.crypto.olm.InboundGroupSession;
import dev.mxj.crypto.olm.OutboundGroupSession;
import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.LocalTrust;
import dev.mxj.crypto.store.ShareEntry;
import dev.mxj.crypto.store.StoredDevice;
import dev.mxj.crypto.store.StoredOutboundGroupSession;
import dev.mxj.event.RoomEncryptedContent;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Megolm session each room's events are encrypted with: created, rotated (by age, by count,
 * when a device that had the key is no longer a recipient, or became ineligible), shared over Olm
 * as {@code m.room_key}, withheld with {@code m.room_key.withheld}, and used to encrypt.
 */
final class OutboundSessions implements AutoCloseable {
    static final String ROOM_KEY = "m.room_key";
    static final String WITHHELD = "m.room_key.withheld";
    private static final Logger LOG = LoggerFactory.getLogger(OutboundSessions.class);

    private final Context ctx;
    private final AccountKeys account;
    private final OlmSessions olm;
    private final InboundSessions inbound;
    private final ToDeviceQueue queue;
    private final Map<RoomId, Live> cache = new HashMap<>();
    /** Which room's session a to-device request shares, to mark its entries sent. */
    private final Map<String, RoomId> requestRooms = new HashMap<>();

    private static final class Live {
        StoredOutboundGroupSession meta;
        final OutboundGroupSession session;

        Live(StoredOutboundGroupSession meta, OutboundGroupSession session) {
            this.meta = meta;
            this.session = session;
        }
    }

    OutboundSessions(Context ctx, AccountKeys account, OlmSessions olm, InboundSessions inbound, ToDeviceQueue queue) {
        this.ctx = ctx;
        this.account = account;
        this.olm = olm;
        this.inbound = inbound;
        this.queue = queue;
    }

    private Optional<Live> load(RoomId room) {
        Live live = cache.get(room);
        if (live != null) {
            return Optional.of(live);
        }
        Optional<StoredOutboundGroupSession> stored = ctx.store.outboundGroupSession(room);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            OutboundGroupSession session = ctx.unpickle(k -> ctx.olm.unpickleOutboundGroupSession(stored.get().pickle(),
                    k));
            live = new Live(stored.get(), session);
            cache.put(room, live);
            return Optional.of(live);
        } catch (CryptoException e) {
            LOG.warn("The outbound Megolm session of {} does not unpickle ({}); a new one will be made", room,
                    e.errorName());
            return Optional.empty();
        }
    }

    private void save(Live live, CryptoChanges.Builder changes) {
        String pickle = ctx.pickle(live.session::pickle);
        StoredOutboundGroupSession m = live.meta;
        live.meta = new StoredOutboundGroupSession(m.roomId(), m.sessionId(), pickle, m.createdMs(), m.messageCount(),
                m.rotationPeriodMs(), m.rotationPeriodMsgs(), m.invalidated(), m.sharedWith());
        changes.outboundGroupSession(live.meta);
    }

    /** The session id currently used for {@code room}, if any. */
    Optional<String> sessionId(RoomId room) {
        return load(room).map(l -> l.session.sessionId());
    }

    /** Drops the room's session: the next share makes a new one. */
    void discard(RoomId room, CryptoChanges.Builder changes) {
        Live live = cache.remove(room);
        if (live != null) {
            live.session.close();
        }
        changes.removeOutboundGroupSession(room);
    }

    /** Shares the room key with every eligible device of {@code users}; see {@link OlmMachine#shareRoomKey}. */
    List<OutgoingRequest.ToDevice> share(RoomId room, Collection<UserId> users, EncryptionSettings settings,
                                         CryptoChanges.Builder changes) {
        Map<DeviceKey, StoredDevice> recipients = new LinkedHashMap<>();
        for (UserId user : users) {
            for (StoredDevice d : ctx.store.devices(user).values()) {
                if (!d.deleted() && !(user.equals(ctx.userId) && d.deviceId().equals(ctx.deviceId))) {
                    recipients.put(DeviceKey.of(d), d);
                }
            }
        }
        Optional<Live> current = load(room);
        Optional<String> why = current.isEmpty() ? Optional.of("no session yet")
                : rotationReason(current.get().meta, recipients, settings);
        Live live;
        if (why.isPresent()) {
            current.ifPresent(l -> {
                cache.remove(room);
                l.session.close();
            });
            LOG.debug("New Megolm session for {}: {}", room, why.get());
            live = create(room, settings, changes);
        } else {
            live = current.get();
        }

        Map<DeviceKey, ShareEntry> entries = new LinkedHashMap<>();
        for (ShareEntry e : live.meta.sharedWith()) {
            entries.put(new DeviceKey(e.userId(), e.deviceId()), e);
        }
        List<ToDeviceQueue.Message> keys = new ArrayList<>();
        List<ToDeviceQueue.Message> withheld = new ArrayList<>();
        Map<DeviceKey, ShareEntry> added = new LinkedHashMap<>();
        Map<String, Object> roomKey = Json.obj("algorithm", RoomEncryptedContent.MEGOLM_V1, "room_id", room.value(),
                "session_id", live.session.sessionId(), "session_key", live.session.sessionKey());
        long index = live.session.messageIndex();
        for (StoredDevice d : recipients.values()) {
            DeviceKey key = DeviceKey.of(d);
            ShareEntry old = entries.get(key);
            Optional<String> code = withheldCode(d, settings);
            if (old != null && old.identityKey().equals(d.curve25519())
                    && (old.sharedKey() || old.withheldCode().equals(code))) {
                continue; // already has the key, or was already told why not
            }
            if (code.isEmpty()) {
                Optional<Map<String, Object>> encrypted = olm.encrypt(d, ROOM_KEY, roomKey, changes);
                if (encrypted.isEmpty()) {
                    // No session yet and none claimed: missingSessions(...) first; the next share reaches it.
                    LOG.debug("No Olm session with {} {} yet; not sharing with it this time", d.userId(),
                            d.deviceId());
                    continue;
                }
                keys.add(new ToDeviceQueue.Message(d.userId().value(), d.deviceId().value(), encrypted.get()));
                added.put(key, new ShareEntry(d.userId(), d.deviceId(), d.curve25519(), index, Optional.empty(),
                        Optional.empty()));
                continue;
            }
            withheld.add(new ToDeviceQueue.Message(d.userId().value(), d.deviceId().value(),
                    withheldContent(room, live.session.sessionId(), code.get())));
            added.put(key, new ShareEntry(d.userId(), d.deviceId(), d.curve25519(), 0, code, Optional.empty()));
        }
        List<OutgoingRequest.ToDevice> requests = new ArrayList<>();
        for (OutgoingRequest.ToDevice r : queue.add(RoomEncryptedContent.TYPE, keys, changes)) {
            requests.add(r);
            markRequest(r, added, room);
        }
        for (OutgoingRequest.ToDevice r : queue.add(WITHHELD, withheld, changes)) {
            requests.add(r);
            markRequest(r, added, room);
        }
        if (!added.isEmpty() || why.isPresent()) {
            entries.putAll(added);
            StoredOutboundGroupSession m = live.meta;
            live.meta = new StoredOutboundGroupSession(m.roomId(), m.sessionId(), m.pickle(), m.createdMs(),
                    m.messageCount(), m.rotationPeriodMs(), m.rotationPeriodMsgs(), false, List.copyOf(entries.values()));
            save(live, changes);
        }
        return requests;
    }

    private void markRequest(OutgoingRequest.ToDevice request, Map<DeviceKey, ShareEntry> added, RoomId room) {
        requestRooms.put(request.id(), room);
        Map<String, Object> messages = Json.object(Json.asObject(request.body().tree()).orElseThrow(), "messages");
        for (Map.Entry<DeviceKey, ShareEntry> e : added.entrySet()) {
            if (Json.object(messages, e.getKey().userId().value()).containsKey(e.getKey().deviceId().value())) {
                ShareEntry s = e.getValue();
                e.setValue(new ShareEntry(s.userId(), s.deviceId(), s.identityKey(), s.messageIndex(), s.withheldCode(),
                        Optional.of(request.id())));
            }
        }
    }

    /** A to-device request went out: its entries are no longer pending. */
    void onToDeviceSent(String requestId, CryptoChanges.Builder changes) {
        RoomId room = requestRooms.remove(requestId);
        if (room == null) {
            return;
        }
        load(room).ifPresent(live -> {
            boolean changed = false;
            List<ShareEntry> updated = new ArrayList<>();
            for (ShareEntry s : live.meta.sharedWith()) {
                if (s.requestId().equals(Optional.of(requestId))) {
                    s = new ShareEntry(s.userId(), s.deviceId(), s.identityKey(), s.messageIndex(), s.withheldCode(),
                            Optional.empty());
                    changed = true;
                }
                updated.add(s);
            }
            if (changed) {
                StoredOutboundGroupSession m = live.meta;
                live.meta = new StoredOutboundGroupSession(m.roomId(), m.sessionId(), m.pickle(), m.createdMs(),
                        m.messageCount(), m.rotationPeriodMs(), m.rotationPeriodMsgs(), m.invalidated(), updated);
                changes.outboundGroupSession(live.meta);
            }
        });
    }

    private Optional<String> rotationReason(StoredOutboundGroupSession meta, Map<DeviceKey, StoredDevice> recipients,
                                            EncryptionSettings settings) {
        if (meta.invalidated()) {
            return Optional.of("the session was invalidated");
        }
        if (ctx.now() - meta.createdMs() >= meta.rotationPeriodMs()) {
            return Optional.of("it is older than rotation_period_ms");
        }
        if (meta.messageCount() >= meta.rotationPeriodMsgs()) {
            return Optional.of("it encrypted rotation_period_msgs messages");
        }
        if (meta.rotationPeriodMs() != settings.rotationPeriodMs()
                || meta.rotationPeriodMsgs() != settings.rotationPeriodMsgs()) {
            return Optional.of("the room's rotation settings changed");
        }
        for (ShareEntry e : meta.sharedWith()) {
            if (!e.sharedKey()) {
                continue;
            }
            StoredDevice d = recipients.get(new DeviceKey(e.userId(), e.deviceId()));
            if (d == null) {
                return Optional.of("a device that had the key is no longer a recipient (left, or removed)");
            }
            if (!d.curve25519().equals(e.identityKey())) {
                return Optional.of("a device that had the key changed its identity key");
            }
            if (withheldCode(d, settings).isPresent()) {
                return Optional.of("a device that had the key may no longer have it (blacklisted or unverified)");
            }
        }
        return Optional.empty();
    }

    private Optional<String> withheldCode(StoredDevice d, EncryptionSettings settings) {
        if (d.trust() == LocalTrust.BLACKLISTED) {
            return Optional.of("m.blacklisted");
        }
        boolean unverifiedAllowed = ctx.config.shareWithUnverified() && !settings.onlyVerified();
        if (d.trust() == LocalTrust.UNVERIFIED && !unverifiedAllowed) {
            return Optional.of("m.unverified");
        }
        if (!olm.hasSession(d.curve25519()) && olm.isNoOlm(d)) {
            return Optional.of("m.no_olm");
        }
        return Optional.empty();
    }

    private Map<String, Object> withheldContent(RoomId room, String sessionId, String code) {
        String reason = switch (code) {
            case "m.blacklisted" -> "The sender has blocked you.";
            case "m.unverified" -> "The sender has disabled encrypting to unverified devices.";
            case "m.no_olm" -> "Unable to establish a secure channel.";
            default -> "The key is withheld.";
        };
        return Json.obj("algorithm", RoomEncryptedContent.MEGOLM_V1, "code", code, "reason", reason,
                "room_id", room.value(), "session_id", sessionId,
                "sender_key", account.identity().curve25519(), "from_device", ctx.deviceId.value());
    }

    private Live create(RoomId room, EncryptionSettings settings, CryptoChanges.Builder changes) {
        OutboundGroupSession session = ctx.olm.createOutboundGroupSession();
        InboundGroupSession own = ctx.olm.createInboundGroupSession(session.sessionKey());
        inbound.add(room, own, account.identity().curve25519(), account.identity().ed25519(), List.of(), false,
                new dev.mxj.crypto.store.KeySender(ctx.userId, account.identity().curve25519()), changes);
        Live live = new Live(new StoredOutboundGroupSession(room, session.sessionId(), "", ctx.now(), 0,
                settings.rotationPeriodMs(), settings.rotationPeriodMsgs(), false, List.of()), session);
        cache.put(room, live);
        return live;
    }

    /** Encrypts a room event with the room's current session. */
    RawJson encrypt(RoomId room, String type, RawJson content, CryptoChanges.Builder changes) {
        Live live = load(room).orElseThrow(() -> new IllegalStateException(
                "No room key was shared in " + room + "; call shareRoomKey before encrypting"));
        StoredOutboundGroupSession m = live.meta;
        if (m.invalidated() || m.messageCount() >= m.rotationPeriodMsgs()
                || ctx.now() - m.createdMs() >= m.rotationPeriodMs()) {
            throw new IllegalStateException("The room key of " + room
                    + " must be rotated; call shareRoomKey before encrypting");
        }
        Map<String, Object> plaintext = Json.obj("type", type, "content", content, "room_id", room.value());
        byte[] bytes = Json.write(plaintext).getBytes(StandardCharsets.UTF_8);
        String ciphertext;
        try {
            ciphertext = live.session.encrypt(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        live.meta = new StoredOutboundGroupSession(m.roomId(), m.sessionId(), m.pickle(), m.createdMs(),
                m.messageCount() + 1, m.rotationPeriodMs(), m.rotationPeriodMsgs(), m.invalidated(), m.sharedWith());
        save(live, changes);
        Map<String, Object> out = Json.obj("algorithm", RoomEncryptedContent.MEGOLM_V1,
                "sender_key", account.identity().curve25519(),
                "ciphertext", ciphertext,
                "session_id", live.session.sessionId(),
                "device_id", ctx.deviceId.value());
        Json.asObject(content.tree()).map(c -> c.get("m.relates_to")).ifPresent(rel -> out.put("m.relates_to", rel));
        return Json.raw(out);
    }

    @Override
    public void close() {
        cache.values().forEach(l -> l.session.close());
        cache.clear();
    }
}
