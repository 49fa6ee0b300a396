package dev.mxj.event;

import dev.mxj.id.RoomId;
import dev.mxj.room.Tombstone;

/**
 * {@code m.room.tombstone}: the room was upgraded and replaced.
 *
 * @param body            {@code body}, a message from the server; empty if a server left it out
 * @param replacementRoom {@code replacement_room}
 */
public record RoomTombstoneContent(String body, RoomId replacementRoom) implements KnownContent {
    public static final String TYPE = "m.room.tombstone";

    @Override
    public String type() {
        return TYPE;
    }

    /** As the room model keeps it. */
    public Tombstone toTombstone() {
        return new Tombstone(body, replacementRoom);
    }
}
