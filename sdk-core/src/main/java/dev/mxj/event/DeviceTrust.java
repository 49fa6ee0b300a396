package dev.mxj.event;

/** How far this client trusts a device of another user (or of its own user). */
public enum DeviceTrust {
    /** The user verified the device (or its owner's identity signed it, once cross-signing is trusted). */
    VERIFIED,
    /** A known device that nobody verified: Element's default for new devices. */
    UNVERIFIED,
    /** The user blocked the device: no room keys are shared with it. */
    BLACKLISTED,
    /** The module cannot tie the session to a known device (its keys were not fetched, or do not match). */
    UNKNOWN_DEVICE
}
