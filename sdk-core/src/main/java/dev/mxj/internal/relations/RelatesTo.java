package dev.mxj.internal.relations;

import dev.mxj.event.RoomEvent;
import dev.mxj.json.RawJson;

import java.util.Optional;

/**
 * Reads {@code content.m.relates_to} from an event's raw JSON, whatever its type (a message, a
 * reaction, an unknown or custom type), so that the aggregators treat all types the same way.
 */
public final class RelatesTo {
    private RelatesTo() {
    }

    /** {@code content.m.relates_to}, if an object. */
    public static Optional<RawJson> of(RoomEvent event) {
        return event.raw().object("content").flatMap(c -> c.object("m.relates_to"));
    }

    /** {@code rel_type}, if a string. */
    public static Optional<String> relType(RoomEvent event) {
        return of(event).flatMap(r -> r.string("rel_type"));
    }

    /** {@code event_id}, if a string. */
    public static Optional<String> target(RoomEvent event) {
        return of(event).flatMap(r -> r.string("event_id"));
    }

    /** True if the event relates to {@code eventId} with {@code relType}. */
    public static boolean is(RoomEvent event, String relType, String eventId) {
        return relType(event).filter(relType::equals).isPresent()
                && target(event).filter(eventId::equals).isPresent();
    }

    /** True if the event's {@code unsigned} carries {@code redacted_because}. */
    public static boolean isRedacted(RoomEvent event) {
        return event.unsigned().has("redacted_because");
    }
}
