package dev.mxj.sync;

/** The {@code set_presence} parameter of {@code /sync}: how syncing marks the user's presence. */
public enum SetPresence {
    /** Syncing marks the user online (the server's default when the parameter is left out). */
    ONLINE("online"),
    /** Syncing does not mark the user online, e.g. for a bot or a background service. */
    OFFLINE("offline"),
    /** Syncing marks the user idle. */
    UNAVAILABLE("unavailable");

    private final String wire;

    SetPresence(String wire) {
        this.wire = wire;
    }

    /** The spec's string, e.g. {@code "offline"}. */
    public String wire() {
        return wire;
    }
}
