package dev.mxj.crypto;

import dev.mxj.MatrixException;

import java.util.Objects;

/**
 * A cryptographic operation failed: a message did not decrypt, a pickle did not open, a key was
 * malformed. {@link #errorName()} is the backend's error name: for the libolm backend exactly the
 * string libolm's {@code olm_*_last_error} functions return (e.g. {@code BAD_MESSAGE_MAC}); other
 * backends report the same names for the same failures. The constants below are the names libolm
 * 3.2 defines, spelled as it spells them (the last three really do carry an {@code OLM_} prefix).
 *
 * <p>The message says what the caller can do next. It never contains key material or plaintext.
 */
public class CryptoException extends MatrixException {
    private static final long serialVersionUID = 1L;

    /** The random number source failed (the backend gathers its own randomness). */
    public static final String NOT_ENOUGH_RANDOM = "NOT_ENOUGH_RANDOM";
    /** An output buffer was too small: a bug in the backend, never the caller's input. */
    public static final String OUTPUT_BUFFER_TOO_SMALL = "OUTPUT_BUFFER_TOO_SMALL";
    /** The message is for a protocol version this backend does not speak. */
    public static final String BAD_MESSAGE_VERSION = "BAD_MESSAGE_VERSION";
    /** The message could not be decoded (truncated, or not a message of this kind). */
    public static final String BAD_MESSAGE_FORMAT = "BAD_MESSAGE_FORMAT";
    /** The message failed authentication: tampered with, or for another session/ratchet step. */
    public static final String BAD_MESSAGE_MAC = "BAD_MESSAGE_MAC";
    /** A pre-key message names a one-time key this account does not have (any more). */
    public static final String BAD_MESSAGE_KEY_ID = "BAD_MESSAGE_KEY_ID";
    /** An input that must be unpadded base64 is not. */
    public static final String INVALID_BASE64 = "INVALID_BASE64";
    /** The pickle key is wrong, or the pickle was altered. */
    public static final String BAD_ACCOUNT_KEY = "BAD_ACCOUNT_KEY";
    /** The pickle was written by a newer (or unknown) version. */
    public static final String UNKNOWN_PICKLE_VERSION = "UNKNOWN_PICKLE_VERSION";
    /** The pickle decrypted but its contents do not parse. */
    public static final String CORRUPTED_PICKLE = "CORRUPTED_PICKLE";
    /** A Megolm session key (or export) is malformed or has an invalid signature. */
    public static final String BAD_SESSION_KEY = "BAD_SESSION_KEY";
    /** The Megolm message (or export) index is before the first index this session knows. */
    public static final String UNKNOWN_MESSAGE_INDEX = "UNKNOWN_MESSAGE_INDEX";
    /** An account pickled by a libolm version whose Ed25519 key must be considered compromised. */
    public static final String BAD_LEGACY_ACCOUNT_PICKLE = "BAD_LEGACY_ACCOUNT_PICKLE";
    /** A Megolm message's Ed25519 signature does not verify. */
    public static final String BAD_SIGNATURE = "BAD_SIGNATURE";
    /** An input (key, seed) was shorter than required. */
    public static final String INPUT_BUFFER_TOO_SMALL = "OLM_INPUT_BUFFER_TOO_SMALL";
    /** A SAS operation needs the other side's public key first. */
    public static final String SAS_THEIR_KEY_NOT_SET = "OLM_SAS_THEIR_KEY_NOT_SET";
    /** The pickle had bytes left over after a complete object. */
    public static final String PICKLE_EXTRA_DATA = "OLM_PICKLE_EXTRA_DATA";

    private final String errorName;

    /**
     * @param errorName the backend error name, e.g. {@link #BAD_MESSAGE_MAC}
     * @param message   what failed; a hint for the caller is appended from the error name
     */
    public CryptoException(String errorName, String message) {
        super(describe(errorName, message));
        this.errorName = Objects.requireNonNull(errorName, "errorName");
    }

    /** As {@link #CryptoException(String, String)}, with a cause. */
    public CryptoException(String errorName, String message, Throwable cause) {
        super(describe(errorName, message), cause);
        this.errorName = Objects.requireNonNull(errorName, "errorName");
    }

    /** The backend's error name, e.g. {@code BAD_MESSAGE_MAC}; unknown names are kept as given. */
    public String errorName() {
        return errorName;
    }

    /** True when {@link #errorName()} equals {@code name}. */
    public boolean is(String name) {
        return errorName.equals(name);
    }

    private static String describe(String errorName, String message) {
        String hint = hint(errorName);
        return message + " (" + errorName + ")" + (hint.isEmpty() ? "" : ". " + hint);
    }

    private static String hint(String errorName) {
        return switch (errorName) {
            case BAD_ACCOUNT_KEY -> "Use the key the object was pickled with; a changed pickle fails the same way";
            case UNKNOWN_MESSAGE_INDEX -> "The message predates the key we hold; request the session key from the sender";
            case BAD_MESSAGE_MAC -> "The message was altered, replayed, or belongs to another session";
            case BAD_MESSAGE_KEY_ID -> "The one-time key was already used or never existed; the sender must start a new session";
            case INVALID_BASE64 -> "Pass unpadded standard base64, as the Matrix specification writes keys and messages";
            case UNKNOWN_PICKLE_VERSION -> "The pickle was written by a newer version; upgrade libolm or mxj";
            case BAD_LEGACY_ACCOUNT_PICKLE -> "This account cannot be used any more; create a new device";
            case SAS_THEIR_KEY_NOT_SET -> "Call setTheirPublicKey first";
            case NOT_ENOUGH_RANDOM -> "The operating system's random source failed; check /dev/urandom";
            default -> "";
        };
    }
}
