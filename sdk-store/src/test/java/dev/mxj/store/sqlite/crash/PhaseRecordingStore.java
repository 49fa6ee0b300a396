package dev.mxj.store.sqlite.crash;

import dev.mxj.auth.Session;
import dev.mxj.event.BasicEvent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.StrippedStateEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.event.ToDeviceEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.room.Receipt;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;
import dev.mxj.store.StateStore;
import dev.mxj.store.StoredEvent;
import dev.mxj.store.TimelineGap;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The child's store: a {@link dev.mxj.store.sqlite.SqliteStore} that also marks on the
 * {@link PhaseBoard} where the sync loop is. The loop reads the token just before each request
 * ({@link #syncToken()}), the processor reads rooms and members once the answer is parsed
 * ({@link #room}, {@link #member}), and the loop saves each answer with {@link #apply}. Every call
 * is passed on untouched.
 */
final class PhaseRecordingStore implements StateStore {
    private final StateStore store;
    private final PhaseBoard board;

    PhaseRecordingStore(StateStore store, PhaseBoard board) {
        this.store = store;
        this.board = board;
    }

    @Override
    public void apply(StateChanges changes) {
        int maxMessage = -1;
        boolean limited = false;
        for (RoomChanges room : changes.rooms()) {
            limited |= room.limited();
            for (SyncEvent event : room.timeline()) {
                OptionalInt index = Messages.index(event);
                if (index.isPresent()) {
                    maxMessage = Math.max(maxMessage, index.getAsInt());
                }
            }
        }
        board.applying(maxMessage);
        store.apply(changes);
        board.applied(maxMessage, limited);
    }

    @Override
    public Optional<String> syncToken() {
        board.polling();
        return store.syncToken();
    }

    @Override
    public Optional<String> filterId(String key) {
        return store.filterId(key);
    }

    @Override
    public void saveFilterId(String key, String filterId) {
        store.saveFilterId(key, filterId);
    }

    @Override
    public List<RoomInfo> rooms() {
        return store.rooms();
    }

    @Override
    public Optional<RoomInfo> room(RoomId roomId) {
        board.processing();
        return store.room(roomId);
    }

    @Override
    public Optional<RoomEvent> stateEvent(RoomId roomId, String type, String stateKey) {
        return store.stateEvent(roomId, type, stateKey);
    }

    @Override
    public List<RoomEvent> stateEvents(RoomId roomId, String type) {
        return store.stateEvents(roomId, type);
    }

    @Override
    public List<StrippedStateEvent> strippedState(RoomId roomId) {
        return store.strippedState(roomId);
    }

    @Override
    public List<RoomMember> members(RoomId roomId) {
        return store.members(roomId);
    }

    @Override
    public Optional<RoomMember> member(RoomId roomId, UserId userId) {
        board.processing();
        return store.member(roomId, userId);
    }

    @Override
    public List<StoredEvent> latestEvents(RoomId roomId, int limit) {
        return store.latestEvents(roomId, limit);
    }

    @Override
    public List<StoredEvent> eventsBefore(RoomId roomId, long position, int limit) {
        return store.eventsBefore(roomId, position, limit);
    }

    @Override
    public List<TimelineGap> gaps(RoomId roomId) {
        return store.gaps(roomId);
    }

    @Override
    public Optional<StoredEvent> event(RoomId roomId, EventId eventId) {
        return store.event(roomId, eventId);
    }

    @Override
    public List<Receipt> receipts(RoomId roomId) {
        return store.receipts(roomId);
    }

    @Override
    public List<UserId> typing(RoomId roomId) {
        return store.typing(roomId);
    }

    @Override
    public Optional<BasicEvent> accountData(String type) {
        return store.accountData(type);
    }

    @Override
    public Optional<BasicEvent> roomAccountData(RoomId roomId, String type) {
        return store.roomAccountData(roomId, type);
    }

    @Override
    public Optional<RawJson> presence(UserId userId) {
        return store.presence(userId);
    }

    @Override
    public List<ToDeviceEvent> toDeviceInbox() {
        return store.toDeviceInbox();
    }

    @Override
    public void removeToDevice(int count) {
        store.removeToDevice(count);
    }

    @Override
    public Optional<Session> loadSession() {
        return store.loadSession();
    }

    @Override
    public void saveSession(Session session) {
        store.saveSession(session);
    }

    @Override
    public void clearSession() {
        store.clearSession();
    }

    @Override
    public void close() {
        store.close();
    }
}
