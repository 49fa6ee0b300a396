package dev.mxj.room;

import dev.mxj.id.RoomId;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rooms the client knows, read from its store. Works with no network at all: a client built on
 * a store that a previous run filled shows its room list at once. From {@link dev.mxj.MatrixClient#rooms()}.
 */
public interface Rooms {
    /** Every room, split by membership and sorted by recency. */
    RoomList list();

    /** The room with this ID, if the store knows it. */
    Optional<Room> room(RoomId roomId);

    /**
     * Calls {@code listener} with the new room list after each sync that changed a room, on the
     * client's callback executor. Close the returned subscription to stop.
     */
    AutoCloseable onListChanged(Consumer<? super RoomList> listener);
}
