package dev.mxj.crypto.machine;

/**
 * How a room's Megolm session is rotated and shared: from its {@code m.room.encryption} state and
 * the app's policy.
 *
 * @param rotationPeriodMs   {@code rotation_period_ms}: a session older than this is replaced
 * @param rotationPeriodMsgs {@code rotation_period_msgs}: a session that encrypted this many events is replaced
 * @param onlyVerified       true to share keys with verified devices only in this room (others get
 *                           {@code m.room_key.withheld} {@code m.unverified}); when false the
 *                           machine's {@link MachineConfig#shareWithUnverified()} decides
 */
public record EncryptionSettings(long rotationPeriodMs, long rotationPeriodMsgs, boolean onlyVerified) {
    /** The spec's recommended rotation when the state gives none: a week. */
    public static final long DEFAULT_ROTATION_MS = 604_800_000L;
    /** The spec's recommended rotation when the state gives none: 100 messages. */
    public static final long DEFAULT_ROTATION_MSGS = 100;

    public EncryptionSettings {
        if (rotationPeriodMs < 1 || rotationPeriodMsgs < 1) {
            throw new IllegalArgumentException("Rotation periods must be positive, not " + rotationPeriodMs + " ms / "
                    + rotationPeriodMsgs + " messages");
        }
    }

    /** The spec's defaults: a week or 100 messages, keys shared per the machine's policy. */
    public static EncryptionSettings defaults() {
        return new EncryptionSettings(DEFAULT_ROTATION_MS, DEFAULT_ROTATION_MSGS, false);
    }

    /** Settings from a room's {@code m.room.encryption} content (absent values: the defaults). */
    public static EncryptionSettings of(dev.mxj.event.RoomEncryptionContent content) {
        long ms = content.rotationPeriodMs().filter(v -> v > 0).orElse(DEFAULT_ROTATION_MS);
        long msgs = content.rotationPeriodMsgs().filter(v -> v > 0).orElse(DEFAULT_ROTATION_MSGS);
        return new EncryptionSettings(ms, msgs, false);
    }
}
