package dev.mxj.testkit;

import java.util.Map;

/**
 * A file message's file as a {@link JsPeer} downloaded it: hash checked and decrypted if encrypted.
 *
 * @param sha256 the hex SHA-256 of the plaintext bytes
 * @param size the plaintext's size in bytes
 * @param encrypted whether the file was an encrypted attachment
 */
public record JsDownload(String sha256, long size, boolean encrypted) {

    static JsDownload from(Map<String, Object> result) {
        return new JsDownload(Json.string(result, "sha256"), Json.number(result, "size"),
                Json.bool(result, "encrypted"));
    }
}
