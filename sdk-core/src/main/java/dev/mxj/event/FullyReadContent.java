package dev.mxj.event;

import dev.mxj.id.EventId;

/** {@code m.fully_read} (room account data): where the user's read marker is. */
public record FullyReadContent(EventId eventId) implements KnownContent {
    public static final String TYPE = "m.fully_read";

    @Override
    public String type() {
        return TYPE;
    }
}
