package dev.mxj.crypto.attachment;

import java.util.Base64;
import java.util.Optional;

/**
 * Base64 as the attachment format writes it: the key in URL-safe, the IV and hashes in standard
 * alphabet, both without padding. Reading accepts either alphabet, with or without padding, since
 * clients have not always been exact.
 */
final class Unpadded {
    private Unpadded() {
    }

    /** Standard alphabet, no padding (IV, hashes). */
    static String standard(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    /** URL-safe alphabet, no padding (the JWK's {@code k}). */
    static String urlSafe(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The bytes of {@code text} in either alphabet, or empty if it is not base64. */
    static Optional<byte[]> decode(String text) {
        String urlSafe = text.replace('+', '-').replace('/', '_');
        try {
            return Optional.of(Base64.getUrlDecoder().decode(urlSafe));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
