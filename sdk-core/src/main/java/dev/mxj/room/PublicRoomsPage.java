package dev.mxj.room;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of the public room list. Pass {@link #nextBatch()} to {@link PublicRoomsFilter.Builder#since}
 * for the next page.
 */
public record PublicRoomsPage(List<PublicRoom> rooms, Optional<String> nextBatch, Optional<String> prevBatch,
                              OptionalLong totalRoomCountEstimate) {
    public PublicRoomsPage {
        rooms = List.copyOf(rooms);
    }
}
