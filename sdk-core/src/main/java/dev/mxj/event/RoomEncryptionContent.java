package dev.mxj.event;

import java.util.Optional;

/**
 * {@code m.room.encryption}: the room is end-to-end encrypted.
 *
 * @param algorithm          {@code algorithm}, e.g. {@link #MEGOLM_V1}
 * @param rotationPeriodMs   {@code rotation_period_ms}; the spec recommends a week when absent
 * @param rotationPeriodMsgs {@code rotation_period_msgs}; the spec recommends 100 when absent
 */
public record RoomEncryptionContent(String algorithm, Optional<Long> rotationPeriodMs,
                                    Optional<Long> rotationPeriodMsgs) implements KnownContent {
    public static final String TYPE = "m.room.encryption";
    public static final String MEGOLM_V1 = "m.megolm.v1.aes-sha2";

    @Override
    public String type() {
        return TYPE;
    }
}
