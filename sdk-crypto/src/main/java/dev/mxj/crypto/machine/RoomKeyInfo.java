package dev.mxj.crypto.machine;

import dev.mxj.id.RoomId;

import java.util.Objects;

/**
 * A Megolm session key that arrived (or was withheld): events of this session that failed to
 * decrypt are worth retrying.
 *
 * @param roomId    the room
 * @param sessionId the Megolm session id
 */
public record RoomKeyInfo(RoomId roomId, String sessionId) {
    public RoomKeyInfo {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
