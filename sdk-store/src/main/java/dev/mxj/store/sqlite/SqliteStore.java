package dev.mxj.store.sqlite;

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
import dev.mxj.store.QueuedSend;
import dev.mxj.store.StateChanges;
import dev.mxj.store.StateStore;
import dev.mxj.store.StoredEvent;
import dev.mxj.store.TimelineGap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A crash-safe store in one SQLite file: the session, and everything sync saves (see
 * {@link StateStore}). Every save is one transaction: after a crash, the file holds the old value
 * or the new one, never a mix; {@link #apply} saves a whole sync with its token that way.
 * Thread-safe; share one per file. Reads never wait for a write: they see the last commit.
 *
 * <pre>{@code
 * try (SqliteStore store = SqliteStore.open(Path.of("mxj/alice.db"))) {
 *     Optional<Session> session = store.loadSession();
 * }
 * }</pre>
 *
 * <p>The same file keeps the end-to-end encryption state too: {@link #cryptoStore()}.
 *
 * <p>Events are kept as the raw JSON the server sent and re-parsed with
 * {@link dev.mxj.event.EventRegistry#defaults()} when read. The file holds access tokens: on POSIX
 * systems a new file is readable by its owner only. An older file is migrated in place, never
 * wiped (see MIGRATIONS.md in sdk-store). Failures are {@link dev.mxj.StoreException}s, which say
 * what to do and never contain a token.
 */
public final class SqliteStore implements StateStore {
    /**
     * The logger, made on first use. Making one starts SLF4J (tens of milliseconds in a new JVM),
     * and {@link #open} should start its {@link WarmUp} before that, not after.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);
    }

    private final SqliteDatabase db;

    private SqliteStore(SqliteDatabase db) {
        this.db = db;
    }

    /**
     * Opens the store at {@code file}, creating the file and its parent folders if needed and
     * upgrading an older schema.
     *
     * @throws dev.mxj.StoreException if the file cannot be created or opened, is not an SQLite
     *     database, or was written by a newer mxj
     */
    public static SqliteStore open(Path file) {
        Objects.requireNonNull(file, "file");
        WarmUp.start();
        return new SqliteStore(SqliteDatabase.open(file));
    }

    /** The database file, as an absolute path. */
    public Path file() {
        return db.file();
    }

    @Override
    public Optional<Session> loadSession() {
        return db.read("load the session", connection -> SessionTable.load(connection, db.file()));
    }

    @Override
    public void saveSession(Session session) {
        Objects.requireNonNull(session, "session");
        db.write("save the session", connection -> {
            SessionTable.save(connection, session);
            return null;
        });
    }

    @Override
    public void clearSession() {
        db.write("clear the session", connection -> {
            SessionTable.clear(connection);
            return null;
        });
    }

    @Override
    public void apply(StateChanges changes) {
        Objects.requireNonNull(changes, "changes");
        long start = System.nanoTime();
        // The sync writer keys every row by the room it has just upserted: see SyncWriter.
        db.writeWithoutForeignKeyChecks("save a sync response", connection -> {
            SyncWriter.write(connection, changes);
            return null;
        });
        if (Log.LOG.isDebugEnabled()) {
            Log.LOG.debug("Saved a sync to {}: {} rooms, {} timeline events, {} to-device events in {} ms", db.file(),
                    changes.rooms().size(), SyncWriter.timelineEvents(changes), changes.toDevice().size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    @Override
    public Optional<String> syncToken() {
        return db.read("read the sync token", GlobalTables::syncToken);
    }

    @Override
    public Optional<String> filterId(String key) {
        Objects.requireNonNull(key, "key");
        return db.read("read a filter ID", connection -> GlobalTables.filterId(connection, key));
    }

    @Override
    public void saveFilterId(String key, String filterId) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(filterId, "filterId");
        db.write("save a filter ID", connection -> {
            GlobalTables.saveFilterId(connection, key, filterId);
            return null;
        });
    }

    @Override
    public List<RoomInfo> rooms() {
        return db.read("read the rooms", RoomTable::all);
    }

    @Override
    public Optional<RoomInfo> room(RoomId roomId) {
        Objects.requireNonNull(roomId, "roomId");
        return db.read("read a room", connection -> RoomTable.find(connection, roomId));
    }

    @Override
    public Optional<RoomEvent> stateEvent(RoomId roomId, String type, String stateKey) {
        return db.read("read a state event", connection -> StateTables.stateEvent(connection, roomId, type, stateKey));
    }

    @Override
    public List<RoomEvent> stateEvents(RoomId roomId, String type) {
        return db.read("read state events", connection -> StateTables.stateEvents(connection, roomId, type));
    }

    @Override
    public List<StrippedStateEvent> strippedState(RoomId roomId) {
        return db.read("read stripped state", connection -> StateTables.strippedState(connection, roomId));
    }

    @Override
    public List<RoomMember> members(RoomId roomId) {
        return db.read("read room members", connection -> StateTables.members(connection, roomId));
    }

    @Override
    public Optional<RoomMember> member(RoomId roomId, UserId userId) {
        return db.read("read a room member", connection -> StateTables.member(connection, roomId, userId));
    }

    @Override
    public List<StoredEvent> latestEvents(RoomId roomId, int limit) {
        return eventsBefore(roomId, Long.MAX_VALUE, limit);
    }

    @Override
    public List<StoredEvent> eventsBefore(RoomId roomId, long position, int limit) {
        Objects.requireNonNull(roomId, "roomId");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return db.read("read timeline events",
                connection -> TimelineTables.eventsBefore(connection, roomId, position, limit));
    }

    @Override
    public List<TimelineGap> gaps(RoomId roomId) {
        return db.read("read timeline gaps", connection -> TimelineTables.gaps(connection, roomId));
    }

    @Override
    public List<StoredEvent> applyBackPagination(RoomId roomId, TimelineGap gap, List<SyncEvent> olderEventsNewestFirst,
                                                 Optional<String> nextPrevBatch, boolean reachedStart) {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(gap, "gap");
        List<SyncEvent> events = List.copyOf(olderEventsNewestFirst);
        Objects.requireNonNull(nextPrevBatch, "nextPrevBatch");
        return db.write("save back-paginated events", connection -> BackPaginationWriter.write(connection, roomId,
                gap, events, nextPrevBatch, reachedStart));
    }

    @Override
    public Optional<StoredEvent> event(RoomId roomId, EventId eventId) {
        return db.read("read an event", connection -> TimelineTables.event(connection, roomId, eventId));
    }

    @Override
    public List<Receipt> receipts(RoomId roomId) {
        return db.read("read receipts", connection -> RoomDataTables.receipts(connection, roomId));
    }

    @Override
    public List<UserId> typing(RoomId roomId) {
        return db.read("read typing users", connection -> RoomDataTables.typing(connection, roomId));
    }

    @Override
    public Optional<BasicEvent> accountData(String type) {
        return db.read("read account data", connection -> GlobalTables.accountData(connection, type));
    }

    @Override
    public Optional<BasicEvent> roomAccountData(RoomId roomId, String type) {
        return db.read("read room account data", connection -> RoomDataTables.accountData(connection, roomId, type));
    }

    @Override
    public Optional<RawJson> presence(UserId userId) {
        return db.read("read presence", connection -> GlobalTables.presence(connection, userId));
    }

    @Override
    public List<ToDeviceEvent> toDeviceInbox() {
        return db.read("read the to-device inbox", GlobalTables::toDeviceInbox);
    }

    @Override
    public void removeToDevice(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        db.write("remove handled to-device events", connection -> {
            GlobalTables.removeToDevice(connection, count);
            return null;
        });
    }

    @Override
    public QueuedSend enqueueSend(RoomId roomId, String transactionId, String eventType, RawJson content,
                                  Optional<EventId> redacts, long createdAtMillis) {
        return db.write("queue an event", c -> SendQueueTable.enqueue(c, roomId, transactionId, eventType, content,
                redacts, createdAtMillis));
    }

    @Override
    public Optional<QueuedSend> enqueueDependentSend(RoomId roomId, String transactionId, String parentTransactionId,
                                                     String eventType, RawJson content, long createdAtMillis) {
        return db.write("queue an event", c -> SendQueueTable.enqueueDependent(c, roomId, transactionId,
                parentTransactionId, eventType, content, createdAtMillis));
    }

    @Override
    public List<QueuedSend> queuedSends(RoomId roomId) {
        return db.read("read the send queue", c -> SendQueueTable.list(c, roomId));
    }

    @Override
    public List<RoomId> roomsWithQueuedSends() {
        return db.read("read the send queue", SendQueueTable::rooms);
    }

    @Override
    public boolean replaceQueuedContent(RoomId roomId, String transactionId, RawJson content) {
        return db.write("edit a queued event", c -> SendQueueTable.replaceContent(c, roomId, transactionId, content));
    }

    @Override
    public boolean markSendSent(RoomId roomId, String transactionId, EventId eventId) {
        return db.write("mark a queued event sent", c -> SendQueueTable.markSent(c, roomId, transactionId, eventId));
    }

    @Override
    public boolean markSendFailed(RoomId roomId, String transactionId, QueuedSend.Failure failure) {
        return db.write("mark a queued event failed", c -> SendQueueTable.markFailed(c, roomId, transactionId,
                failure));
    }

    @Override
    public boolean markSendPending(RoomId roomId, String transactionId) {
        return db.write("retry a queued event", c -> SendQueueTable.markPending(c, roomId, transactionId));
    }

    @Override
    public boolean removeSend(RoomId roomId, String transactionId) {
        return db.write("remove a queued event", c -> SendQueueTable.remove(c, roomId, transactionId));
    }

    /**
     * The crypto store in this store's file: the OlmMachine's keys and sessions live next to the
     * session and the synced state, in their own tables, written in their own transactions. Each
     * call returns a new view on the same data; closing a view leaves this store open, closing this
     * store ends every view. Using it loads no native crypto library: that happens only when an
     * Olm backend is created. For sdk-crypto's module:
     * {@code OlmEncryptionModule.builder(olm).store((user, device) -> store.cryptoStore())}.
     */
    public SqliteCryptoStore cryptoStore() {
        return new SqliteCryptoStore(db, false);
    }

    /** Waits for a write in progress, then closes the file. Idempotent. */
    @Override
    public void close() {
        db.close();
    }

    /** Test hook: the database behind this store, for transaction-level tests. */
    SqliteDatabase database() {
        return db;
    }

    @Override
    public String toString() {
        return "SqliteStore[" + db.file() + "]";
    }
}
