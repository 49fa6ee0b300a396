package dev.mxj.crypto.olm;

/**
 * An Olm (double ratchet) session between two devices. Created by
 * {@link Account#createOutboundSession} or {@link Account#createInboundSession}, persisted with
 * {@link #pickle(byte[])} and {@link OlmBackend#unpickleSession(String, byte[])}.
 *
 * <p>Thread safety: safe to share; operations on one session run one at a time.
 * Failures throw {@link dev.mxj.crypto.CryptoException}; a closed session throws
 * {@link IllegalStateException}.
 */
public interface Session extends OlmResource {

    /** The session id: the same at both ends (unpadded base64). */
    String sessionId();

    /** True once this session has decrypted a message (its messages stop being pre-key messages). */
    boolean hasReceivedMessage();

    /** Encrypts {@code plaintext}; the result is a pre-key message until a reply was received. */
    OlmMessage encrypt(byte[] plaintext);

    /**
     * Decrypts a message sent in this session and advances the ratchet.
     *
     * @return the plaintext; the caller owns this array and may wipe it
     */
    byte[] decrypt(OlmMessage message);

    /**
     * True if {@code preKeyMessage} belongs to this (inbound) session: use it to route a pre-key
     * message to an existing session before creating a new one.
     *
     * @throws IllegalArgumentException if {@code preKeyMessage} is not a pre-key message
     */
    boolean matchesInbound(OlmMessage preKeyMessage);

    /** As {@link #matchesInbound(OlmMessage)}, and also checks that it came from {@code theirIdentityKey}. */
    boolean matchesInbound(String theirIdentityKey, OlmMessage preKeyMessage);

    /** Encrypts the session with {@code key} into a base64 pickle (the backend's format). */
    String pickle(byte[] key);
}
