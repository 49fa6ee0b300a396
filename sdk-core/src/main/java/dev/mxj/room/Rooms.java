package dev.mxj.room;

import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.ServerName;
import dev.mxj.id.UserId;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The rooms the client knows, read from its store, and the calls that make, find and join rooms.
 * The read side works with no network at all: a client built on a store that a previous run filled
 * shows its room list at once. From {@link dev.mxj.MatrixClient#rooms()}.
 *
 * <p>{@link #room(RoomId)} answers only rooms the store knows; {@link #roomById(RoomId)} gives a
 * handle for actions on any room (one just created or joined, before the next sync stores it).
 * Calls that return a {@link Room} return such a handle.
 */
public interface Rooms {
    /** Every room, split by membership and sorted by recency. */
    RoomList list();

    /** The room with this ID, if the store knows it. */
    Optional<Room> room(RoomId roomId);

    /**
     * A handle on this room whether or not the store knows it yet. Its actions (send state, invite,
     * leave, receipts...) work at once; its store reads ({@link Room#info()}) need a sync that saw
     * the room first ({@link Room#isStored()} tells).
     */
    Room roomById(RoomId roomId);

    /**
     * Calls {@code listener} with the new room list after each sync that changed a room, on the
     * client's callback executor. Close the returned subscription to stop.
     */
    AutoCloseable onListChanged(Consumer<? super RoomList> listener);

    /** {@code POST /createRoom}. */
    CompletableFuture<Room> create(CreateRoomRequest request);

    /**
     * Creates a direct chat with {@code user}: a trusted private room with {@code is_direct}, the
     * invite, and the room added to the user's {@code m.direct} account data.
     */
    CompletableFuture<Room> createDirect(UserId user);

    /** {@code POST /join/{roomId}}, through {@code via} servers when this server is not in the room. */
    CompletableFuture<Room> join(RoomId roomId, List<ServerName> via);

    /** {@code POST /join/{roomId}}. */
    default CompletableFuture<Room> join(RoomId roomId) {
        return join(roomId, List.of());
    }

    /** {@code POST /join/{roomAlias}}. */
    CompletableFuture<Room> join(RoomAlias alias, List<ServerName> via);

    /** {@code POST /join/{roomAlias}}. */
    default CompletableFuture<Room> join(RoomAlias alias) {
        return join(alias, List.of());
    }

    /** {@code POST /knock/{roomId}}: asks to join a room whose join rule is {@code knock}. */
    CompletableFuture<Room> knock(RoomId roomId, Optional<String> reason, List<ServerName> via);

    /** {@code PUT /directory/room/{alias}}: points a new alias at a room. */
    CompletableFuture<Void> createAlias(RoomAlias alias, RoomId roomId);

    /** {@code DELETE /directory/room/{alias}}. */
    CompletableFuture<Void> deleteAlias(RoomAlias alias);

    /** {@code GET /directory/room/{alias}}; empty when no room has the alias. */
    CompletableFuture<Optional<ResolvedAlias>> resolveAlias(RoomAlias alias);

    /** {@code POST /publicRooms}: one page of the published room directory. */
    CompletableFuture<PublicRoomsPage> publicRooms(PublicRoomsFilter filter);

    /** The user's direct chats, from the {@code m.direct} account data on the server. */
    CompletableFuture<Map<UserId, List<RoomId>>> directRooms();

    /** Adds {@code room} to the {@code m.direct} account data as a direct chat with {@code user}. */
    CompletableFuture<Void> markDirect(RoomId room, UserId user);

    /**
     * Reads the room's {@code m.room.tombstone} from the server and joins its replacement room
     * (through the tombstone sender's server). Fails with {@link java.util.NoSuchElementException}
     * when the room has no tombstone.
     */
    CompletableFuture<Room> followTombstone(RoomId roomId);
}
