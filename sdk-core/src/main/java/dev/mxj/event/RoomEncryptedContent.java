package dev.mxj.event;

import dev.mxj.json.RawJson;

import java.util.Optional;

/**
 * {@code m.room.encrypted}: an encrypted event, in a room or sent to a device.
 *
 * @param algorithm  {@code algorithm}, {@link #MEGOLM_V1} or {@link #OLM_V1}
 * @param ciphertext {@code ciphertext}: a string for Megolm, an object of per-recipient messages for Olm
 * @param senderKey  {@code sender_key}; deprecated (and not to be used) for Megolm
 * @param sessionId  {@code session_id}, for Megolm
 * @param deviceId   {@code device_id}; deprecated (and not to be used) for Megolm
 * @param relatesTo  {@code m.relates_to}, which stays unencrypted so servers can aggregate
 */
public record RoomEncryptedContent(String algorithm, RawJson ciphertext, Optional<String> senderKey,
                                   Optional<String> sessionId, Optional<String> deviceId,
                                   Optional<Relation> relatesTo) implements KnownContent {
    public static final String TYPE = "m.room.encrypted";
    public static final String MEGOLM_V1 = "m.megolm.v1.aes-sha2";
    public static final String OLM_V1 = "m.olm.v1.curve25519-aes-sha2";

    @Override
    public String type() {
        return TYPE;
    }

    /** The ciphertext if it is a string, as Megolm's is. */
    public Optional<String> ciphertextString() {
        return ciphertext.asString();
    }
}
