package dev.mxj.crypto.olm;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * An Olm account: a device's identity keys, its one-time keys and fallback key, and the factory
 * for Olm sessions. Create one with {@link OlmBackend#createAccount()}, persist it with
 * {@link #pickle(byte[])}, reload it with {@link OlmBackend#unpickleAccount(String, byte[])}.
 *
 * <p>Thread safety: safe to share; operations on one account run one at a time.
 * Failures throw {@link dev.mxj.crypto.CryptoException}; a closed account throws
 * {@link IllegalStateException}.
 */
public interface Account extends OlmResource {

    /** The account's public identity keys. */
    IdentityKeys identityKeys();

    /** Signs {@code message} with the Ed25519 identity key; returns the unpadded base64 signature. */
    String sign(byte[] message);

    /** Signs the UTF-8 bytes of {@code message} (typically canonical JSON). */
    default String sign(String message) {
        return sign(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The most one-time keys the account keeps; generating more discards the oldest. */
    int maxOneTimeKeys();

    /** Generates {@code count} new one-time keys (0 or more). */
    void generateOneTimeKeys(int count);

    /** The one-time keys not yet marked as published (in no particular order). */
    List<OneTimeKey> oneTimeKeys();

    /**
     * Marks the current one-time keys and fallback key as published: they no longer appear in
     * {@link #oneTimeKeys()} or {@link #unpublishedFallbackKey()}. Call after a successful upload.
     */
    void markKeysAsPublished();

    /** Generates a new fallback key; the previous one is kept until {@link #forgetOldFallbackKey()}. */
    void generateFallbackKey();

    /** The current fallback key if it has not been published yet. */
    Optional<OneTimeKey> unpublishedFallbackKey();

    /** Forgets the previous fallback key (call a while after a new one was published). */
    void forgetOldFallbackKey();

    /**
     * Starts an Olm session to another device, from its Curve25519 identity key and one of its
     * one-time keys or its fallback key (all unpadded base64). The first messages the session
     * sends are pre-key messages, until it receives a reply.
     */
    Session createOutboundSession(String theirIdentityKey, String theirOneTimeKey);

    /**
     * Creates a session from a pre-key message sent by {@code theirIdentityKey}, decrypts that
     * message, and, only if it decrypted, removes the one-time key it used from this account
     * (a fallback key stays). If anything fails nothing changes and a
     * {@link dev.mxj.crypto.CryptoException} is thrown.
     *
     * @throws IllegalArgumentException if {@code preKeyMessage} is not a pre-key message
     */
    InboundSessionResult createInboundSession(String theirIdentityKey, OlmMessage preKeyMessage);

    /**
     * Encrypts the account with {@code key} (any length; use 32 random bytes) into a base64 pickle.
     * The pickle format is the backend's: libolm's for the libolm backend.
     */
    String pickle(byte[] key);
}
