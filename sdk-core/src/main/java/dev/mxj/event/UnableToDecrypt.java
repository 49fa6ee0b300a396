package dev.mxj.event;

import java.util.Objects;

/**
 * An {@code m.room.encrypted} event that could not be decrypted (a "UTD"). The event stays in the
 * timeline as it came; when its room key arrives later, mxj decrypts it again on its own
 * ({@link Reason#mayResolveLater()}).
 *
 * @param reason  why, as a value to switch on
 * @param message what happened, for logs and a tooltip; never holds key material or plaintext
 */
public record UnableToDecrypt(Reason reason, String message) implements DecryptionResult {
    public UnableToDecrypt {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** Why an event could not be decrypted. */
    public enum Reason {
        /** The room key (Megolm session) is not known here (yet): the sender may still send it. */
        MISSING_ROOM_KEY,
        /** The room key is known, but only from a later message on: an older copy of it may still arrive. */
        UNKNOWN_MESSAGE_INDEX,
        /** The sender said it will not share the key with this device ({@code m.room_key.withheld}). */
        WITHHELD,
        /** The sending device is not verified and the module's policy shows only verified senders. */
        SENDER_NOT_TRUSTED,
        /** The algorithm is not one the module implements. */
        UNSUPPORTED_ALGORITHM,
        /** The ciphertext was corrupted or its MAC did not match. */
        BAD_CIPHERTEXT,
        /** The same session and message index were used for a different event: a replay, refused. */
        REPLAYED,
        /**
         * The plaintext does not belong here: it names another room, is not an event, or its session
         * belongs to another user than the event's sender (someone passing another member's message
         * off as theirs); refused.
         */
        MISMATCHED_PLAINTEXT,
        /** The {@code m.room.encrypted} content lacks a field its algorithm needs. */
        MALFORMED_EVENT,
        /** The client has no encryption module: add sdk-crypto to read encrypted rooms. */
        NO_ENCRYPTION_MODULE,
        /** Anything else (e.g. the crypto store failed); see the message. */
        OTHER;

        /** True when the key may still arrive, so mxj retries the event when keys come in. */
        public boolean mayResolveLater() {
            return this == MISSING_ROOM_KEY || this == UNKNOWN_MESSAGE_INDEX || this == WITHHELD || this == OTHER;
        }
    }
}
