package dev.mxj.crypto.machine;

/** Why an encrypted event could not be decrypted. */
public enum UtdReason {
    /** We have no key for the event's Megolm session (it may still arrive: retry when it does). */
    MISSING_SESSION,
    /** We have the session, but only from a later message index than the event's. */
    UNKNOWN_MESSAGE_INDEX,
    /** The sender said it will not send the key ({@code m.room_key.withheld}); see the code. */
    WITHHELD,
    /** Another event already used this session and message index: a replay. */
    REPLAYED_INDEX,
    /** The ciphertext failed authentication (wrong MAC or signature): altered, or not for this key. */
    BAD_MAC,
    /** The event or its ciphertext is malformed (missing fields, bad base64, truncated). */
    MALFORMED,
    /** The event uses an algorithm this machine does not decrypt. */
    UNKNOWN_ALGORITHM,
    /** The decrypted event names another room than the one it was received in. */
    WRONG_ROOM,
    /**
     * The session does not belong to the event's sender: its key came by Olm from another user, or
     * its sender key belongs to a device of the sender whose Ed25519 key is not the session's.
     */
    SENDER_MISMATCH,
    /** The sender's device is not verified and the policy shows only verified senders. */
    UNVERIFIED_SENDER,
    /** A to-device message came from a device we do not know, or are not allowed to accept it from. */
    UNKNOWN_DEVICE,
    /** The Olm message did not decrypt with any session of its sender (a wedged session). */
    OLM_DECRYPTION_FAILED
}
