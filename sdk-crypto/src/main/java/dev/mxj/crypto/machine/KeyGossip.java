package dev.mxj.crypto.machine;

import dev.mxj.crypto.CryptoException;
import dev.mxj.crypto.olm.InboundGroupSession;
import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.KeySender;
import dev.mxj.crypto.store.LocalTrust;
import dev.mxj.crypto.store.StoredDevice;
import dev.mxj.crypto.store.StoredInboundGroupSession;
import dev.mxj.crypto.store.StoredKeyRequest;
import dev.mxj.event.RoomEncryptedContent;
import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Room key sharing between this user's own devices: {@code m.room_key_request} sent for missing
 * keys (on request, or on its own when an event's session is missing, as Element does) and
 * answered for our own verified devices with {@code m.forwarded_room_key}, which in turn is
 * accepted only from our own verified devices. A request is cancelled when its key arrives.
 */
final class KeyGossip {
    static final String REQUEST = "m.room_key_request";
    static final String FORWARDED = "m.forwarded_room_key";
    private static final Logger LOG = LoggerFactory.getLogger(KeyGossip.class);
    /** At most this many automatic requests go out per minute (opening a room full of UTDs). */
    static final int AUTO_REQUESTS_PER_MINUTE = 20;

    private final Context ctx;
    private final OlmSessions olm;
    private final InboundSessions inbound;
    private final ToDeviceQueue queue;
    /** To-device request id to the key request it carries. */
    private final Map<String, String> sending = new HashMap<>();
    /** Requests of our devices waiting for an Olm session with them. */
    private final List<Waiting> waiting = new ArrayList<>();
    /** Our outgoing key requests, by request id, as stored. */
    private final Map<String, StoredKeyRequest> requests = new LinkedHashMap<>();
    /** When the automatic requests of the last minute were made. */
    private final ArrayDeque<Long> recentAuto = new ArrayDeque<>();

    private record Waiting(StoredDevice device, RoomId room, String sessionId, String requestId) {
    }

    KeyGossip(Context ctx, OlmSessions olm, InboundSessions inbound, ToDeviceQueue queue) {
        this.ctx = ctx;
        this.olm = olm;
        this.inbound = inbound;
        this.queue = queue;
        ctx.store.keyRequests().forEach(r -> requests.put(r.requestId(), r));
    }

    /**
     * Asks our other devices for a session's key on our own, after an event's session was found
     * missing: only if the policy allows it, we have another device to ask, no request for the
     * session is out yet, and fewer than {@link #AUTO_REQUESTS_PER_MINUTE} went out this minute.
     */
    boolean autoRequest(RoomId room, String sessionId, String senderKey, CryptoChanges.Builder changes) {
        if (!ctx.config.autoKeyRequests() || isRequested(room, sessionId)) {
            return false;
        }
        boolean anotherDevice = ctx.store.devices(ctx.userId).values().stream()
                .anyMatch(d -> !d.deleted() && !d.deviceId().equals(ctx.deviceId));
        if (!anotherDevice) {
            return false;
        }
        long now = ctx.now();
        while (!recentAuto.isEmpty() && recentAuto.peekFirst() <= now - 60_000L) {
            recentAuto.removeFirst();
        }
        if (recentAuto.size() >= AUTO_REQUESTS_PER_MINUTE) {
            LOG.debug("Not asking our devices for the key of {} in {} yet: too many requests this minute",
                    sessionId, room);
            return false;
        }
        recentAuto.addLast(now);
        return request(room, sessionId, senderKey, changes);
    }

    private boolean isRequested(RoomId room, String sessionId) {
        for (StoredKeyRequest r : requests.values()) {
            if (r.roomId().equals(room) && r.sessionId().equals(sessionId)) {
                return true;
            }
        }
        return false;
    }

    /** Asks our other devices for a session's key; false if a request for it is already out. */
    boolean request(RoomId room, String sessionId, String senderKey, CryptoChanges.Builder changes) {
        if (isRequested(room, sessionId)) {
            return false;
        }
        StoredKeyRequest request = new StoredKeyRequest(Context.newId(), room, sessionId, senderKey, false);
        changes.keyRequest(request);
        requests.put(request.requestId(), request);
        Map<String, Object> content = Json.obj("action", "request",
                "body", Json.obj("algorithm", RoomEncryptedContent.MEGOLM_V1, "room_id", room.value(),
                        "sender_key", senderKey, "session_id", sessionId),
                "request_id", request.requestId(), "requesting_device_id", ctx.deviceId.value());
        for (OutgoingRequest.ToDevice r : queue.add(REQUEST,
                List.of(new ToDeviceQueue.Message(ctx.userId.value(), "*", content)), changes)) {
            sending.put(r.id(), request.requestId());
        }
        return true;
    }

    void onToDeviceSent(String requestId, CryptoChanges.Builder changes) {
        String keyRequestId = sending.remove(requestId);
        if (keyRequestId == null) {
            return;
        }
        StoredKeyRequest r = requests.get(keyRequestId);
        if (r != null) {
            StoredKeyRequest sent = new StoredKeyRequest(r.requestId(), r.roomId(), r.sessionId(), r.senderKey(), true);
            requests.put(sent.requestId(), sent);
            changes.keyRequest(sent);
        }
    }

    /** A key arrived: cancel our requests for it. */
    void onKeyReceived(RoomId room, String sessionId, CryptoChanges.Builder changes) {
        for (StoredKeyRequest r : List.copyOf(requests.values())) {
            if (r.roomId().equals(room) && r.sessionId().equals(sessionId)) {
                requests.remove(r.requestId());
                changes.removeKeyRequest(r.requestId());
                Map<String, Object> cancel = Json.obj("action", "request_cancellation", "request_id", r.requestId(),
                        "requesting_device_id", ctx.deviceId.value());
                queue.add(REQUEST, List.of(new ToDeviceQueue.Message(ctx.userId.value(), "*", cancel)), changes);
            }
        }
    }

    /** Handles an incoming {@code m.room_key_request} (clear or decrypted). */
    void onRequest(dev.mxj.id.UserId sender, Map<String, Object> content, CryptoChanges.Builder changes) {
        Optional<String> action = Json.string(content, "action");
        Optional<String> requestId = Json.string(content, "request_id");
        Optional<String> deviceText = Json.string(content, "requesting_device_id");
        if (action.isEmpty() || requestId.isEmpty() || deviceText.isEmpty() || deviceText.get().isEmpty()) {
            LOG.info("Ignored a malformed room key request from {}", sender);
            return;
        }
        DeviceId requester = DeviceId.of(deviceText.get());
        if (action.get().equals("request_cancellation")) {
            waiting.removeIf(w -> w.requestId().equals(requestId.get()) && w.device().deviceId().equals(requester));
            return;
        }
        if (!action.get().equals("request")) {
            return;
        }
        if (!sender.equals(ctx.userId) || requester.equals(ctx.deviceId)) {
            LOG.info("Not answering a room key request from {} {}: only our own other devices get keys", sender,
                    requester);
            return;
        }
        Optional<StoredDevice> device = ctx.store.device(sender, requester);
        if (device.isEmpty() || device.get().deleted()) {
            LOG.info("Not answering a room key request from our unknown device {}", requester);
            return;
        }
        if (device.get().trust() != LocalTrust.VERIFIED) {
            LOG.info("Not answering a room key request from our device {}: it is not verified", requester);
            return;
        }
        Map<String, Object> body = Json.object(content, "body");
        Optional<String> room = Json.string(body, "room_id");
        Optional<String> sessionId = Json.string(body, "session_id");
        if (room.isEmpty() || sessionId.isEmpty()) {
            return;
        }
        RoomId roomId;
        try {
            roomId = RoomId.of(room.get());
        } catch (IllegalArgumentException e) {
            return;
        }
        Waiting w = new Waiting(device.get(), roomId, sessionId.get(), requestId.get());
        if (!answer(w, changes)) {
            waiting.add(w);
        }
    }

    /** Our devices waiting for a session before their request can be answered. */
    List<StoredDevice> waitingDevices() {
        return waiting.stream().map(Waiting::device).distinct().toList();
    }

    /** Answers the waiting requests whose device now has a session. */
    void retryWaiting(CryptoChanges.Builder changes) {
        waiting.removeIf(w -> olm.hasSession(w.device().curve25519()) && answer(w, changes));
    }

    /** Forwards the key if we have it and a session with the device; false if the session is missing. */
    private boolean answer(Waiting w, CryptoChanges.Builder changes) {
        Optional<InboundSessions.Live> live = inbound.get(w.room(), w.sessionId());
        if (live.isEmpty()) {
            LOG.debug("Asked for a key we do not have ({} in {})", w.sessionId(), w.room());
            return true;
        }
        if (!olm.hasSession(w.device().curve25519())) {
            return false;
        }
        StoredInboundGroupSession meta = live.get().meta();
        String export;
        try {
            export = live.get().session().export(live.get().session().firstKnownIndex());
        } catch (CryptoException e) {
            return true;
        }
        Map<String, Object> content = Json.obj("algorithm", RoomEncryptedContent.MEGOLM_V1,
                "room_id", w.room().value(), "sender_key", meta.senderKey(), "session_id", w.sessionId(),
                "session_key", export, "sender_claimed_ed25519_key", meta.signingKey(),
                "forwarding_curve25519_key_chain", meta.forwardingChain());
        Optional<Map<String, Object>> encrypted = olm.encrypt(w.device(), FORWARDED, content, changes);
        encrypted.ifPresent(e -> queue.add(RoomEncryptedContent.TYPE, List.of(new ToDeviceQueue.Message(
                w.device().userId().value(), w.device().deviceId().value(), e)), changes));
        LOG.debug("Forwarded a room key to our device {}", w.device().deviceId());
        return true;
    }

    /**
     * Handles a decrypted {@code m.forwarded_room_key}: kept only if it came from one of our own
     * verified devices. Returns the key info if a session was kept, or a refusal message.
     */
    ForwardOutcome onForwarded(OlmDecrypted event, CryptoChanges.Builder changes) {
        if (!event.sender().equals(ctx.userId) || event.device().isEmpty() || event.device().get().deleted()
                || event.device().get().trust() != LocalTrust.VERIFIED) {
            return new ForwardOutcome(Optional.empty(),
                    Optional.of("forwarded room keys are accepted only from our own verified devices"));
        }
        Map<String, Object> c = event.content();
        Optional<String> room = Json.string(c, "room_id");
        Optional<String> sessionId = Json.string(c, "session_id");
        Optional<String> sessionKey = Json.string(c, "session_key");
        Optional<String> senderKey = Json.string(c, "sender_key");
        Optional<String> claimedEd = Json.string(c, "sender_claimed_ed25519_key");
        if (!RoomEncryptedContent.MEGOLM_V1.equals(c.get("algorithm")) || room.isEmpty() || sessionId.isEmpty()
                || sessionKey.isEmpty() || senderKey.isEmpty() || claimedEd.isEmpty()) {
            return new ForwardOutcome(Optional.empty(), Optional.of("the forwarded room key is malformed"));
        }
        try {
            RoomId roomId = RoomId.of(room.get());
            InboundGroupSession session = ctx.olm.importInboundGroupSession(sessionKey.get());
            if (!session.sessionId().equals(sessionId.get())) {
                session.close();
                return new ForwardOutcome(Optional.empty(), Optional.of("the forwarded key is for another session"));
            }
            List<String> chain = new ArrayList<>(Json.strings(c, "forwarding_curve25519_key_chain"));
            chain.add(event.senderKey());
            inbound.add(roomId, session, senderKey.get(), claimedEd.get(), chain, true,
                    new KeySender(event.sender(), event.senderKey()), changes);
            onKeyReceived(roomId, sessionId.get(), changes);
            return new ForwardOutcome(Optional.of(new RoomKeyInfo(roomId, sessionId.get())), Optional.empty());
        } catch (CryptoException | IllegalArgumentException e) {
            return new ForwardOutcome(Optional.empty(), Optional.of("the forwarded session key does not import"));
        }
    }

    record ForwardOutcome(Optional<RoomKeyInfo> key, Optional<String> refusal) {
    }
}
