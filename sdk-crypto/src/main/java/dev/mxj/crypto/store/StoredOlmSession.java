package dev.mxj.crypto.store;

import java.util.List;
import java.util.Objects;

/**
 * An Olm session with another device, keyed by that device's Curve25519 identity key and the
 * session id.
 *
 * @param senderKey    the other device's Curve25519 identity key (unpadded base64)
 * @param sessionId    the Olm session id
 * @param pickle       the session, pickled with the {@link PickleKey}
 * @param createdMs    when the session was created (epoch ms)
 * @param lastUsedMs   when it last encrypted or decrypted (epoch ms); the newest is used to send
 * @param recentMessageHashes hashes of the last messages this session decrypted, oldest first (at most
 *                     a hundred): a message seen again (a sync handed over again after a crash) is
 *                     recognised as already handled instead of being taken for a wedged session.
 *                     Each is unpadded base64 of the first 16 bytes of SHA-256 over the message type,
 *                     a colon and its body; no key material
 */
public record StoredOlmSession(String senderKey, String sessionId, String pickle, long createdMs,
                               long lastUsedMs, List<String> recentMessageHashes) {
    public StoredOlmSession {
        Objects.requireNonNull(senderKey, "senderKey");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(pickle, "pickle");
        recentMessageHashes = List.copyOf(recentMessageHashes);
    }

    /** A session with no message hashes (saved before mxj recorded them). */
    public StoredOlmSession(String senderKey, String sessionId, String pickle, long createdMs, long lastUsedMs) {
        this(senderKey, sessionId, pickle, createdMs, lastUsedMs, List.of());
    }

    @Override
    public String toString() {
        return "StoredOlmSession[" + sessionId + " with " + senderKey + "]";
    }
}
