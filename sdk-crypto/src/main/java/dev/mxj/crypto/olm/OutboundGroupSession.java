package dev.mxj.crypto.olm;

/**
 * The sending side of a Megolm session ({@code m.megolm.v1.aes-sha2}). Share
 * {@link #sessionKey()} with the room's devices over Olm, then encrypt room events with it.
 *
 * <p>Thread safety: safe to share; operations on one session run one at a time.
 * Failures throw {@link dev.mxj.crypto.CryptoException}; a closed session throws
 * {@link IllegalStateException}.
 */
public interface OutboundGroupSession extends OlmResource {

    /** The session id (unpadded base64 of the session's Ed25519 public key). */
    String sessionId();

    /**
     * The session key at the current index, unpadded base64: what {@code m.room_key} carries. It
     * lets the holder decrypt every message from {@link #messageIndex()} on. A secret.
     */
    String sessionKey();

    /** The index the next encrypted message will carry (starts at 0). */
    long messageIndex();

    /** Encrypts {@code plaintext} and advances the index; returns the unpadded base64 message. */
    String encrypt(byte[] plaintext);

    /** Encrypts the session with {@code key} into a base64 pickle (the backend's format). */
    String pickle(byte[] key);
}
