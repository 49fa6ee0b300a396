package dev.mxj.internal.timeline;

import dev.mxj.event.MalformedEvent;
import dev.mxj.event.Relation;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.internal.relations.RelatesTo;
import dev.mxj.json.RawJson;
import dev.mxj.room.Receipt;
import dev.mxj.send.LocalEcho;

import java.util.Optional;

/**
 * Which events a timeline shows as items: the room's main timeline, or one thread. In both, events
 * that only change another event (edits, reactions, redactions) are aggregated, never shown.
 *
 * @param root empty for the main timeline, else the thread root
 */
public record Scope(Optional<EventId> root) {
    static final String MAIN = "main";
    static final String REDACTION = "m.room.redaction";

    public static Scope main() {
        return new Scope(Optional.empty());
    }

    public static Scope thread(EventId root) {
        return new Scope(Optional.of(root));
    }

    /** The {@code thread_id} of this timeline's receipts: {@code main}, or the root's ID. */
    String receiptThread() {
        return root.map(EventId::value).orElse(MAIN);
    }

    /** True if {@code event} is an item of this timeline. */
    boolean shows(SyncEvent event) {
        if (event instanceof MalformedEvent) {
            return root.isEmpty();
        }
        RoomEvent e = (RoomEvent) event;
        if (isAggregated(e)) {
            return false;
        }
        Optional<EventId> thread = threadRoot(e);
        return root.isEmpty() ? thread.isEmpty() : root.get().equals(e.eventId()) || thread.equals(root);
    }

    /** True for a receipt about this timeline's thread: {@code thread_id} this thread's, or none. */
    boolean counts(Receipt receipt) {
        return receipt.threadId().isEmpty() || receipt.threadId().get().equals(receiptThread());
    }

    /** True if a queued event belongs here: thread replies to their thread, everything else to the main one. */
    boolean shows(LocalEcho echo) {
        Optional<RawJson> relation = echo.content().object("m.relates_to");
        Optional<String> thread = relation.filter(r -> r.string("rel_type").filter(Relation.THREAD::equals).isPresent())
                .flatMap(r -> r.string("event_id"));
        return root.isEmpty() ? thread.isEmpty() : thread.equals(root.map(EventId::value));
    }

    /** Edits, reactions and redactions: they change another event's item and have none of their own. */
    static boolean isAggregated(RoomEvent event) {
        if (event.isState()) {
            return false;
        }
        return event.type().equals(REDACTION) || RelatesTo.relType(event)
                .filter(t -> t.equals(Relation.REPLACE) || t.equals(Relation.ANNOTATION)).isPresent();
    }

    /** The root of the thread {@code event} replies in ({@code rel_type} {@code m.thread}). */
    static Optional<EventId> threadRoot(RoomEvent event) {
        if (event.isState() || RelatesTo.relType(event).filter(Relation.THREAD::equals).isEmpty()) {
            return Optional.empty();
        }
        return RelatesTo.target(event).flatMap(Scope::eventId);
    }

    /** The event an edit or a reaction targets. */
    static Optional<EventId> target(RoomEvent event) {
        return RelatesTo.target(event).flatMap(Scope::eventId);
    }

    static Optional<EventId> eventId(String value) {
        try {
            return Optional.of(EventId.of(value));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }
}
