package dev.mxj.crypto.store;

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
 */
public record StoredOlmSession(String senderKey, String sessionId, String pickle, long createdMs,
                               long lastUsedMs) {
    public StoredOlmSession {
        Objects.requireNonNull(senderKey, "senderKey");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(pickle, "pickle");
    }

    @Override
    public String toString() {
        return "StoredOlmSession[" + sessionId + " with " + senderKey + "]";
    }
}
