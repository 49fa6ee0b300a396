package dev.mxj.timeline;

import dev.mxj.event.MalformedEvent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;

import java.util.Objects;
import java.util.Optional;

/** One row of a {@link Timeline}: an event, or a marker where older events are still to be fetched. */
public sealed interface TimelineItem permits TimelineItem.Event, TimelineItem.Gap {
    /**
     * A timeline event, well-formed or not.
     *
     * @param event the event as received (its raw JSON is kept)
     */
    record Event(SyncEvent event) implements TimelineItem {
        public Event {
            Objects.requireNonNull(event, "event");
        }

        /** The event's ID; empty only for a malformed event that has none. */
        public Optional<EventId> eventId() {
            if (event instanceof RoomEvent roomEvent) {
                return Optional.of(roomEvent.eventId());
            }
            return ((MalformedEvent) event).eventId().map(EventId::of);
        }
    }

    /**
     * Events the client has not fetched yet sit here: {@link Timeline#paginateBackwards(int)} fetches
     * them. Only ever the first item.
     */
    record Gap() implements TimelineItem {
    }
}
