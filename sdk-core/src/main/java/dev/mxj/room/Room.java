package dev.mxj.room;

import dev.mxj.id.RoomId;
import dev.mxj.store.StoredEvent;

import java.util.List;
import java.util.Optional;

/**
 * One room as the store holds it now. Each call reads the store, so values are current; take
 * {@link #info()} once if you need a consistent snapshot.
 */
public interface Room {
    RoomId roomId();

    /** The room's current {@link RoomInfo}. */
    RoomInfo info();

    /** The name to show, by the spec's algorithm, with member names disambiguated. */
    RoomDisplayName displayName();

    /** The members the store knows (all of them, or the lazily loaded ones). */
    List<RoomMember> members();

    /** Display names of the members, disambiguated. */
    MemberNames memberNames();

    /** Up to {@code limit} newest stored timeline events, oldest first. */
    List<StoredEvent> latestEvents(int limit);

    /** Who may do what, when the store has the room's create event. */
    Optional<PowerLevels> powerLevels();
}
