package dev.mxj.crypto.attachment;

import dev.mxj.crypto.CryptoException;

import java.util.Objects;

/**
 * An encrypted attachment cannot be decrypted, or its description ({@link EncryptedFile}) cannot
 * be read. {@link #reason()} says which part is wrong; {@link #errorName()} is the reason's name.
 * The message says what to do and never contains key material or file contents.
 */
public final class AttachmentException extends CryptoException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the attachment. */
    public enum Reason {
        /** The {@code file} JSON lacks a required field or has one of the wrong type. */
        MALFORMED,
        /** {@code v} is not a version mxj decrypts ({@code v2}, and the older {@code v1}). */
        UNSUPPORTED_VERSION,
        /** The key is not an AES-256-CTR key: {@code kty} is not {@code oct} or {@code alg} not {@code A256CTR}. */
        UNSUPPORTED_ALGORITHM,
        /** The key is not 32 bytes of URL-safe base64, or its {@code key_ops} do not allow decryption. */
        INVALID_KEY,
        /** The IV is not 16 bytes of base64. */
        INVALID_IV,
        /** There is no {@code sha256} hash, or it is not 32 bytes of base64. */
        INVALID_HASH,
        /**
         * The ciphertext does not match the {@code sha256} hash: the server (or something on the
         * way) changed or truncated the file. Nothing decrypted should be used.
         */
        HASH_MISMATCH
    }

    private final Reason reason;

    /**
     * @param reason  what is wrong
     * @param message what failed and what to do; never key material
     */
    public AttachmentException(Reason reason, String message) {
        super(Objects.requireNonNull(reason, "reason").name(), message);
        this.reason = reason;
    }

    /** What is wrong with the attachment. */
    public Reason reason() {
        return reason;
    }
}
