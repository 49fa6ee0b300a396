package dev.mxj.event;

import dev.mxj.json.RawJson;

/** One event of a room timeline or state as received: a well-formed {@link RoomEvent} or a {@link MalformedEvent}. */
public sealed interface SyncEvent permits RoomEvent, MalformedEvent {
    /** The event JSON exactly as received. */
    RawJson raw();
}
