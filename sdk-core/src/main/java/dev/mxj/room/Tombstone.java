package dev.mxj.room;

import dev.mxj.id.RoomId;

/** {@code m.room.tombstone}: the room was replaced by {@code replacementRoom}. */
public record Tombstone(String body, RoomId replacementRoom) {
}
