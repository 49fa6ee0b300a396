package dev.mxj.room;

import dev.mxj.MatrixException;
import dev.mxj.id.RoomId;

import java.util.Objects;

/**
 * A read that needs the store's copy of a room ({@link Room#info()}, {@link Room#displayName()}) was
 * made on a handle of a room the store does not hold: one just created or joined that no sync has
 * brought yet, one the client was never in, or one that was forgotten. Sync first (the room is stored
 * by the first sync that includes it), check {@link Room#isStored()}, or use {@link Room#storedInfo()},
 * which is empty until then. Actions ({@code sendText}, {@code invite}...) work without it.
 */
public final class RoomNotStoredException extends MatrixException {
    private static final long serialVersionUID = 1L;

    private final RoomId roomId;

    public RoomNotStoredException(RoomId roomId) {
        super("Room " + Objects.requireNonNull(roomId, "roomId") + " is not in the store: no sync has brought it yet"
                + " (just created or joined?), or it was forgotten. Sync first, or use Room.storedInfo(), which is"
                + " empty until a sync stores the room.");
        this.roomId = roomId;
    }

    /** The room the store does not hold. */
    public RoomId roomId() {
        return roomId;
    }
}
