package dev.mxj.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the loop calls {@code /sync}. Immutable; derive variants with the {@code with...} methods.
 *
 * @param timeout     how long the server may hold a request open when there is nothing new
 *                    (the long poll); the request's read timeout is this plus a margin. The first
 *                    sync of an account (no token yet) always uses 0.
 * @param setPresence {@code set_presence}; empty leaves it to the server (online)
 * @param fullState   ask for the full state of every room in the first request after
 *                    {@link SyncService#start} (later requests of the run are incremental)
 * @param filter      the filter, uploaded once and reused by ID
 */
public record SyncSettings(Duration timeout, Optional<SetPresence> setPresence, boolean fullState,
                           SyncFilter filter) {
    /** The long-poll timeout of {@link #defaults()}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public SyncSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(setPresence, "setPresence");
        Objects.requireNonNull(filter, "filter");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The sync timeout must not be negative, was " + timeout);
        }
    }

    /** A 30 s long poll, the server's presence default, incremental, {@link SyncFilter#defaults()}. */
    public static SyncSettings defaults() {
        return new SyncSettings(DEFAULT_TIMEOUT, Optional.empty(), false, SyncFilter.defaults());
    }

    public SyncSettings withTimeout(Duration value) {
        return new SyncSettings(value, setPresence, fullState, filter);
    }

    public SyncSettings withSetPresence(SetPresence value) {
        return new SyncSettings(timeout, Optional.of(value), fullState, filter);
    }

    public SyncSettings withFullState(boolean value) {
        return new SyncSettings(timeout, setPresence, value, filter);
    }

    public SyncSettings withFilter(SyncFilter value) {
        return new SyncSettings(timeout, setPresence, fullState, value);
    }
}
