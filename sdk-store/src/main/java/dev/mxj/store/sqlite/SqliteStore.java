package dev.mxj.store.sqlite;

import dev.mxj.auth.Session;
import dev.mxj.store.SessionStore;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A crash-safe store in one SQLite file. Every save is one transaction: after a crash, the file
 * holds the old value or the new one, never a mix. Thread-safe; share one per file.
 *
 * <pre>{@code
 * try (SqliteStore store = SqliteStore.open(Path.of("mxj/alice.db"))) {
 *     Optional<Session> session = store.loadSession();
 * }
 * }</pre>
 *
 * <p>The file holds access tokens: on POSIX systems a new file is readable by its owner only.
 * An older file is migrated in place, never wiped (see MIGRATIONS.md in sdk-store). Failures are
 * {@link dev.mxj.StoreException}s, which say what to do and never contain a token.
 */
public final class SqliteStore implements SessionStore {
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
