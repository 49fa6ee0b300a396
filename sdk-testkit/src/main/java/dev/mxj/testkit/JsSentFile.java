package dev.mxj.testkit;

import java.util.Map;

/**
 * A file a {@link JsPeer} sent.
 *
 * @param eventId the {@code m.room.message} event's id
 * @param mxcUri the uploaded bytes (ciphertext in an encrypted room)
 * @param sha256 the hex SHA-256 of the plaintext bytes, to compare with what the receiver decrypts
 * @param size the plaintext's size in bytes
 * @param encrypted whether the file (and the event) was encrypted
 */
public record JsSentFile(String eventId, String mxcUri, String sha256, long size, boolean encrypted) {

    static JsSentFile from(Map<String, Object> result) {
        return new JsSentFile(Json.string(result, "eventId"), Json.string(result, "url"),
                Json.string(result, "sha256"), Json.number(result, "size"),
                Json.bool(result, "encrypted"));
    }
}
