package dev.mxj.internal.room;

import dev.mxj.internal.Calls;
import dev.mxj.account.Account;
import dev.mxj.auth.Session;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.ServerName;
import dev.mxj.id.UserId;
import dev.mxj.event.EventRegistry;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.relations.RelationCalls;
import dev.mxj.internal.Listeners;
import dev.mxj.internal.crypto.E2ee;
import dev.mxj.internal.send.SendQueue;
import dev.mxj.internal.sync.SyncLoop;
import dev.mxj.internal.timeline.Timelines;
import dev.mxj.room.CreateRoomRequest;
import dev.mxj.room.PublicRoomsFilter;
import dev.mxj.room.PublicRoomsPage;
import dev.mxj.room.ResolvedAlias;
import dev.mxj.room.Room;
import dev.mxj.room.RoomList;
import dev.mxj.room.Rooms;
import dev.mxj.room.RoomInfo;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;
import dev.mxj.store.StateStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** {@link Rooms} over the client's {@link StateStore}, refreshed by the sync loop, with the room calls. */
public final class StoreRooms implements Rooms {
    private final StateStore store;
    private final Listeners<RoomList> listeners;
    /** The last list given to the listeners; only the sync worker touches it ({@link #roomsSaved}). */
    private RoomList lastList;
    private final RoomCalls calls;
    private final Timelines timelines;
    private final SendQueue sends;
    private final ClientContext context;
    private final E2ee e2ee;

    public StoreRooms(ClientContext context, Account account, StateStore store, SyncLoop sync) {
        this(context, account, store, sync, new E2ee(context, store, Optional.empty(), EventRegistry.defaults()));
    }

    /** With {@code e2ee}: sends into encrypted rooms are encrypted, timelines decrypt. */
    public StoreRooms(ClientContext context, Account account, StateStore store, SyncLoop sync, E2ee e2ee) {
        this.e2ee = e2ee;
        this.store = store;
        this.listeners = new Listeners<>(context.callbackExecutor());
        this.calls = RoomCalls.of(context, account);
        this.context = context;
        this.sends = new SendQueue(context, store, e2ee);
        this.timelines = new Timelines(context, store, sync, sends, e2ee);
        sends.resume();
        sync.onChanges(sends::remoteEchoes);
        sync.onAppliedInOrder(this::roomsSaved);
    }

    /** For {@link dev.mxj.MatrixClient#close()}: see {@link SendQueue#close}. */
    public void close(long deadline) {
        sends.close(deadline);
    }

    /**
     * On the sync worker, after each saved sync: the new room list for the listeners, if any. The
     * first is read from the store; each later one is the previous list with the synced rooms'
     * new {@link RoomInfo}s (only sync saves rooms, and none is ever removed), so a sync costs a
     * sort, not a read of every room. Worked out here, in sync order; then handed to the listeners.
     */
    private void roomsSaved(StateChanges changes) {
        if (changes.rooms().isEmpty()) {
            return;
        }
        if (listeners.isEmpty()) {
            lastList = null; // nobody listens: no work, and a new listener's first list is read afresh
            return;
        }
        RoomList previous = lastList;
        RoomList next;
        if (previous == null) {
            next = list();
        } else {
            Map<RoomId, RoomInfo> all = new LinkedHashMap<>();
            for (List<RoomInfo> part : List.of(previous.rooms(), previous.invites(), previous.knocks(),
                    previous.left())) {
                for (RoomInfo info : part) {
                    all.put(info.roomId(), info);
                }
            }
            for (RoomChanges room : changes.rooms()) {
                all.put(room.info().roomId(), room.info());
            }
            next = RoomList.of(all.values());
        }
        lastList = next;
        listeners.emit(next);
    }

    @Override
    public RoomList list() {
        return RoomList.of(store.rooms());
    }

    @Override
    public Optional<Room> room(RoomId roomId) {
        return store.room(roomId).map(info -> roomById(roomId));
    }

    @Override
    public Room roomById(RoomId roomId) {
        return new StoreRoom(store, roomId, calls, timelines, sends,
                () -> context.sessions().session().map(Session::userId),
                new RelationCalls(context.transport(), EventRegistry.defaults(), store, roomId), e2ee);
    }

    @Override
    public AutoCloseable onListChanged(Consumer<? super RoomList> listener) {
        return listeners.add(listener);
    }

    @Override
    public CompletableFuture<Room> create(CreateRoomRequest request) {
        return Calls.map(calls.create().create(request), this::roomById);
    }

    @Override
    public CompletableFuture<Room> createDirect(UserId user) {
        return Calls.map(calls.create().createDirect(user), this::roomById);
    }

    @Override
    public CompletableFuture<Room> join(RoomId roomId, List<ServerName> via) {
        Objects.requireNonNull(roomId, "roomId");
        return Calls.map(calls.membership().join(roomId.value(), via), this::roomById);
    }

    @Override
    public CompletableFuture<Room> join(RoomAlias alias, List<ServerName> via) {
        Objects.requireNonNull(alias, "alias");
        return Calls.map(calls.membership().join(alias.value(), via), this::roomById);
    }

    @Override
    public CompletableFuture<Room> knock(RoomId roomId, Optional<String> reason, List<ServerName> via) {
        return Calls.map(calls.membership().knock(roomId, reason, via), this::roomById);
    }

    @Override
    public CompletableFuture<Void> createAlias(RoomAlias alias, RoomId roomId) {
        return calls.directory().createAlias(alias, roomId);
    }

    @Override
    public CompletableFuture<Void> deleteAlias(RoomAlias alias) {
        return calls.directory().deleteAlias(alias);
    }

    @Override
    public CompletableFuture<Optional<ResolvedAlias>> resolveAlias(RoomAlias alias) {
        return calls.directory().resolve(alias);
    }

    @Override
    public CompletableFuture<PublicRoomsPage> publicRooms(PublicRoomsFilter filter) {
        return calls.directory().publicRooms(Objects.requireNonNull(filter, "filter"));
    }

    @Override
    public CompletableFuture<Map<UserId, List<RoomId>>> directRooms() {
        return calls.create().directRooms();
    }

    @Override
    public CompletableFuture<Void> markDirect(RoomId room, UserId user) {
        return calls.create().markDirect(room, user);
    }

    @Override
    public CompletableFuture<Room> followTombstone(RoomId roomId) {
        return Calls.map(calls.create().followTombstone(Objects.requireNonNull(roomId, "roomId")), this::roomById);
    }
}
