package dev.mxj.internal.room;

import dev.mxj.id.RoomId;
import dev.mxj.internal.Listeners;
import dev.mxj.room.Room;
import dev.mxj.room.RoomList;
import dev.mxj.room.Rooms;
import dev.mxj.store.StateStore;
import dev.mxj.sync.SyncService;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** {@link Rooms} over the client's {@link StateStore}, refreshed by the sync loop. */
public final class StoreRooms implements Rooms {
    private final StateStore store;
    private final Listeners<RoomList> listeners;

    public StoreRooms(StateStore store, SyncService sync, Executor callbacks) {
        this.store = store;
        this.listeners = new Listeners<>(callbacks);
        sync.onChanges(changes -> {
            if (!changes.rooms().isEmpty()) {
                listeners.emit(list());
            }
        });
    }

    @Override
    public RoomList list() {
        return RoomList.of(store.rooms());
    }

    @Override
    public Optional<Room> room(RoomId roomId) {
        return store.room(roomId).map(info -> new StoreRoom(store, roomId));
    }

    @Override
    public AutoCloseable onListChanged(Consumer<? super RoomList> listener) {
        return listeners.add(listener);
    }
}
