package dev.mxj.crypto.olm;

import java.nio.charset.StandardCharsets;

/**
 * An Ed25519 signing key from a 32-byte seed: the cross-signing master, self-signing and
 * user-signing keys. Create with {@link OlmBackend#createPkSigning()} or
 * {@link OlmBackend#pkSigningFromSeed(byte[])}; store the {@link #seed()} (in secret storage).
 *
 * <p>Thread safety: safe to share; operations run one at a time.
 */
public interface PkSigning extends OlmResource {

    /** The Ed25519 public key, unpadded base64. */
    String publicKey();

    /** A copy of the 32-byte seed. A secret: the caller owns the array and should wipe it. */
    byte[] seed();

    /** Signs {@code message}; returns the unpadded base64 signature. */
    String sign(byte[] message);

    /** Signs the UTF-8 bytes of {@code message} (typically canonical JSON). */
    default String sign(String message) {
        return sign(message.getBytes(StandardCharsets.UTF_8));
    }
}
