package dev.mxj.crypto.keyexport;

import dev.mxj.crypto.CryptoException;

import java.util.Objects;

/**
 * A room key export cannot be read. {@link #reason()} says why; {@link #errorName()} is the
 * reason's name. The message says what to do and never contains key material.
 */
public final class KeyExportException extends CryptoException {
    private static final long serialVersionUID = 1L;

    /** Why the export cannot be read. */
    public enum Reason {
        /**
         * The text is not an export: the {@code BEGIN/END MEGOLM SESSION DATA} lines are missing,
         * the text between them is not base64, or it is too short to hold the header and the MAC.
         */
        NOT_AN_EXPORT,
        /** The export's version byte is not 1, the only version the specification defines. */
        UNSUPPORTED_VERSION,
        /**
         * The MAC does not match: the passphrase is wrong, or the file was changed or truncated.
         * The two cannot be told apart.
         */
        WRONG_PASSPHRASE_OR_CORRUPTED,
        /** The export decrypted, but its contents are not a JSON array of session data. */
        MALFORMED_CONTENTS
    }

    private final Reason reason;

    /**
     * @param reason  why the export cannot be read
     * @param message what failed and what to do; never key material
     */
    public KeyExportException(Reason reason, String message) {
        super(Objects.requireNonNull(reason, "reason").name(), message);
        this.reason = reason;
    }

    /** Why the export cannot be read. */
    public Reason reason() {
        return reason;
    }
}
