package dev.mxj.store;

import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;

import java.util.Objects;
import java.util.Optional;

/**
 * One event in the persistent send queue of a room, as a {@link StateStore} keeps it.
 *
 * <p>The transaction ID is made once, when the event is queued, and reused for every attempt, so a
 * homeserver that already took the event answers with the same event ID instead of storing it twice.
 *
 * @param roomId        the room the event goes to
 * @param transactionId the {@code txnId} of {@code PUT /rooms/{roomId}/send/{type}/{txnId}}, unique per store
 * @param order         the store's queue order: higher was queued later (events of a room are sent in this order)
 * @param eventType     the event type, {@code m.room.redaction} for a redaction
 * @param content       the event content (for a redaction: the body, e.g. {@code {"reason": ...}})
 * @param redacts       for a redaction, the event it redacts
 * @param status        where the event is
 * @param eventId       the event ID the server gave, once {@link Status#SENT}
 * @param failure       why the last attempt failed, when {@link Status#FAILED}
 * @param createdAtMillis when it was queued, epoch milliseconds
 */
public record QueuedSend(RoomId roomId, String transactionId, long order, String eventType, RawJson content,
                         Optional<EventId> redacts, Status status, Optional<EventId> eventId,
                         Optional<String> failure, long createdAtMillis) {
    /** Where a queued event is. */
    public enum Status {
        /** Waiting to be sent, or being sent. */
        PENDING,
        /** The server took it and answered its event ID. */
        SENT,
        /** The last attempt failed for good; it waits for a retry or a cancel. */
        FAILED
    }

    public QueuedSend {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(redacts, "redacts");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(failure, "failure");
    }

    /** This entry with another status, event ID and failure. */
    public QueuedSend with(Status newStatus, Optional<EventId> newEventId, Optional<String> newFailure) {
        return new QueuedSend(roomId, transactionId, order, eventType, content, redacts, newStatus, newEventId,
                newFailure, createdAtMillis);
    }

    /** This entry with other content. */
    public QueuedSend withContent(RawJson newContent) {
        return new QueuedSend(roomId, transactionId, order, eventType, newContent, redacts, status, eventId, failure,
                createdAtMillis);
    }
}
