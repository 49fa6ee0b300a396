package dev.mxj.crypto.olm;

/**
 * The receiving side of a Megolm session. Created from a session key
 * ({@link OlmBackend#createInboundGroupSession}), from an export
 * ({@link OlmBackend#importInboundGroupSession}), or from a pickle.
 *
 * <p>Thread safety: safe to share; operations on one session run one at a time.
 * Failures throw {@link dev.mxj.crypto.CryptoException}; a closed session throws
 * {@link IllegalStateException}.
 */
public interface InboundGroupSession extends OlmResource {

    /** The session id; equals the sending side's {@link OutboundGroupSession#sessionId()}. */
    String sessionId();

    /** The first message index this session can decrypt. */
    long firstKnownIndex();

    /**
     * Exports the session at {@code messageIndex}, unpadded base64 (the {@code session_key} of a
     * key export or forwarded room key). A secret.
     *
     * @throws dev.mxj.crypto.CryptoException {@code UNKNOWN_MESSAGE_INDEX} if the index is before
     *                                        {@link #firstKnownIndex()}
     * @throws IllegalArgumentException       if the index is not in 0..2<sup>32</sup>-1
     */
    String export(long messageIndex);

    /**
     * Decrypts a Megolm message (unpadded base64).
     *
     * @throws dev.mxj.crypto.CryptoException {@code UNKNOWN_MESSAGE_INDEX} if the message is older
     *                                        than {@link #firstKnownIndex()}
     */
    GroupDecryption decrypt(String ciphertext);

    /** Encrypts the session with {@code key} into a base64 pickle (the backend's format). */
    String pickle(byte[] key);
}
