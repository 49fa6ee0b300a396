package dev.mxj.account;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's presence, as {@code GET /presence/{userId}/status} answers it.
 *
 * @param state           {@code presence}
 * @param lastActiveAgo   {@code last_active_ago}: how long ago the user last did something
 * @param statusMessage   {@code status_msg}, when one is set
 * @param currentlyActive {@code currently_active}, when the server says
 */
public record Presence(PresenceState state, Optional<Duration> lastActiveAgo, Optional<String> statusMessage,
                       Optional<Boolean> currentlyActive) {
    public Presence {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastActiveAgo, "lastActiveAgo");
        Objects.requireNonNull(statusMessage, "statusMessage");
        Objects.requireNonNull(currentlyActive, "currentlyActive");
    }
}
