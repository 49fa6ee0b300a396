package dev.mxj.crypto.olm;

/**
 * Encrypts to a Curve25519 public key, as {@code m.megolm_backup.v1.curve25519-aes-sha2} key backup
 * does. Create with {@link OlmBackend#createPkEncryption(String)}.
 *
 * <p>Thread safety: safe to share; operations run one at a time.
 */
public interface PkEncryption extends OlmResource {

    /** Encrypts {@code plaintext} to the recipient key, with a fresh ephemeral key. */
    PkMessage encrypt(byte[] plaintext);
}
