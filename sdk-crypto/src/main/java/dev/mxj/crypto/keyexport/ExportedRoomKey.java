package dev.mxj.crypto.keyexport;

import dev.mxj.id.RoomId;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Megolm session of a key export: the specification's {@code SessionData}. A secret:
 * {@link #toString()} leaves the session key out.
 *
 * @param algorithm         the encryption algorithm, {@code m.megolm.v1.aes-sha2}
 * @param roomId            the room the session is used in
 * @param senderKey         the Curve25519 key of the device that created the session
 * @param sessionId         the Megolm session id
 * @param sessionKey        the session exported at its first known index (libolm's export format,
 *                          unpadded base64)
 * @param senderClaimedKeys the keys the creating device claimed, by algorithm ({@code ed25519})
 * @param forwardingChain   the Curve25519 keys of the devices the key passed through, oldest first
 */
public record ExportedRoomKey(String algorithm, RoomId roomId, String senderKey, String sessionId,
                              String sessionKey, Map<String, String> senderClaimedKeys,
                              List<String> forwardingChain) {
    /** The Megolm algorithm name. */
    public static final String MEGOLM_V1 = "m.megolm.v1.aes-sha2";

    public ExportedRoomKey {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(senderKey, "senderKey");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionKey, "sessionKey");
        senderClaimedKeys = Map.copyOf(senderClaimedKeys);
        forwardingChain = List.copyOf(forwardingChain);
    }

    /** The Ed25519 key the creating device claimed, if the export names one. */
    public Optional<String> claimedEd25519() {
        return Optional.ofNullable(senderClaimedKeys.get("ed25519"));
    }

    @Override
    public String toString() {
        return "ExportedRoomKey[" + roomId + ", " + sessionId + ", " + algorithm + "]";
    }
}
