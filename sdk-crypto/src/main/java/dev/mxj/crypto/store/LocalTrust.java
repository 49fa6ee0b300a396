package dev.mxj.crypto.store;

/** What the user of this device decided about another device. */
public enum LocalTrust {
    /** No decision: the device gets keys when the policy shares with unverified devices. */
    UNVERIFIED,
    /** The user verified the device: it gets keys, and its messages show as trusted. */
    VERIFIED,
    /** The user blacklisted the device: it never gets keys (it gets {@code m.room_key.withheld}). */
    BLACKLISTED
}
