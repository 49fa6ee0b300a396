package dev.mxj.internal.room;

import dev.mxj.event.RoomCreateContent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.RoomPowerLevelsContent;
import dev.mxj.id.RoomId;
import dev.mxj.room.MemberNames;
import dev.mxj.room.PowerLevels;
import dev.mxj.room.Room;
import dev.mxj.room.RoomDisplayName;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;
import dev.mxj.store.StateStore;
import dev.mxj.store.StoredEvent;

import java.util.List;
import java.util.Optional;

/** A {@link Room} read from the store on each call. */
final class StoreRoom implements Room {
    private final StateStore store;
    private final RoomId roomId;

    StoreRoom(StateStore store, RoomId roomId) {
        this.store = store;
        this.roomId = roomId;
    }

    @Override
    public RoomId roomId() {
        return roomId;
    }

    @Override
    public RoomInfo info() {
        return store.room(roomId).orElseThrow(() -> new IllegalStateException(
                "Room " + roomId + " is no longer in the store (was it forgotten?)"));
    }

    @Override
    public RoomDisplayName displayName() {
        return info().displayName(memberNames(), RoomDisplayName.DEFAULT_HERO_LIMIT);
    }

    @Override
    public List<RoomMember> members() {
        return store.members(roomId);
    }

    @Override
    public MemberNames memberNames() {
        return MemberNames.of(members());
    }

    @Override
    public List<StoredEvent> latestEvents(int limit) {
        return store.latestEvents(roomId, limit);
    }

    @Override
    public Optional<PowerLevels> powerLevels() {
        Optional<RoomEvent> create = store.stateEvent(roomId, RoomCreateContent.TYPE, "");
        if (create.isEmpty() || !(create.get().content() instanceof RoomCreateContent content)) {
            return Optional.empty();
        }
        Optional<RoomPowerLevelsContent> levels = store.stateEvent(roomId, RoomPowerLevelsContent.TYPE, "")
                .map(RoomEvent::content)
                .filter(RoomPowerLevelsContent.class::isInstance)
                .map(RoomPowerLevelsContent.class::cast);
        return Optional.of(PowerLevels.of(content, create.get().sender(), levels));
    }

    @Override
    public String toString() {
        return "Room[" + roomId + "]";
    }
}
