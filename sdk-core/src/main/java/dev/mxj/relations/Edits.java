package dev.mxj.relations;

import dev.mxj.event.Relation;
import dev.mxj.event.RoomEvent;
import dev.mxj.internal.relations.RelatesTo;
import dev.mxj.json.RawJson;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Edits ({@code rel_type} {@code m.replace}): which replacements of an event are valid, and which
 * one wins. A replacement is valid if it relates to the original with {@code m.replace}, has the
 * same sender and the same type, carries an {@code m.new_content} object, is not redacted, and
 * neither it nor the original is a state event; an edit of an edit is not valid. The newest valid
 * edit wins: the greatest {@code origin_server_ts}, then the greatest event ID (as the spec says).
 */
public final class Edits {
    /** Oldest first: by {@code origin_server_ts}, then by event ID. */
    private static final Comparator<RoomEvent> ORDER = Comparator.comparingLong(RoomEvent::originServerTs)
            .thenComparing(e -> e.eventId().value());

    private Edits() {
    }

    /** True if {@code event} is itself an edit of another event. */
    public static boolean isEdit(RoomEvent event) {
        return RelatesTo.relType(event).filter(Relation.REPLACE::equals).isPresent();
    }

    /** True if {@code edit} is a valid replacement of {@code original}. */
    public static boolean isValidEdit(RoomEvent original, RoomEvent edit) {
        return RelatesTo.is(edit, Relation.REPLACE, original.eventId().value())
                && !isEdit(original)
                && !original.isState() && !edit.isState()
                && original.type().equals(edit.type())
                && original.sender().equals(edit.sender())
                && !RelatesTo.isRedacted(edit)
                && newContent(edit).isPresent();
    }

    /** The valid edits of {@code original} among {@code events}, oldest first: its edit history. */
    public static List<RoomEvent> history(RoomEvent original, Collection<RoomEvent> events) {
        return events.stream().filter(e -> isValidEdit(original, e)).sorted(ORDER).toList();
    }

    /** The edit that wins: the newest valid one, if any. */
    public static Optional<RoomEvent> latest(RoomEvent original, Collection<RoomEvent> events) {
        return events.stream().filter(e -> isValidEdit(original, e)).max(ORDER);
    }

    /**
     * The content to show for {@code original}: the winning edit's {@code m.new_content}, or the
     * original's content when it has no valid edit.
     */
    public static RawJson currentContent(RoomEvent original, Collection<RoomEvent> events) {
        return latest(original, events).flatMap(Edits::newContent)
                .or(() -> original.raw().object("content"))
                .orElse(RawJson.emptyObject());
    }

    /** {@code content.m.new_content} of an edit, if an object. */
    public static Optional<RawJson> newContent(RoomEvent edit) {
        return edit.raw().object("content").flatMap(c -> c.object("m.new_content"));
    }
}
