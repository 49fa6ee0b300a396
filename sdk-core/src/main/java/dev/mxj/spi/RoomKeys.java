package dev.mxj.spi;

import dev.mxj.id.RoomId;

import java.util.Objects;
import java.util.Set;

/**
 * Room keys that became known, for {@link EncryptionContext#roomKeysReceived}.
 *
 * @param roomId     the room they belong to
 * @param sessionIds the Megolm session IDs ({@code session_id} of the events they decrypt)
 */
public record RoomKeys(RoomId roomId, Set<String> sessionIds) {
    public RoomKeys {
        Objects.requireNonNull(roomId, "roomId");
        sessionIds = Set.copyOf(sessionIds);
    }
}
