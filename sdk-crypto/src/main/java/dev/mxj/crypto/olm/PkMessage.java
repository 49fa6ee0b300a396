package dev.mxj.crypto.olm;

import java.util.Objects;

/**
 * A message encrypted to a Curve25519 public key, as {@code m.megolm_backup.v1.curve25519-aes-sha2}
 * stores it in {@code session_data}. All three parts are unpadded base64.
 *
 * <p>Note: the spec (following libolm) computes {@code mac} over an empty input, not over the
 * ciphertext, so it authenticates nothing; do not rely on it for integrity.
 *
 * @param ciphertext   the AES-256-CBC ciphertext
 * @param mac          the truncated HMAC-SHA-256 (8 bytes)
 * @param ephemeralKey the sender's ephemeral Curve25519 public key
 */
public record PkMessage(String ciphertext, String mac, String ephemeralKey) {
    public PkMessage {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(ephemeralKey, "ephemeralKey");
    }
}
