package dev.mxj.timeline;

import dev.mxj.event.MalformedEvent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.send.LocalEcho;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of a {@link Timeline}: an event, a marker where older events are still to be fetched, or
 * an event of the user's own that is still in the send queue.
 */
public sealed interface TimelineItem permits TimelineItem.Event, TimelineItem.Gap, TimelineItem.Local {
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

    /**
     * The local echo of an event this client queued ({@link dev.mxj.room.Room#sendText(String)}...):
     * shown at once at the end of the timeline, with its {@link dev.mxj.send.SendState}, and updated
     * in place as that changes. When the server's copy arrives by sync (it carries the same
     * {@code unsigned.transaction_id}) this item is removed and the event is added as an {@link Event};
     * a cancelled one is removed. Local items are always the last items.
     *
     * @param echo the queued event and its state
     */
    record Local(LocalEcho echo) implements TimelineItem {
        public Local {
            Objects.requireNonNull(echo, "echo");
        }
    }
}
