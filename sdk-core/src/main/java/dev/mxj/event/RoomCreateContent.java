package dev.mxj.event;

import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.internal.event.RoomVersions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code m.room.create}: the first event of a room.
 *
 * @param creator            {@code creator}: the room's creator in room versions 1 to 10; later versions
 *                           use the event's sender (see {@link #creators(UserId)})
 * @param roomVersion        {@code room_version}, {@code "1"} when absent as the spec says
 * @param federate           {@code m.federate}, {@code true} when absent
 * @param roomType           {@code type}, e.g. {@code m.space}
 * @param predecessor        the room this one replaces, if it was upgraded
 * @param additionalCreators {@code additional_creators}, read only in room versions that define it (12
 *                           and later); entries that are not user IDs are skipped
 */
public record RoomCreateContent(Optional<UserId> creator, String roomVersion, boolean federate,
                                Optional<String> roomType, Optional<PreviousRoom> predecessor,
                                List<UserId> additionalCreators) implements KnownContent {
    public static final String TYPE = "m.room.create";
    /** The room version of a create event without {@code room_version}. */
    public static final String DEFAULT_ROOM_VERSION = "1";

    public RoomCreateContent {
        additionalCreators = List.copyOf(additionalCreators);
    }

    /**
     * {@code predecessor}: the room that was upgraded to this one.
     *
     * @param roomId  the old room
     * @param eventId the last known event of the old room; deprecated in the spec and may be absent
     */
    public record PreviousRoom(RoomId roomId, Optional<EventId> eventId) {
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** True if the room version gives creators infinite power level (12 and later). */
    public boolean hasPrivilegedCreators() {
        return RoomVersions.hasPrivilegedCreators(roomVersion);
    }

    /**
     * The room's creators, given the create event's {@code sender}: from room version 12 the sender
     * and the additional creators; in version 11 the sender; before that {@code creator} (or the
     * sender when the field is missing).
     */
    public List<UserId> creators(UserId sender) {
        if (hasPrivilegedCreators()) {
            List<UserId> all = new ArrayList<>();
            all.add(sender);
            additionalCreators.stream().filter(u -> !u.equals(sender)).distinct().forEach(all::add);
            return List.copyOf(all);
        }
        if (RoomVersions.hasCreatorField(roomVersion)) {
            return List.of(creator.orElse(sender));
        }
        return List.of(sender);
    }
}
