package dev.mxj.event;

import dev.mxj.id.EventId;

import java.util.List;

/** {@code m.room.pinned_events}: the events pinned in the room; entries that are not event IDs are skipped. */
public record RoomPinnedEventsContent(List<EventId> pinned) implements KnownContent {
    public static final String TYPE = "m.room.pinned_events";

    public RoomPinnedEventsContent {
        pinned = List.copyOf(pinned);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
