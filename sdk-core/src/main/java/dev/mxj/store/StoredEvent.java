package dev.mxj.store;

import dev.mxj.event.SyncEvent;

/**
 * A timeline event as stored: its position in the room's stored timeline and the event.
 *
 * @param position increasing within a room, in timeline order; gaps between positions are normal
 * @param event    the event, re-parsed from the stored raw JSON
 */
public record StoredEvent(long position, SyncEvent event) {
}
