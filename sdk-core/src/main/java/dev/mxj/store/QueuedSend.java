package dev.mxj.store;

import dev.mxj.ErrorCode;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import dev.mxj.send.SendFailedException.Reason;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One event in the persistent send queue of a room, as a {@link StateStore} keeps it.
 *
 * <p>The transaction ID is made once, when the event is queued, and reused for every attempt, so a
 * homeserver that already took the event answers with the same event ID instead of storing it twice.
 *
 * <p>An event queued while the event it relates to was itself still queued (an edit or a redaction of
 * an event in flight) <em>depends on</em> it: {@link #dependsOn()} names that event's transaction ID
 * until the store learns its event ID ({@link StateStore#markSendSent}); then the store fills the ID
 * in ({@link #resolvedWith(EventId)}) and the dependency is gone.
 *
 * @param roomId        the room the event goes to
 * @param transactionId the {@code txnId} of {@code PUT /rooms/{roomId}/send/{type}/{txnId}}, unique per store
 * @param order         the store's queue order: higher was queued later (events of a room are sent in this order)
 * @param eventType     the event type, {@code m.room.redaction} for a redaction
 * @param content       the event content (for a redaction: the body, e.g. {@code {"reason": ...}})
 * @param redacts       for a redaction, the event it redacts
 * @param dependsOn     the transaction ID of the queued event whose event ID this one still waits for
 * @param status        where the event is
 * @param eventId       the event ID the server gave, once {@link Status#SENT}
 * @param failure       why the last attempt failed, when {@link Status#FAILED}
 * @param createdAtMillis when it was queued, epoch milliseconds
 */
public record QueuedSend(RoomId roomId, String transactionId, long order, String eventType, RawJson content,
                         Optional<EventId> redacts, Optional<String> dependsOn, Status status,
                         Optional<EventId> eventId, Optional<Failure> failure, long createdAtMillis) {
    /** The event type of a redaction. */
    public static final String REDACTION = "m.room.redaction";

    /** Where a queued event is. */
    public enum Status {
        /** Waiting to be sent, or being sent. */
        PENDING,
        /** The server took it and answered its event ID. */
        SENT,
        /** The last attempt failed for good; it waits for a retry or a cancel. */
        FAILED
    }

    /**
     * Why the last attempt failed, as stored: it survives a restart.
     *
     * @param reason     the kind of failure
     * @param message    what went wrong, for people (no content of the event)
     * @param httpStatus the HTTP status, when the server answered
     * @param errorCode  the server's {@code errcode}, when it sent one
     */
    public record Failure(Reason reason, String message, Optional<Integer> httpStatus, Optional<ErrorCode> errorCode) {
        public Failure {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(httpStatus, "httpStatus");
            Objects.requireNonNull(errorCode, "errorCode");
        }
    }

    public QueuedSend {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(redacts, "redacts");
        Objects.requireNonNull(dependsOn, "dependsOn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(failure, "failure");
    }

    /** This entry with another status, event ID and failure. */
    public QueuedSend with(Status newStatus, Optional<EventId> newEventId, Optional<Failure> newFailure) {
        return new QueuedSend(roomId, transactionId, order, eventType, content, redacts, dependsOn, newStatus,
                newEventId, newFailure, createdAtMillis);
    }

    /** This entry with other content. */
    public QueuedSend withContent(RawJson newContent) {
        return new QueuedSend(roomId, transactionId, order, eventType, newContent, redacts, dependsOn, status, eventId,
                failure, createdAtMillis);
    }

    /**
     * This dependent entry once the event it waits for has the ID {@code target}: a redaction redacts
     * it; any other event gets it as {@code m.relates_to.event_id} (an edit's {@code m.replace}, a
     * reaction's {@code m.annotation}). The dependency is gone.
     */
    public QueuedSend resolvedWith(EventId target) {
        Objects.requireNonNull(target, "target");
        if (eventType.equals(REDACTION)) {
            return new QueuedSend(roomId, transactionId, order, eventType, content, Optional.of(target),
                    Optional.empty(), status, eventId, failure, createdAtMillis);
        }
        Map<String, Object> tree = new LinkedHashMap<>(content.tree() instanceof Map<?, ?> m ? asStrings(m) : Map.of());
        Map<String, Object> relation = new LinkedHashMap<>(tree.get("m.relates_to") instanceof Map<?, ?> r
                ? asStrings(r) : Map.of());
        relation.put("event_id", target.value());
        tree.put("m.relates_to", relation);
        return new QueuedSend(roomId, transactionId, order, eventType, RawJson.ofTree(tree), redacts,
                Optional.empty(), status, eventId, failure, createdAtMillis);
    }

    private static Map<String, Object> asStrings(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
