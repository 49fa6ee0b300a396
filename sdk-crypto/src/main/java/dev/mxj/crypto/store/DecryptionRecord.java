package dev.mxj.crypto.store;

import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;

import java.util.Objects;

/**
 * Which event a Megolm message index was first decrypted for, to detect replays: another event
 * with the same session and index is refused.
 *
 * @param roomId       the room
 * @param sessionId    the Megolm session id
 * @param messageIndex the message index
 * @param eventId      the event that carried it
 */
public record DecryptionRecord(RoomId roomId, String sessionId, long messageIndex, EventId eventId) {
    public DecryptionRecord {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(eventId, "eventId");
    }
}
