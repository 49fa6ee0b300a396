package dev.mxj.crypto.machine;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The machine's policies and tunables.
 *
 * @param shareWithUnverified     share room keys with devices the user did not verify (on by
 *                                default, as Element does); when off they get {@code m.unverified}
 * @param onlyVerifiedSenders     show only events from verified devices: others become
 *                                {@link UtdReason#UNVERIFIED_SENDER} (off by default)
 * @param pickleIterations        PBKDF2 iterations when a new store's pickle key is made
 * @param unwedgeInterval         the least time between two new Olm sessions forced with one
 *                                device after decryption failures (rate limit of wedge recovery)
 * @param clock                   the clock for rotation periods and rate limits
 * @param autoKeyRequests         ask this user's other devices for a room key on its own when an event's
 *                                session is missing ({@code m.room_key_request}, rate-limited, cancelled
 *                                when the key arrives), as Element does (on by default)
 */
public record MachineConfig(boolean shareWithUnverified, boolean onlyVerifiedSenders, int pickleIterations,
                            Duration unwedgeInterval, Clock clock, boolean autoKeyRequests) {
    public MachineConfig {
        Objects.requireNonNull(unwedgeInterval, "unwedgeInterval");
        Objects.requireNonNull(clock, "clock");
        if (pickleIterations < 1) {
            throw new IllegalArgumentException("pickleIterations must be positive");
        }
    }

    /** A configuration with automatic key requests on. */
    public MachineConfig(boolean shareWithUnverified, boolean onlyVerifiedSenders, int pickleIterations,
                         Duration unwedgeInterval, Clock clock) {
        this(shareWithUnverified, onlyVerifiedSenders, pickleIterations, unwedgeInterval, clock, true);
    }

    /**
     * The defaults: share with unverified devices, show every sender, an hour between unwedgings,
     * automatic key requests.
     */
    public static MachineConfig defaults() {
        return new MachineConfig(true, false, dev.mxj.crypto.store.PickleKey.DEFAULT_ITERATIONS,
                Duration.ofHours(1), Clock.systemUTC(), true);
    }

    public MachineConfig withShareWithUnverified(boolean value) {
        return new MachineConfig(value, onlyVerifiedSenders, pickleIterations, unwedgeInterval, clock, autoKeyRequests);
    }

    public MachineConfig withOnlyVerifiedSenders(boolean value) {
        return new MachineConfig(shareWithUnverified, value, pickleIterations, unwedgeInterval, clock, autoKeyRequests);
    }

    public MachineConfig withPickleIterations(int value) {
        return new MachineConfig(shareWithUnverified, onlyVerifiedSenders, value, unwedgeInterval, clock,
                autoKeyRequests);
    }

    public MachineConfig withUnwedgeInterval(Duration value) {
        return new MachineConfig(shareWithUnverified, onlyVerifiedSenders, pickleIterations, value, clock,
                autoKeyRequests);
    }

    public MachineConfig withClock(Clock value) {
        return new MachineConfig(shareWithUnverified, onlyVerifiedSenders, pickleIterations, unwedgeInterval, value,
                autoKeyRequests);
    }

    public MachineConfig withAutoKeyRequests(boolean value) {
        return new MachineConfig(shareWithUnverified, onlyVerifiedSenders, pickleIterations, unwedgeInterval, clock,
                value);
    }
}
