package dev.mxj.account;

import java.util.Objects;

/**
 * A presence state: {@link #ONLINE}, {@link #UNAVAILABLE} or {@link #OFFLINE}. A value class
 * rather than an enum, so that a state from a later spec survives unchanged.
 */
public record PresenceState(String value) {
    public static final PresenceState ONLINE = new PresenceState("online");
    public static final PresenceState UNAVAILABLE = new PresenceState("unavailable");
    public static final PresenceState OFFLINE = new PresenceState("offline");

    public PresenceState {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("A presence state cannot be empty; use online, unavailable or offline.");
        }
    }

    public static PresenceState of(String value) {
        return new PresenceState(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
