package dev.mxj.relations;

import dev.mxj.event.RoomEvent;
import dev.mxj.id.EventId;
import dev.mxj.internal.relations.RelatesTo;

import java.util.Optional;

/** Replies: {@code m.relates_to.m.in_reply_to}. See {@link ReplyFallbacks} for the quoted text. */
public final class Replies {
    private Replies() {
    }

    /**
     * The event {@code event} replies to. A thread message whose reply is only a fallback
     * ({@code is_falling_back}) replies to nothing for a client that shows threads.
     */
    public static Optional<EventId> inReplyTo(RoomEvent event) {
        boolean fallback = RelatesTo.of(event).flatMap(r -> r.bool("is_falling_back")).orElse(false)
                && RelatesTo.relType(event).filter("m.thread"::equals).isPresent();
        if (fallback) {
            return Optional.empty();
        }
        return RelatesTo.of(event).flatMap(r -> r.object("m.in_reply_to")).flatMap(r -> r.string("event_id"))
                .flatMap(Replies::eventId);
    }

    private static Optional<EventId> eventId(String value) {
        try {
            return Optional.of(EventId.of(value));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }
}
