package dev.mxj.event;

import dev.mxj.id.EventId;

import java.util.Optional;

/**
 * {@code m.room.redaction}: an event was redacted.
 *
 * @param redacts {@code redacts} in the content, where room versions 11 and later put it; older
 *                versions put it at the top level of the event ({@link RoomEvent#raw()})
 * @param reason  {@code reason}
 */
public record RoomRedactionContent(Optional<EventId> redacts, Optional<String> reason) implements KnownContent {
    public static final String TYPE = "m.room.redaction";

    @Override
    public String type() {
        return TYPE;
    }
}
