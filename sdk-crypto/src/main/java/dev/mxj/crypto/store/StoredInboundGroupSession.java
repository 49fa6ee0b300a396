package dev.mxj.crypto.store;

import dev.mxj.id.RoomId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Megolm session we can decrypt with, keyed by room and session id.
 *
 * @param roomId          the room the key is for
 * @param sessionId       the Megolm session id
 * @param senderKey       the Curve25519 key of the device that created the session (for a
 *                        forwarded key: the one the forwarder claims)
 * @param signingKey      the Ed25519 key of that device, as the sender claimed it
 * @param forwardingChain Curve25519 keys of the devices the key was forwarded through, oldest
 *                        first; empty for a key received straight from its creator
 * @param forwarded       true if the key did not come from its creator (forwarded or imported):
 *                        the sender's identity is then not authenticated
 * @param firstKnownIndex the first message index the session decrypts
 * @param pickle          the session, pickled with the {@link PickleKey}
 * @param keySender       who handed us the key over Olm (user and device key); the machine decrypts
 *                        only that user's events with a key it did not forward from elsewhere.
 *                        Empty for keys saved before mxj recorded it
 */
public record StoredInboundGroupSession(RoomId roomId, String sessionId, String senderKey, String signingKey,
                                        List<String> forwardingChain, boolean forwarded, long firstKnownIndex,
                                        String pickle, Optional<KeySender> keySender) {
    public StoredInboundGroupSession {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(senderKey, "senderKey");
        Objects.requireNonNull(signingKey, "signingKey");
        forwardingChain = List.copyOf(forwardingChain);
        Objects.requireNonNull(pickle, "pickle");
        Objects.requireNonNull(keySender, "keySender");
    }

    /** A session whose key sender is not known (saved before mxj recorded it). */
    public StoredInboundGroupSession(RoomId roomId, String sessionId, String senderKey, String signingKey,
                                     List<String> forwardingChain, boolean forwarded, long firstKnownIndex,
                                     String pickle) {
        this(roomId, sessionId, senderKey, signingKey, forwardingChain, forwarded, firstKnownIndex, pickle,
                Optional.empty());
    }

    @Override
    public String toString() {
        return "StoredInboundGroupSession[" + roomId + ", " + sessionId + ", first=" + firstKnownIndex
                + (forwarded ? ", forwarded" : "") + "]";
    }
}
