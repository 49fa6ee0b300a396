package dev.mxj.testkit;

import java.util.List;
import java.util.Map;

/**
 * An encrypted attachment in the spec's format (version 2), split into its parts: what
 * {@link JsPeer#encryptAttachment} made, or what {@link JsPeer#decryptAttachment} should open.
 * The array is not copied: do not change it.
 *
 * @param ciphertext the bytes that are uploaded
 * @param key the AES-256 key: the JSON Web Key's {@code k}, unpadded base64url
 * @param iv the 16-byte AES-CTR counter block, unpadded base64
 * @param sha256 the SHA-256 of the ciphertext, unpadded base64 (the {@code hashes.sha256})
 */
public record JsAttachment(byte[] ciphertext, String key, String iv, String sha256) {

    static JsAttachment from(Map<String, Object> result) {
        Map<String, Object> file = Json.object(result, "file");
        return new JsAttachment(java.util.Base64.getDecoder().decode(Json.string(result, "ciphertext")),
                Json.string(Json.object(file, "key"), "k"), Json.string(file, "iv"),
                Json.string(Json.object(file, "hashes"), "sha256"));
    }

    /** The event content's {@code file} object, without {@code url}. */
    Map<String, Object> file() {
        return Map.of("v", "v2", "iv", iv, "hashes", Map.of("sha256", sha256),
                "key", Map.of("kty", "oct", "alg", "A256CTR", "ext", true, "k", key,
                        "key_ops", List.of("encrypt", "decrypt")));
    }
}
