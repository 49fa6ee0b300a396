package dev.mxj.store.sqlite;

import dev.mxj.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite file and its two connections: a writer, used by one thread at a time under a lock,
 * and a query-only reader. In WAL mode the reader sees the last commit and never waits for the
 * writer. Every write runs in one {@code BEGIN IMMEDIATE} transaction that rolls back on any
 * exception, so a store change is all or nothing.
 *
 * <p>Checkpoints (copying the WAL back into the database file) run in the background, not in the
 * committing thread: SQLite's automatic checkpoint is off on the writer, and after a commit that
 * leaves the WAL over {@value #CHECKPOINT_AFTER_PAGES} pages a shared daemon thread runs a
 * {@code PASSIVE} checkpoint on a connection of its own, which waits for no reader or writer. A
 * big sync's commit then writes its pages once (to the WAL) instead of twice, and small commits
 * never stall on a checkpoint. Durability is unchanged: a commit is on disk once its WAL frames
 * are synced ({@code synchronous = FULL}); a crash before the checkpoint leaves a WAL that the
 * next open replays.
 */
final class SqliteDatabase implements AutoCloseable {
    static final int BUSY_TIMEOUT_MS = 5_000;
    /** The writer's page cache, in KiB (SQLite's default is 2 MiB). */
    static final int WRITER_CACHE_KIB = 64 * 1024;
    /** WAL size, in pages, after which a background checkpoint runs (SQLite's own default threshold). */
    static final int CHECKPOINT_AFTER_PAGES = 1000;
    private static final Logger log = LoggerFactory.getLogger(SqliteDatabase.class);
    /** Runs the checkpoints of every open store, one at a time; its thread ends when idle. */
    private static final ThreadPoolExecutor CHECKPOINTS = checkpointThread();

    /** Work done with a connection inside a transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Path walFile;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    /** Held while a checkpoint runs; guards {@link #checkpointer}. */
    private final ReentrantLock checkpointLock = new ReentrantLock();
    private final AtomicBoolean checkpointQueued = new AtomicBoolean();
    private Connection writer;
    private Connection reader;
    private Connection checkpointer;
    /** The WAL size in bytes that calls for a checkpoint. */
    private long checkpointAfterBytes;
    private volatile boolean closed;

    private SqliteDatabase(Path file) {
        this.file = file;
        this.walFile = file.resolveSibling(file.getFileName() + "-wal");
    }

    /** Opens (creating if needed) the database at {@code file} and brings its schema up to date. */
    static SqliteDatabase open(Path file) {
        Path path = file.toAbsolutePath();
        createIfMissing(path);
        NativeLibraryCache.prepare();
        loadNativeLibrary();
        SqliteDatabase db = new SqliteDatabase(path);
        try {
            db.writer = db.connect(false);
            // Migrate (or refuse a newer or foreign file) before anything else changes the file.
            if (!Migrations.upToDate(db.writer, path)) {
                Migrations.migrate(db);
            }
            db.useWal();
            db.manageCheckpoints();
            db.reader = db.connect(true);
            log.debug("Opened SQLite store {}", path);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Loads SQLite's native library before the first connection needs it, so that it loads while
     * {@link WarmUp} prepares the connection settings on another thread. A failure is left for the
     * first connection to report, with the store's own message.
     */
    private static void loadNativeLibrary() {
        try {
            SQLiteJDBCLoader.initialize();
        } catch (Exception e) {
            log.debug("SQLite's native library did not load yet; the first connection retries it", e);
        }
    }

    Path file() {
        return file;
    }

    /**
     * Runs {@code work} in one write transaction and commits. Any exception rolls it back and is
     * rethrown, an {@link SQLException} as a {@link StoreException}. Transactions do not nest:
     * inside {@code work}, use the connection it is given.
     */
    <T> T write(String what, SqlWork<T> work) {
        T result = inTransaction(writeLock, true, false, "BEGIN IMMEDIATE", what, work);
        checkpointIfWalIsLarge();
        return result;
    }

    /**
     * {@link #write}, with SQLite's foreign-key checks off for this one transaction. Only for work
     * that adds rows under parent keys the same transaction has just written or read (the sync
     * writer: every room row it adds is keyed by the room it upserted first), where the check is a
     * parent lookup per row (150,000 of them in a large first sync) that cannot fail. Cascading
     * deletes do not run either, so the work must delete no parent row. The checks are on again for
     * every other transaction, whatever happens.
     */
    <T> T writeWithoutForeignKeyChecks(String what, SqlWork<T> work) {
        T result = inTransaction(writeLock, true, true, "BEGIN IMMEDIATE", what, work);
        checkpointIfWalIsLarge();
        return result;
    }

    /** Runs {@code work} on the reader, in one read transaction so it sees one snapshot. */
    <T> T read(String what, SqlWork<T> work) {
        return inTransaction(readLock, false, false, "BEGIN", what, work);
    }

    private <T> T inTransaction(ReentrantLock lock, boolean writing, boolean noForeignKeyChecks, String begin,
                                String what, SqlWork<T> work) {
        // No nesting: a write inside a read could deadlock with close(), which takes both locks.
        if (writeLock.isHeldByCurrentThread() || readLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("A transaction is already open on this thread; use its connection.");
        }
        lock.lock();
        try {
            Connection connection = writing ? writer : reader;
            if (closed || connection == null) {
                throw new StoreException("Could not " + what + ": the store " + file
                        + " is closed. Open it again with SqliteStore.open.");
            }
            if (noForeignKeyChecks) {
                // A no-op inside a transaction: set it before BEGIN, and back after the end.
                execute(connection, "PRAGMA foreign_keys = OFF");
            }
            try {
                execute(connection, begin);
                T result;
                try {
                    result = work.run(connection);
                    execute(connection, "COMMIT");
                } catch (SQLException | RuntimeException | Error e) {
                    rollback(connection, e);
                    throw e;
                }
                return result;
            } finally {
                if (noForeignKeyChecks) {
                    execute(connection, "PRAGMA foreign_keys = ON");
                }
            }
        } catch (SQLException e) {
            throw SqliteErrors.wrap(file, what, e);
        } finally {
            lock.unlock();
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            // SQLite may already have rolled back (e.g. after a failed COMMIT); keep the first error.
            failure.addSuppressed(e);
        }
    }

    private Connection connect(boolean queryOnly) {
        try {
            Connection connection = config().createConnection("jdbc:sqlite:" + file);
            try {
                execute(connection, "PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                // FULL: a refreshed token that was reported saved must survive a power cut too.
                execute(connection, "PRAGMA synchronous = FULL");
                execute(connection, "PRAGMA foreign_keys = ON");
                if (queryOnly) {
                    execute(connection, "PRAGMA query_only = ON");
                } else {
                    // A big sync (1,000 rooms) dirties tens of MB of pages; a page cache that holds
                    // them keeps SQLite from spilling and re-reading index pages mid-transaction.
                    // SQLite fills it on demand, up to this size, and keeps the pages for later.
                    execute(connection, "PRAGMA cache_size = -" + WRITER_CACHE_KIB);
                }
                return connection;
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw SqliteErrors.wrap(file, "open the store", e);
        }
    }

    /**
     * The driver's settings for every connection. mxj reads no generated keys (it uses
     * {@code RETURNING}), so the driver's generated-key tracking is off: with it on, every INSERT
     * costs a regular-expression match over its SQL text and a {@code SELECT last_insert_rowid()}
     * statement made and run after it (thousands of each in a big sync).
     */
    private static SQLiteConfig config() {
        SQLiteConfig config = new SQLiteConfig();
        config.setGetGeneratedKeys(false);
        return config;
    }

    /** WAL lets the reader see the last commit while the writer works. The file remembers it. */
    private void useWal() {
        try (Statement statement = writer.createStatement();
             ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
            String result = mode.next() ? mode.getString(1) : "";
            if (!"wal".equalsIgnoreCase(result)) {
                log.warn("SQLite store {} could not switch to WAL mode (it is in '{}' mode); reads may wait"
                        + " for writes. Put the store on a local file system to avoid this.", file, result);
            }
        } catch (SQLException e) {
            throw SqliteErrors.wrap(file, "open the store", e);
        }
    }

    /**
     * Turns the writer's automatic checkpoint off (see the class comment) and lets SQLite shrink
     * the WAL file back to what it holds when it starts over after a checkpoint, so that its size
     * tells how much is waiting to be checkpointed.
     */
    private void manageCheckpoints() {
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 0");
            statement.execute("PRAGMA journal_size_limit = 0");
            long pageSize;
            try (ResultSet row = statement.executeQuery("PRAGMA page_size")) {
                pageSize = row.next() ? row.getLong(1) : 4096;
            }
            // Each WAL frame is a page and a 24-byte header.
            checkpointAfterBytes = CHECKPOINT_AFTER_PAGES * (pageSize + 24);
        } catch (SQLException e) {
            throw SqliteErrors.wrap(file, "open the store", e);
        }
    }

    /** After a commit: queues a background checkpoint if the WAL has grown past the threshold. */
    private void checkpointIfWalIsLarge() {
        if (checkpointAfterBytes == 0) {
            return; // still opening: SQLite checkpoints as usual until manageCheckpoints()
        }
        long walBytes;
        try {
            walBytes = Files.size(walFile);
        } catch (IOException e) {
            return; // no WAL file (yet): nothing to checkpoint
        }
        if (walBytes < checkpointAfterBytes || !checkpointQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            CHECKPOINTS.execute(this::checkpoint);
        } catch (RejectedExecutionException e) {
            checkpointQueued.set(false);
        }
    }

    /** Copies what it can of the WAL into the database file, waiting for no reader or writer. */
    private void checkpoint() {
        checkpointLock.lock();
        try {
            checkpointQueued.set(false);
            if (closed) {
                return;
            }
            if (checkpointer == null) {
                checkpointer = config().createConnection("jdbc:sqlite:" + file);
                execute(checkpointer, "PRAGMA synchronous = FULL");
            }
            long start = System.nanoTime();
            try (Statement statement = checkpointer.createStatement();
                 ResultSet row = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                if (row.next() && log.isDebugEnabled()) {
                    log.debug("Checkpointed {} of {} WAL pages of {} in {} ms{}", row.getLong(3), row.getLong(2), file,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                            row.getInt(1) != 0 ? " (another checkpoint was running)" : "");
                }
            }
        } catch (SQLException e) {
            // Nothing is lost: the WAL keeps the data, and a later checkpoint (or close) copies it.
            log.debug("A background checkpoint of {} failed; a later one will retry", file, e);
        } finally {
            checkpointLock.unlock();
        }
    }

    private static ThreadPoolExecutor checkpointThread() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "mxj-sqlite-checkpoint");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void createIfMissing(Path file) {
        if (Files.isDirectory(file)) {
            throw new StoreException(file + " is a folder. Give SqliteStore.open the path of a file, such as "
                    + file.resolve("mxj.db") + ".");
        }
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.notExists(file)) {
                createOwnerOnly(file);
            }
        } catch (IOException e) {
            throw new StoreException("Could not create the store file " + file + " or its folder (" + e
                    + "). Check that the path is writable by this process, or pick another path.", e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            // The store holds access tokens: on POSIX systems only the owner may read it.
            // SQLite gives its -wal and -shm files the same permissions.
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            log.debug("Store file {} appeared while being created; using it", file);
        }
    }

    /**
     * Closes the connections after any transaction or checkpoint in progress ends. The writer
     * closes last; SQLite then checkpoints what is left of the WAL and removes it. Idempotent.
     */
    @Override
    public void close() {
        writeLock.lock();
        readLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            checkpointLock.lock();
            try {
                closeQuietly(checkpointer);
            } finally {
                checkpointLock.unlock();
            }
            closeQuietly(reader);
            closeQuietly(writer);
            log.debug("Closed SQLite store {}", file);
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("Closing SQLite store {} failed; nothing is lost, every write was committed", file, e);
        }
    }
}
