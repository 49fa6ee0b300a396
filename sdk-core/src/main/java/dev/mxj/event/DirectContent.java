package dev.mxj.event;

import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code m.direct} (account data): the direct-chat rooms with each user. Keys that are not user IDs
 * and entries that are not room IDs are skipped.
 */
public record DirectContent(Map<UserId, List<RoomId>> rooms) implements KnownContent {
    public static final String TYPE = "m.direct";

    public DirectContent {
        rooms = Map.copyOf(rooms);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The user a room is a direct chat with, if the map lists it (the first such user if several). */
    public Optional<UserId> userOf(RoomId room) {
        return rooms.entrySet().stream().filter(e -> e.getValue().contains(room)).map(Map.Entry::getKey)
                .min(Comparator.comparing(UserId::value));
    }
}
