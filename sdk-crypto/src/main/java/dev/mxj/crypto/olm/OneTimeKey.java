package dev.mxj.crypto.olm;

import java.util.Objects;

/**
 * A Curve25519 one-time or fallback key, as an account lists it for upload.
 *
 * @param keyId     the key id, unique within the account (e.g. {@code AAAAAQ})
 * @param publicKey the public key, unpadded base64
 */
public record OneTimeKey(String keyId, String publicKey) {
    public OneTimeKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
