package dev.mxj.crypto.machine;

/** How far the sender of a decrypted event is trusted. */
public enum SenderTrust {
    /** The sender's device is verified (or is this device). */
    VERIFIED,
    /** The sender's device is known and its key checked, but not verified by the user. */
    UNVERIFIED,
    /** The sender's device is blacklisted by the user. */
    BLACKLISTED,
    /** The sender's device is not known (yet): its keys were not queried. */
    UNKNOWN_DEVICE,
    /** The key was forwarded or imported: who created it cannot be proved. */
    UNAUTHENTICATED
}
