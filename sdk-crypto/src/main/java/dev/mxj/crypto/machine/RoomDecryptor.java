package dev.mxj.crypto.machine;

import dev.mxj.crypto.CryptoException;
import dev.mxj.crypto.olm.GroupDecryption;
import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.DecryptionRecord;
import dev.mxj.crypto.store.KeySender;
import dev.mxj.crypto.store.StoredDevice;
import dev.mxj.crypto.store.StoredInboundGroupSession;
import dev.mxj.crypto.store.StoredWithheld;
import dev.mxj.event.RoomEncryptedContent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Decrypts {@code m.room.encrypted} room events into {@link DecryptionResult} values: checks the
 * algorithm, the session, that the session's key came (by Olm) from the event's sender, the index
 * against replays, the room inside the plaintext, and that the session's sender key belongs to the
 * sender's device; then says how far the sender is trusted.
 */
final class RoomDecryptor {
    private static final Logger LOG = LoggerFactory.getLogger(RoomDecryptor.class);

    private final Context ctx;
    private final InboundSessions inbound;
    private final OlmSessions olm;
    private final String ownCurveKey;

    RoomDecryptor(Context ctx, InboundSessions inbound, OlmSessions olm, String ownCurveKey) {
        this.ctx = ctx;
        this.inbound = inbound;
        this.olm = olm;
        this.ownCurveKey = ownCurveKey;
    }

    DecryptionResult decrypt(RoomId room, EventId eventId, UserId sender, Map<String, Object> content,
                             CryptoChanges.Builder changes) {
        Object algorithm = content.get("algorithm");
        if (!RoomEncryptedContent.MEGOLM_V1.equals(algorithm)) {
            return utd(UtdReason.UNKNOWN_ALGORITHM, Optional.empty(), "algorithm " + algorithm + " is not "
                    + RoomEncryptedContent.MEGOLM_V1);
        }
        Optional<String> sessionId = Json.string(content, "session_id");
        Optional<String> ciphertext = Json.string(content, "ciphertext");
        if (sessionId.isEmpty() || ciphertext.isEmpty()) {
            return utd(UtdReason.MALFORMED, sessionId, "the event lacks session_id or ciphertext");
        }
        Optional<InboundSessions.Live> live = inbound.get(room, sessionId.get());
        if (live.isEmpty()) {
            Optional<StoredWithheld> withheld = ctx.store.withheld(room, sessionId.get());
            if (withheld.isPresent()) {
                return new DecryptionResult.UnableToDecrypt(UtdReason.WITHHELD, sessionId,
                        Optional.of(withheld.get().code()), "the sender withheld the key: " + withheld.get().code());
            }
            return utd(UtdReason.MISSING_SESSION, sessionId, "no key for this session yet");
        }
        StoredInboundGroupSession meta = live.get().meta();
        Optional<KeySender> keySender = meta.keySender();
        if (!meta.forwarded() && keySender.isPresent() && !keySender.get().userId().equals(sender)) {
            // The key came by Olm from another user: the event passes someone else's message off as
            // the sender's (or the sender re-posted a ciphertext of that user's session).
            return utd(UtdReason.SENDER_MISMATCH, sessionId, "the room key came from " + keySender.get().userId()
                    + ", not from the event's sender " + sender);
        }
        GroupDecryption decryption;
        try {
            decryption = live.get().session().decrypt(ciphertext.get());
        } catch (CryptoException e) {
            UtdReason reason = switch (e.errorName()) {
                case CryptoException.UNKNOWN_MESSAGE_INDEX -> UtdReason.UNKNOWN_MESSAGE_INDEX;
                case CryptoException.BAD_MESSAGE_MAC, CryptoException.BAD_SIGNATURE -> UtdReason.BAD_MAC;
                default -> UtdReason.MALFORMED;
            };
            return utd(reason, sessionId, "Megolm decryption failed: " + e.errorName());
        } catch (IllegalArgumentException e) {
            return utd(UtdReason.MALFORMED, sessionId, "the ciphertext is malformed");
        }
        byte[] bytes = decryption.plaintext();
        String text = new String(bytes, StandardCharsets.UTF_8);
        Arrays.fill(bytes, (byte) 0);
        long index = decryption.messageIndex();

        Optional<DecryptionRecord> seen = ctx.store.decryptionRecord(room, sessionId.get(), index);
        if (seen.isPresent() && !seen.get().eventId().equals(eventId)) {
            return utd(UtdReason.REPLAYED_INDEX, sessionId, "message index " + index
                    + " was already used by another event");
        }
        Map<String, Object> clear;
        try {
            clear = Json.asObject(Json.parse(text)).orElse(null);
        } catch (IllegalArgumentException e) {
            clear = null;
        }
        Optional<String> type = clear == null ? Optional.empty() : Json.string(clear, "type");
        if (clear == null || type.isEmpty() || Json.asObject(clear.get("content")).isEmpty()) {
            return utd(UtdReason.MALFORMED, sessionId, "the plaintext is not an event with type and content");
        }
        if (!room.value().equals(clear.get("room_id"))) {
            return utd(UtdReason.WRONG_ROOM, sessionId, "the plaintext names another room");
        }

        Optional<StoredDevice> device = Optional.empty();
        SenderTrust trust;
        if (sender.equals(ctx.userId) && meta.senderKey().equals(ownCurveKey)) {
            trust = meta.forwarded() ? SenderTrust.UNAUTHENTICATED : SenderTrust.VERIFIED;
        } else {
            device = olm.deviceByCurveKey(sender, meta.senderKey());
            if (device.isPresent() && !device.get().ed25519().equals(meta.signingKey())) {
                return utd(UtdReason.SENDER_MISMATCH, sessionId,
                        "the session's signing key is not the one of the sender's device " + device.get().deviceId());
            }
            if (meta.forwarded()) {
                trust = SenderTrust.UNAUTHENTICATED;
            } else if (device.isEmpty()) {
                trust = SenderTrust.UNKNOWN_DEVICE;
            } else {
                trust = switch (device.get().trust()) {
                    case VERIFIED -> SenderTrust.VERIFIED;
                    case UNVERIFIED -> SenderTrust.UNVERIFIED;
                    case BLACKLISTED -> SenderTrust.BLACKLISTED;
                };
            }
        }
        if (ctx.config.onlyVerifiedSenders() && trust != SenderTrust.VERIFIED) {
            return utd(UtdReason.UNVERIFIED_SENDER, sessionId, "the sender's device is not verified (" + trust + ")");
        }
        if (seen.isEmpty()) {
            changes.decryptionRecord(new DecryptionRecord(room, sessionId.get(), index, eventId));
        }
        RawJson eventContent = Json.raw(clear.get("content"));
        return new DecryptionResult.Decrypted(type.get(), eventContent, sender,
                device.map(StoredDevice::deviceId).or(() -> sender.equals(ctx.userId)
                        && meta.senderKey().equals(ownCurveKey) ? Optional.of(ctx.deviceId) : Optional.empty()),
                meta.senderKey(), trust, meta.forwarded(), sessionId.get(), index);
    }

    private static DecryptionResult.UnableToDecrypt utd(UtdReason reason, Optional<String> sessionId, String message) {
        LOG.debug("Unable to decrypt ({}): {}", reason, message);
        return new DecryptionResult.UnableToDecrypt(reason, sessionId, Optional.empty(), message);
    }
}
