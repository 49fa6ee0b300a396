package dev.mxj.store.sqlite;

import dev.mxj.StoreException;
import dev.mxj.store.SessionStore;
import dev.mxj.store.PersistentSessionStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@link SqliteStore} against the session store contract, plus what only a file-backed store does. */
class SqliteSessionStoreTest extends PersistentSessionStoreContract {
    @TempDir
    Path dir;
    private int stores;

    @Override
    protected SessionStore newStore() {
        return SqliteStore.open(dir.resolve("store-" + stores++ + ".db"));
    }

    @Override
    protected SessionStore reopen(SessionStore store) {
        Path file = ((SqliteStore) store).file();
        store.close();
        return SqliteStore.open(file);
    }

    @Test
    void createsMissingFolders() {
        Path file = dir.resolve("a/b/c/alice.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            assertEquals(file.toAbsolutePath(), store.file());
            assertTrue(Files.isRegularFile(file));
            assertTrue(store.toString().contains("alice.db"));
        }
    }

    @Test
    void aFolderIsNotAStorePath() {
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(dir));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void newFileIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "not a POSIX file system");
        Path file = dir.resolve("private.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            store.saveSession(fullSession());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void keepsOneRowWithNullsForAbsentValues() throws Exception {
        Path file = dir.resolve("rows.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            store.saveSession(fullSession());
            store.saveSession(bareSession());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*), max(refresh_token), max(access_token_expires_at)"
                     + " FROM session")) {
            rows.next();
            assertEquals(1, rows.getInt(1));
            assertEquals(null, rows.getString(2));
            assertEquals(null, rows.getObject(3));
        }
    }

    @Test
    void aFailingWriteRollsBack() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("rollback.db"))) {
            store.saveSession(fullSession());
            IllegalStateException boom = assertThrows(IllegalStateException.class, () ->
                    store.database().write("test", connection -> {
                        SessionTable.save(connection, bareSession());
                        throw new IllegalStateException("boom");
                    }));
            assertEquals("boom", boom.getMessage());
            assertEquals(Optional.of(fullSession()), store.loadSession());
        }
    }

    @Test
    void aWriteInsideAWriteIsRefused() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("nested.db"))) {
            assertThrows(IllegalStateException.class, () -> store.database().write("outer",
                    connection -> store.database().write("inner", inner -> null)));
            store.saveSession(bareSession());
            assertEquals(Optional.of(bareSession()), store.loadSession());
        }
    }

    @Test
    void useAfterCloseSaysHowToGoOn() {
        SqliteStore store = SqliteStore.open(dir.resolve("closed.db"));
        store.close();
        StoreException e = assertThrows(StoreException.class, () -> store.saveSession(fullSession()));
        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
        assertTrue(e.getMessage().contains("SqliteStore.open"), e.getMessage());
        assertNoToken(e.getMessage());
    }

    @Test
    void aDamagedRowIsAStoreException() throws Exception {
        Path file = dir.resolve("damaged.db");
        SqliteStore.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO session VALUES (1, 'https://hs.example', 'not-a-user-id', 'D',"
                    + " 'syt_secret', NULL, NULL)");
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            StoreException e = assertThrows(StoreException.class, store::loadSession);
            assertTrue(e.getMessage().contains("Log in again"), e.getMessage());
            assertTrue(!e.getMessage().contains("syt_secret"), e.getMessage());
        }
    }
}
