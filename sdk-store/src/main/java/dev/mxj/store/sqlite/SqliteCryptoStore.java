package dev.mxj.store.sqlite;

import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.DecryptionRecord;
import dev.mxj.crypto.store.PendingRequest;
import dev.mxj.crypto.store.PickleKeyParams;
import dev.mxj.crypto.store.StoredAccount;
import dev.mxj.crypto.store.StoredDevice;
import dev.mxj.crypto.store.StoredInboundGroupSession;
import dev.mxj.crypto.store.StoredKeyRequest;
import dev.mxj.crypto.store.StoredOlmSession;
import dev.mxj.crypto.store.StoredOutboundGroupSession;
import dev.mxj.crypto.store.StoredWithheld;
import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end encryption state of one device (account, Olm and Megolm sessions, device lists,
 * tracked users, pending requests...) in SQLite: a {@link CryptoStore} for the OlmMachine.
 *
 * <p>Usually it shares the file of the client's {@link SqliteStore}, so one file holds the session,
 * the synced state and the keys:
 * <pre>{@code
 * SqliteStore store = SqliteStore.open(Path.of("mxj/alice.db"));
 * CryptoStore keys = store.cryptoStore();   // same file, same connections
 * }</pre>
 * An app that keeps its sync state elsewhere opens a file for the keys alone with
 * {@link #open(Path)}.
 *
 * <p>Every {@link #save} is one SQLite transaction: after a crash the file holds all of a save or
 * none of it, so an account whose one-time key made an Olm session is never kept without that
 * session, and a room key is never dropped once a save that holds it returned. Reads see the last
 * committed save and never wait for a save in progress. Thread-safe.
 *
 * <p>Pickles arrive encrypted with the app's {@link dev.mxj.crypto.store.PickleKey}; they are
 * stored as given, and nothing here logs them. The file holds no secret in the clear, but it is
 * readable by its owner only anyway (it holds access tokens too). Failures are
 * {@link dev.mxj.StoreException}s. Tables and their migrations: MIGRATIONS.md (0006, 0007) in sdk-store.
 */
public final class SqliteCryptoStore implements CryptoStore {
    private static final Logger log = LoggerFactory.getLogger(SqliteCryptoStore.class);

    private final SqliteDatabase db;
    /** True if this store opened the file itself and closes it; false for a {@link SqliteStore}'s. */
    private final boolean ownsFile;
    private volatile boolean closed;

    SqliteCryptoStore(SqliteDatabase db, boolean ownsFile) {
        this.db = db;
        this.ownsFile = ownsFile;
    }

    /**
     * Opens a crypto store in a file of its own, creating the file and its folders if needed and
     * upgrading an older schema. Prefer {@link SqliteStore#cryptoStore()} when the client already
     * has a {@link SqliteStore}: one file then holds everything. Do not open the file of a running
     * {@link SqliteStore} this way too: use that store's {@code cryptoStore()}.
     *
     * @throws dev.mxj.StoreException if the file cannot be created or opened, is not an SQLite
     *     database, or was written by a newer mxj
     */
    public static SqliteCryptoStore open(Path file) {
        Objects.requireNonNull(file, "file");
        return new SqliteCryptoStore(SqliteDatabase.open(file), true);
    }

    /** The database file, as an absolute path. */
    public Path file() {
        return db.file();
    }

    @Override
    public Optional<PickleKeyParams> pickleKeyParams() {
        return read("read the pickle key parameters", CryptoTables::pickleKeyParams);
    }

    @Override
    public Optional<StoredAccount> account() {
        return read("read the Olm account", CryptoTables::account);
    }

    @Override
    public List<StoredOlmSession> olmSessions(String senderKey) {
        Objects.requireNonNull(senderKey, "senderKey");
        return read("read Olm sessions", c -> CryptoTables.olmSessions(c, senderKey));
    }

    @Override
    public Optional<StoredInboundGroupSession> inboundGroupSession(RoomId roomId, String sessionId) {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(sessionId, "sessionId");
        return read("read a room key", c -> CryptoTables.inbound(c, roomId, sessionId));
    }

    @Override
    public List<StoredInboundGroupSession> inboundGroupSessions(RoomId roomId) {
        Objects.requireNonNull(roomId, "roomId");
        return read("read the room keys of a room", c -> CryptoTables.inbound(c, roomId));
    }

    @Override
    public Optional<StoredOutboundGroupSession> outboundGroupSession(RoomId roomId) {
        Objects.requireNonNull(roomId, "roomId");
        return read("read an outbound Megolm session", c -> CryptoTables.outbound(c, roomId));
    }

    @Override
    public Map<DeviceId, StoredDevice> devices(UserId userId) {
        Objects.requireNonNull(userId, "userId");
        return read("read devices", c -> CryptoTables.devices(c, userId));
    }

    @Override
    public Optional<StoredDevice> device(UserId userId, DeviceId deviceId) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deviceId, "deviceId");
        return read("read a device", c -> CryptoTables.device(c, userId, deviceId));
    }

    @Override
    public Map<UserId, Boolean> trackedUsers() {
        return read("read the tracked users", CryptoTables::trackedUsers);
    }

    @Override
    public List<PendingRequest> pendingRequests() {
        return read("read pending crypto requests", CryptoTables::pendingRequests);
    }

    @Override
    public Optional<StoredWithheld> withheld(RoomId roomId, String sessionId) {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(sessionId, "sessionId");
        return read("read a withheld notice", c -> CryptoTables.withheld(c, roomId, sessionId));
    }

    @Override
    public List<StoredKeyRequest> keyRequests() {
        return read("read room key requests", CryptoTables::keyRequests);
    }

    @Override
    public Optional<DecryptionRecord> decryptionRecord(RoomId roomId, String sessionId, long messageIndex) {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(sessionId, "sessionId");
        return read("read a decryption record", c -> CryptoTables.decryptionRecord(c, roomId, sessionId,
                messageIndex));
    }

    @Override
    public Optional<String> syncToken() {
        return read("read the crypto sync token", CryptoTables::syncToken);
    }

    @Override
    public void save(CryptoChanges changes) {
        Objects.requireNonNull(changes, "changes");
        ensureOpen();
        if (changes.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        db.write("save the crypto state", connection -> {
            CryptoWriter.write(connection, changes);
            return null;
        });
        if (log.isDebugEnabled()) {
            // Counts only: never a pickle, a key or a request body.
            log.debug("Saved crypto changes to {}: account {}, {} Olm sessions, {} room keys, {} outbound sessions,"
                    + " {} devices, {} requests added, {} removed in {} ms", db.file(),
                    changes.account().isPresent() ? "changed" : "unchanged", changes.olmSessions().size(),
                    changes.inboundGroupSessions().size(), changes.outboundGroupSessions().size(),
                    changes.devices().size(), changes.requestsAdded().size(), changes.requestsRemoved().size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    /**
     * Ends this store: later calls throw {@link IllegalStateException}. A store made by
     * {@link #open(Path)} closes its file; one from {@link SqliteStore#cryptoStore()} leaves the
     * file to its {@link SqliteStore}. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        if (ownsFile) {
            db.close();
        }
    }

    /** Test hook: the database behind this store. */
    SqliteDatabase database() {
        return db;
    }

    private <T> T read(String what, SqliteDatabase.SqlWork<T> work) {
        ensureOpen();
        return db.read(what, work);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("This crypto store was closed; open it again ("
                    + (ownsFile ? "SqliteCryptoStore.open" : "SqliteStore.cryptoStore") + ") to use it.");
        }
    }

    @Override
    public String toString() {
        return "SqliteCryptoStore[" + db.file() + "]";
    }
}
