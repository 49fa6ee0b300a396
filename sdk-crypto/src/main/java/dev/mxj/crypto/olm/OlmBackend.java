package dev.mxj.crypto.olm;

/**
 * An implementation of the Olm and Megolm primitives: the one entry point the rest of mxj's crypto
 * uses. Every object it creates is an {@link OlmResource} the caller closes.
 *
 * <p>mxj ships {@link dev.mxj.crypto.olm.libolm.LibolmBackend} (libolm 3 through JNI). A second
 * backend implements this interface with its own object types. No method takes another backend
 * object as a parameter, so objects of two backends never mix; what crosses between backends is
 * data: keys, messages, session keys and exports, which are the same for every backend.
 *
 * <p>Conventions for every method here and on the created objects:
 * <ul>
 *   <li>Keys, signatures, messages and session keys are unpadded standard base64 strings, as the
 *       Matrix specification uses them; malformed base64 fails with {@code INVALID_BASE64}.</li>
 *   <li>Pickles are base64 strings encrypted with a caller-supplied key of any length. The pickle
 *       format belongs to the backend (libolm's format for the libolm backend).</li>
 *   <li>Cryptographic failures throw {@link dev.mxj.crypto.CryptoException} with the error name
 *       libolm uses; misuse (nulls, bad ranges) throws the usual unchecked exceptions.</li>
 *   <li>The backend draws its own randomness; callers never pass random bytes.</li>
 * </ul>
 *
 * <p>Thread safety: implementations are safe to share between threads.
 */
public interface OlmBackend {

    /** A short description for logs, e.g. {@code libolm 3.2.13}. */
    String name();

    /** Creates an account with fresh identity keys and no one-time keys. */
    Account createAccount();

    /** Restores an account from {@link Account#pickle(byte[])}; a wrong key fails with {@code BAD_ACCOUNT_KEY}. */
    Account unpickleAccount(String pickle, byte[] key);

    /** Restores an Olm session from {@link Session#pickle(byte[])}. */
    Session unpickleSession(String pickle, byte[] key);

    /** Creates a Megolm outbound session at index 0 with fresh keys. */
    OutboundGroupSession createOutboundGroupSession();

    /** Restores a Megolm outbound session from {@link OutboundGroupSession#pickle(byte[])}. */
    OutboundGroupSession unpickleOutboundGroupSession(String pickle, byte[] key);

    /**
     * Creates an inbound session from a signed session key, as {@link OutboundGroupSession#sessionKey()}
     * gives and {@code m.room_key} carries. Fails with {@code BAD_SESSION_KEY} if it is malformed
     * or its signature does not verify.
     */
    InboundGroupSession createInboundGroupSession(String sessionKey);

    /**
     * Creates an inbound session from an unsigned export, as {@link InboundGroupSession#export(long)}
     * gives and forwarded room keys and key backups carry.
     */
    InboundGroupSession importInboundGroupSession(String exportedSessionKey);

    /** Restores a Megolm inbound session from {@link InboundGroupSession#pickle(byte[])}. */
    InboundGroupSession unpickleInboundGroupSession(String pickle, byte[] key);

    /** Prepares to encrypt to {@code recipientPublicKey} (Curve25519, unpadded base64). */
    PkEncryption createPkEncryption(String recipientPublicKey);

    /** Creates a fresh Curve25519 key pair for decryption (a new key-backup key). */
    PkDecryption createPkDecryption();

    /** Restores a decryption key pair from its 32-byte private key. */
    PkDecryption pkDecryptionFromPrivateKey(byte[] privateKey);

    /** Restores a decryption key pair from {@link PkDecryption#pickle(byte[])}. */
    PkDecryption unpicklePkDecryption(String pickle, byte[] key);

    /** Creates an Ed25519 signing key from a fresh random seed. */
    PkSigning createPkSigning();

    /** Creates an Ed25519 signing key from a 32-byte seed. */
    PkSigning pkSigningFromSeed(byte[] seed);

    /** Starts one side of a SAS verification with a fresh ephemeral key pair. */
    Sas createSas();

    /**
     * Verifies an Ed25519 signature over {@code message}. Returns normally if it verifies; otherwise
     * throws {@link dev.mxj.crypto.CryptoException}: {@code BAD_MESSAGE_MAC} for a signature that
     * does not verify (including a non-canonical one), {@code INVALID_BASE64} for a malformed key
     * or signature.
     */
    void verifyEd25519(String publicKey, byte[] message, String signature);

    /** SHA-256 of {@code input}, unpadded base64. */
    String sha256(byte[] input);
}
