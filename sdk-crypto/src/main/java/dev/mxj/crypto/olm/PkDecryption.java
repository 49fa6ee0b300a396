package dev.mxj.crypto.olm;

/**
 * A Curve25519 key pair that decrypts {@link PkMessage}s: the key-backup private key. Create a new
 * one with {@link OlmBackend#createPkDecryption()}, restore one from its private key (the recovery
 * key) with {@link OlmBackend#pkDecryptionFromPrivateKey(byte[])}, or from a pickle.
 *
 * <p>Thread safety: safe to share; operations run one at a time.
 */
public interface PkDecryption extends OlmResource {

    /** The public key, unpadded base64 ({@code auth_data.public_key} of a backup version). */
    String publicKey();

    /** A copy of the 32-byte private key. A secret: the caller owns the array and should wipe it. */
    byte[] privateKey();

    /**
     * Decrypts {@code message}.
     *
     * @return the plaintext; the caller owns this array and may wipe it
     */
    byte[] decrypt(PkMessage message);

    /** Encrypts the key pair with {@code key} into a base64 pickle (the backend's format). */
    String pickle(byte[] key);
}
