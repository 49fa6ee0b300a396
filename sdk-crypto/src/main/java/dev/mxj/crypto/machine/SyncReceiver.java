package dev.mxj.crypto.machine;

import dev.mxj.crypto.CryptoException;
import dev.mxj.crypto.olm.InboundGroupSession;
import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.KeySender;
import dev.mxj.crypto.store.StoredDevice;
import dev.mxj.crypto.store.StoredWithheld;
import dev.mxj.event.RoomEncryptedContent;
import dev.mxj.event.ToDeviceEvent;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Handles the to-device events of one sync: Olm decryption, room keys, forwarded keys, withheld
 * notices, key requests. Bad input becomes a {@link ToDeviceResult.Failed}, never an exception.
 */
final class SyncReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(SyncReceiver.class);

    private final Context ctx;
    private final OlmSessions olm;
    private final InboundSessions inbound;
    private final KeyGossip gossip;
    private final DeviceTracker tracker;

    SyncReceiver(Context ctx, OlmSessions olm, InboundSessions inbound, KeyGossip gossip, DeviceTracker tracker) {
        this.ctx = ctx;
        this.olm = olm;
        this.inbound = inbound;
        this.gossip = gossip;
        this.tracker = tracker;
    }

    /** What the to-device events of one sync gave. */
    static final class Collected {
        final List<ToDeviceResult> results = new ArrayList<>();
        final List<RoomKeyInfo> received = new ArrayList<>();
        final List<RoomKeyInfo> withheld = new ArrayList<>();
    }

    void receive(ToDeviceEvent event, Collected out, CryptoChanges.Builder changes) {
        Map<String, Object> content = Json.asObject(event.raw().tree())
                .map(e -> Json.object(e, "content")).orElse(Map.of());
        try {
            switch (event.type()) {
                case RoomEncryptedContent.TYPE -> encrypted(event, content, out, changes);
                case OutboundSessions.WITHHELD -> {
                    withheld(event.sender(), content, out, changes);
                    out.results.add(new ToDeviceResult.Received(event.type(), event.sender(), Optional.empty(),
                            Json.raw(content), false));
                }
                case KeyGossip.REQUEST -> {
                    gossip.onRequest(event.sender(), content, changes);
                    out.results.add(new ToDeviceResult.Received(event.type(), event.sender(), Optional.empty(),
                            Json.raw(content), false));
                }
                case OutboundSessions.ROOM_KEY, KeyGossip.FORWARDED -> out.results.add(new ToDeviceResult.Failed(
                        event.type(), event.sender(), UtdReason.MALFORMED, event.type()
                        + " must arrive Olm-encrypted; ignored"));
                default -> out.results.add(new ToDeviceResult.Received(event.type(), event.sender(), Optional.empty(),
                        Json.raw(content), false));
            }
        } catch (RuntimeException e) {
            // Defensive: a bug must not stop the sync loop. No key material is in these messages.
            LOG.warn("A {} to-device event from {} could not be handled: {}", event.type(), event.sender(),
                    e.toString());
            out.results.add(new ToDeviceResult.Failed(event.type(), event.sender(), UtdReason.MALFORMED,
                    "could not be handled: " + e.getClass().getSimpleName()));
        }
    }

    private void encrypted(ToDeviceEvent event, Map<String, Object> content, Collected out,
                           CryptoChanges.Builder changes) {
        OlmSessions.Outcome outcome = olm.decrypt(event.sender(), content, changes);
        if (outcome instanceof OlmSessions.Outcome.Duplicate dup) {
            LOG.debug("A to-device message from {} was seen before: {}", event.sender(), dup.message());
            out.results.add(new ToDeviceResult.Failed(event.type(), event.sender(), UtdReason.OLM_DECRYPTION_FAILED,
                    dup.message()));
            return;
        }
        if (outcome instanceof OlmSessions.Outcome.Failure f) {
            LOG.info("A to-device message from {} did not decrypt: {} ({})", event.sender(), f.message(), f.reason());
            out.results.add(new ToDeviceResult.Failed(event.type(), event.sender(), f.reason(), f.message()));
            return;
        }
        OlmDecrypted d = ((OlmSessions.Outcome.Ok) outcome).event();
        if (d.device().isEmpty()) {
            // We have not queried this device yet: do so, so its trust can be shown.
            tracker.track(List.of(d.sender()), changes);
            tracker.markDirty(List.of(d.sender()), changes);
        }
        Optional<dev.mxj.id.DeviceId> deviceId = d.device().map(StoredDevice::deviceId);
        switch (d.type()) {
            case OutboundSessions.ROOM_KEY -> {
                Optional<String> refused = roomKey(d, out, changes);
                if (refused.isPresent()) {
                    out.results.add(new ToDeviceResult.Failed(d.type(), d.sender(), UtdReason.MALFORMED, refused.get()));
                    return;
                }
            }
            case KeyGossip.FORWARDED -> {
                KeyGossip.ForwardOutcome f = gossip.onForwarded(d, changes);
                if (f.refusal().isPresent()) {
                    LOG.warn("Refused a forwarded room key from {}: {}", d.sender(), f.refusal().get());
                    out.results.add(new ToDeviceResult.Failed(d.type(), d.sender(), UtdReason.UNKNOWN_DEVICE,
                            f.refusal().get()));
                    return;
                }
                f.key().ifPresent(out.received::add);
            }
            case KeyGossip.REQUEST -> gossip.onRequest(d.sender(), d.content(), changes);
            default -> {
                // m.dummy and app events: nothing to do here
            }
        }
        out.results.add(new ToDeviceResult.Received(d.type(), d.sender(), deviceId, Json.raw(d.content()), true));
    }

    private Optional<String> roomKey(OlmDecrypted d, Collected out, CryptoChanges.Builder changes) {
        Map<String, Object> c = d.content();
        Optional<String> room = Json.string(c, "room_id");
        Optional<String> sessionId = Json.string(c, "session_id");
        Optional<String> sessionKey = Json.string(c, "session_key");
        if (!RoomEncryptedContent.MEGOLM_V1.equals(c.get("algorithm")) || room.isEmpty() || sessionId.isEmpty()
                || sessionKey.isEmpty()) {
            return Optional.of("the room key is malformed or not " + RoomEncryptedContent.MEGOLM_V1);
        }
        RoomId roomId;
        InboundGroupSession session;
        try {
            roomId = RoomId.of(room.get());
            session = ctx.olm.createInboundGroupSession(sessionKey.get());
        } catch (CryptoException | IllegalArgumentException e) {
            return Optional.of("the room key's session key is invalid");
        }
        if (!session.sessionId().equals(sessionId.get())) {
            session.close();
            return Optional.of("the room key's session key is for another session");
        }
        if (inbound.add(roomId, session, d.senderKey(), d.claimedEd(), List.of(), false,
                new KeySender(d.sender(), d.senderKey()), changes)) {
            LOG.debug("Received the room key of session {} in {}", sessionId.get(), roomId);
        }
        out.received.add(new RoomKeyInfo(roomId, sessionId.get()));
        gossip.onKeyReceived(roomId, sessionId.get(), changes);
        return Optional.empty();
    }

    private void withheld(UserId sender, Map<String, Object> content, Collected out, CryptoChanges.Builder changes) {
        Optional<String> code = Json.string(content, "code");
        Optional<String> room = Json.string(content, "room_id");
        Optional<String> sessionId = Json.string(content, "session_id");
        Optional<String> senderKey = Json.string(content, "sender_key");
        if (code.isEmpty() || room.isEmpty() || sessionId.isEmpty() || senderKey.isEmpty()) {
            LOG.debug("A withheld notice from {} without room and session ({})", sender, code.orElse("no code"));
            return;
        }
        RoomId roomId;
        try {
            roomId = RoomId.of(room.get());
        } catch (IllegalArgumentException e) {
            return;
        }
        changes.withheld(new StoredWithheld(roomId, sessionId.get(), senderKey.get(), code.get(),
                Json.string(content, "reason")));
        out.withheld.add(new RoomKeyInfo(roomId, sessionId.get()));
    }
}
