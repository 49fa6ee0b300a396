package dev.mxj.send;

import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event of the send queue as the application shows it until the server's copy (its remote echo,
 * which carries the same {@code unsigned.transaction_id}) arrives by sync.
 *
 * @param roomId        the room
 * @param transactionId the transaction ID, the same on every attempt and in the remote echo
 * @param eventType     the event type; {@code m.room.redaction} for a redaction
 * @param content       the content to send (for a redaction: the request body)
 * @param redacts       for a redaction, the event it redacts
 * @param dependsOn     for an edit or a redaction of a queued event that is not sent yet: that event's
 *                      transaction ID (its event ID is filled in once it is sent)
 * @param state         where it is
 * @param queuedAt      when it was queued
 */
public record LocalEcho(RoomId roomId, String transactionId, String eventType, RawJson content,
                        Optional<EventId> redacts, Optional<String> dependsOn, SendState state, Instant queuedAt) {
    public LocalEcho {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(redacts, "redacts");
        Objects.requireNonNull(dependsOn, "dependsOn");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(queuedAt, "queuedAt");
    }

    /** An echo that depends on no other queued event. */
    public LocalEcho(RoomId roomId, String transactionId, String eventType, RawJson content,
                     Optional<EventId> redacts, SendState state, Instant queuedAt) {
        this(roomId, transactionId, eventType, content, redacts, Optional.empty(), state, queuedAt);
    }
}
