package dev.mxj.room;

/** {@code preset} of {@code POST /createRoom}: a set of initial state events the server sends. */
public enum Preset {
    /** Invite-only, shared history, guests may join. */
    PRIVATE_CHAT("private_chat"),
    /** As {@link #PRIVATE_CHAT}, and every invitee gets the creator's power level. */
    TRUSTED_PRIVATE_CHAT("trusted_private_chat"),
    /** Public join rule, shared history, no guests. */
    PUBLIC_CHAT("public_chat");

    private final String value;

    Preset(String value) {
        this.value = value;
    }

    /** The spec's name, e.g. {@code private_chat}. */
    public String value() {
        return value;
    }
}
