package dev.mxj.crypto.store;

import dev.mxj.id.RoomId;

import java.util.List;
import java.util.Objects;

/**
 * The Megolm session this device encrypts a room's events with, at most one per room.
 *
 * @param roomId             the room
 * @param sessionId          the Megolm session id
 * @param pickle             the session, pickled with the {@link PickleKey}
 * @param createdMs          when it was created (epoch ms), for {@code rotation_period_ms}
 * @param messageCount       how many events it encrypted, for {@code rotation_period_msgs}
 * @param rotationPeriodMs   the room's {@code rotation_period_ms} when the session was created
 * @param rotationPeriodMsgs the room's {@code rotation_period_msgs} when the session was created
 * @param invalidated        true once it must not encrypt any more (a member left, a device went);
 *                           the next share creates a new session
 * @param sharedWith         the devices it was shared with or withheld from
 */
public record StoredOutboundGroupSession(RoomId roomId, String sessionId, String pickle, long createdMs,
                                         long messageCount, long rotationPeriodMs, long rotationPeriodMsgs,
                                         boolean invalidated, List<ShareEntry> sharedWith) {
    public StoredOutboundGroupSession {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(pickle, "pickle");
        sharedWith = List.copyOf(sharedWith);
    }

    @Override
    public String toString() {
        return "StoredOutboundGroupSession[" + roomId + ", " + sessionId + ", messages=" + messageCount
                + (invalidated ? ", invalidated" : "") + ", shared with " + sharedWith.size() + "]";
    }
}
