package dev.mxj.store;

import dev.mxj.auth.Session;
import dev.mxj.event.BasicEvent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.StrippedStateEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.event.ToDeviceEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.internal.send.MemorySendQueue;
import dev.mxj.internal.store.MemoryBackPagination;
import dev.mxj.internal.store.MemoryRoom;
import dev.mxj.internal.store.MemorySnapshot;
import dev.mxj.json.RawJson;
import dev.mxj.room.Receipt;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link StateStore} that lives as long as the process: for tests, short-lived bots, and as the
 * reference the SQLite store is tested against.
 *
 * <p>Everything is held in one immutable snapshot. {@link #apply} builds the next snapshot under a
 * lock and publishes it in one reference swap, so readers never wait and never see half an apply;
 * an apply that fails leaves the previous snapshot in place. An apply copies the rooms it changes
 * (their timelines included), so its cost grows with the size of those rooms: keep long-lived,
 * busy clients on the SQLite store.
 *
 * <p>Events are kept as the values applied, so content parsed by an application's own
 * {@link dev.mxj.event.EventRegistry} survives (a persistent store re-parses with the defaults).
 */
public final class MemoryStateStore implements StateStore {
    private final MemorySessionStore session = new MemorySessionStore();
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile MemorySnapshot snapshot = MemorySnapshot.EMPTY;
    private final MemorySendQueue sends = new MemorySendQueue();

    /** Test hook: sees each timeline event before it is stored; throwing aborts the apply. */
    volatile Consumer<SyncEvent> beforeSave = event -> {
    };

    @Override
    public void apply(StateChanges changes) {
        Objects.requireNonNull(changes, "changes");
        update(current -> current.apply(changes, beforeSave));
    }

    @Override
    public Optional<String> syncToken() {
        return snapshot.syncToken();
    }

    @Override
    public Optional<String> filterId(String key) {
        return snapshot.filterId(Objects.requireNonNull(key, "key"));
    }

    @Override
    public void saveFilterId(String key, String filterId) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(filterId, "filterId");
        update(current -> current.withFilterId(key, filterId));
    }

    @Override
    public List<RoomInfo> rooms() {
        return snapshot.rooms();
    }

    @Override
    public Optional<RoomInfo> room(RoomId roomId) {
        return room(roomId, MemoryRoom::info);
    }

    @Override
    public Optional<RoomEvent> stateEvent(RoomId roomId, String type, String stateKey) {
        return snapshot.room(roomId).flatMap(room -> room.stateEvent(type, stateKey));
    }

    @Override
    public List<RoomEvent> stateEvents(RoomId roomId, String type) {
        return list(roomId, room -> room.stateEvents(type));
    }

    @Override
    public List<StrippedStateEvent> strippedState(RoomId roomId) {
        return list(roomId, MemoryRoom::strippedState);
    }

    @Override
    public List<RoomMember> members(RoomId roomId) {
        return list(roomId, MemoryRoom::members);
    }

    @Override
    public Optional<RoomMember> member(RoomId roomId, UserId userId) {
        return snapshot.room(roomId).flatMap(room -> room.member(userId));
    }

    @Override
    public List<StoredEvent> latestEvents(RoomId roomId, int limit) {
        return eventsBefore(roomId, Long.MAX_VALUE, limit);
    }

    @Override
    public List<StoredEvent> eventsBefore(RoomId roomId, long position, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return list(roomId, room -> room.eventsBefore(position, limit));
    }

    @Override
    public List<TimelineGap> gaps(RoomId roomId) {
        return list(roomId, MemoryRoom::gaps);
    }

    @Override
    public List<StoredEvent> applyBackPagination(RoomId roomId, TimelineGap gap, List<SyncEvent> olderEventsNewestFirst,
                                                 Optional<String> nextPrevBatch, boolean reachedStart) {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(gap, "gap");
        List<SyncEvent> events = List.copyOf(olderEventsNewestFirst);
        Objects.requireNonNull(nextPrevBatch, "nextPrevBatch");
        List<List<StoredEvent>> stored = new java.util.ArrayList<>(List.of(List.of()));
        update(current -> current.room(roomId).map(room -> {
            MemoryBackPagination.Result result = MemoryBackPagination.apply(room, gap, events, nextPrevBatch,
                    reachedStart);
            stored.set(0, result.stored());
            return current.withRoom(result.room());
        }).orElse(current));
        return stored.get(0);
    }

    @Override
    public Optional<StoredEvent> event(RoomId roomId, EventId eventId) {
        return snapshot.room(roomId).flatMap(room -> room.event(eventId.value()));
    }

    @Override
    public List<Receipt> receipts(RoomId roomId) {
        return list(roomId, MemoryRoom::receipts);
    }

    @Override
    public List<UserId> typing(RoomId roomId) {
        return list(roomId, MemoryRoom::typing);
    }

    @Override
    public Optional<BasicEvent> accountData(String type) {
        return snapshot.accountData(type);
    }

    @Override
    public Optional<BasicEvent> roomAccountData(RoomId roomId, String type) {
        return snapshot.room(roomId).flatMap(room -> room.accountData(type));
    }

    @Override
    public Optional<RawJson> presence(UserId userId) {
        return snapshot.presence(userId);
    }

    @Override
    public List<ToDeviceEvent> toDeviceInbox() {
        return snapshot.toDevice();
    }

    @Override
    public void removeToDevice(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        update(current -> current.withoutToDevice(count));
    }

    @Override
    public Optional<Session> loadSession() {
        return session.loadSession();
    }

    @Override
    public void saveSession(Session value) {
        session.saveSession(value);
    }

    @Override
    public void clearSession() {
        session.clearSession();
    }

    @Override
    public String toString() {
        return "MemoryStateStore[" + snapshot.rooms().size() + " rooms]";
    }

    private void update(Function<MemorySnapshot, MemorySnapshot> change) {
        writeLock.lock();
        try {
            snapshot = change.apply(snapshot);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> Optional<T> room(RoomId roomId, Function<MemoryRoom, T> read) {
        return snapshot.room(Objects.requireNonNull(roomId, "roomId")).map(read);
    }

    private <T> List<T> list(RoomId roomId, Function<MemoryRoom, List<T>> read) {
        return room(roomId, read).orElse(List.of());
    }

    @Override
    public QueuedSend enqueueSend(RoomId roomId, String transactionId, String eventType, RawJson content,
                                  Optional<EventId> redacts, long createdAtMillis) {
        return sends.enqueue(roomId, transactionId, eventType, content, redacts, createdAtMillis);
    }

    @Override
    public Optional<QueuedSend> enqueueDependentSend(RoomId roomId, String transactionId, String parentTransactionId,
                                                     String eventType, RawJson content, long createdAtMillis) {
        return sends.enqueueDependent(roomId, transactionId, parentTransactionId, eventType, content,
                createdAtMillis);
    }

    @Override
    public List<QueuedSend> queuedSends(RoomId roomId) {
        return sends.list(roomId);
    }

    @Override
    public List<RoomId> roomsWithQueuedSends() {
        return sends.rooms();
    }

    @Override
    public boolean replaceQueuedContent(RoomId roomId, String transactionId, RawJson content) {
        return sends.replaceContent(roomId, transactionId, content);
    }

    @Override
    public boolean markSendSent(RoomId roomId, String transactionId, EventId eventId) {
        return sends.markSent(roomId, transactionId, eventId);
    }

    @Override
    public boolean markSendFailed(RoomId roomId, String transactionId, QueuedSend.Failure failure) {
        return sends.markFailed(roomId, transactionId, failure);
    }

    @Override
    public boolean markSendPending(RoomId roomId, String transactionId) {
        return sends.markPending(roomId, transactionId);
    }

    @Override
    public boolean removeSend(RoomId roomId, String transactionId) {
        return sends.remove(roomId, transactionId);
    }
}
