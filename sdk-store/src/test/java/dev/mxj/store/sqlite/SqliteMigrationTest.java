package dev.mxj.store.sqlite;

import dev.mxj.StoreException;
import dev.mxj.testing.SyncBuilders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schema versions: fresh files, old files, newer files and files that are no database at all. */
class SqliteMigrationTest {
    @TempDir
    Path dir;

    @Test
    void everyMigrationIsPackaged() {
        assertEquals(Migrations.FILES.size(), Migrations.LATEST);
        for (String name : Migrations.FILES) {
            assertFalse(Migrations.script(name).isBlank(), name);
        }
    }

    @Test
    void aFreshFileGetsTheLatestSchema() throws Exception {
        Path file = dir.resolve("fresh.db");
        SqliteStore.open(file).close();
        try (Connection c = connect(file)) {
            assertEquals(Migrations.LATEST, Migrations.userVersion(c));
            assertEquals("wal", query(c, "PRAGMA journal_mode"));
            assertEquals("session", query(c, "SELECT name FROM sqlite_schema WHERE name = 'session'"));
        }
    }

    @Test
    void reopeningAnUpToDateFileChangesNothing() throws Exception {
        Path file = dir.resolve("again.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            store.saveSession(SqliteLockingTest.session("syt_1"));
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            assertEquals(Optional.of(SqliteLockingTest.session("syt_1")), store.loadSession());
        }
        try (Connection c = connect(file)) {
            assertEquals(Migrations.LATEST, Migrations.userVersion(c));
        }
    }

    @Test
    void aVersionZeroFileIsMigratedAndItsOtherDataKept() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = connect(file); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE notes (body TEXT)");
            s.executeUpdate("INSERT INTO notes VALUES ('keep me')");
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            store.saveSession(SqliteLockingTest.session("syt_2"));
        }
        try (Connection c = connect(file)) {
            assertEquals(Migrations.LATEST, Migrations.userVersion(c));
            assertEquals("keep me", query(c, "SELECT group_concat(body) FROM notes"));
        }
    }

    @Test
    void aSchemaOneStoreKeepsItsSessionAndGainsTheSyncTables() throws Exception {
        Path file = dir.resolve("schema-1.db");
        try (Connection c = connect(file); Statement s = c.createStatement()) {
            s.executeUpdate(Migrations.script("0001_session.sql"));
            s.executeUpdate("PRAGMA user_version = 1");
            SessionTable.save(c, SqliteLockingTest.session("syt_from_version_1"));
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            assertEquals(Optional.of(SqliteLockingTest.session("syt_from_version_1")), store.loadSession());
            assertEquals(Optional.empty(), store.syncToken());
            store.apply(SyncBuilders.sync("s1").room(SyncBuilders.roomChanges(SyncBuilders.room(1))
                    .timeline(SyncBuilders.message("first", SyncBuilders.ALICE, "hello"))).build());
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            assertEquals(Optional.of(SqliteLockingTest.session("syt_from_version_1")), store.loadSession());
            assertEquals(Optional.of("s1"), store.syncToken());
            assertEquals(1, store.latestEvents(SyncBuilders.room(1), 10).size());
        }
        try (Connection c = connect(file)) {
            assertEquals(Migrations.LATEST, Migrations.userVersion(c));
            for (String table : List.of("sync_token", "filter", "room", "room_state", "stripped_state", "member",
                    "timeline_event", "timeline_gap", "receipt", "typing", "room_account_data", "account_data",
                    "presence", "to_device")) {
                assertEquals(table, query(c, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = '"
                        + table + "'"));
            }
        }
    }

    @Test
    void aFailedMigrationLeavesTheFileAsItWas() throws Exception {
        Path file = dir.resolve("clash.db");
        try (Connection c = connect(file); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE session (something_else TEXT)");
            s.executeUpdate("INSERT INTO session VALUES ('theirs')");
        }
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(file));
        assertTrue(e.getMessage().contains("apply schema migration 0001_session.sql"), e.getMessage());
        try (Connection c = connect(file)) {
            assertEquals(0, Migrations.userVersion(c));
            assertEquals("theirs", query(c, "SELECT something_else FROM session"));
        }
    }

    @Test
    void aFileFromANewerMxjIsRefusedAndKept() throws Exception {
        Path file = dir.resolve("newer.db");
        int newer = Migrations.LATEST + 1;
        try (Connection c = connect(file); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE future (x TEXT)");
            s.executeUpdate("INSERT INTO future VALUES ('from the future')");
            s.executeUpdate("PRAGMA user_version = " + newer);
        }
        byte[] before = Files.readAllBytes(file);
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(file));
        assertTrue(e.getMessage().contains("written by a newer mxj"), e.getMessage());
        assertTrue(e.getMessage().contains("Upgrade mxj"), e.getMessage());
        assertTrue(e.getMessage().contains("Do not delete the file"), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Connection c = connect(file)) {
            assertEquals(newer, Migrations.userVersion(c));
            assertEquals("from the future", query(c, "SELECT x FROM future"));
        }
    }

    @Test
    void aFileThatIsNoDatabaseIsRefusedAndKept() throws Exception {
        Path file = dir.resolve("notes.txt");
        byte[] text = "Shopping list: milk, eggs, bread.\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, text);
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(file));
        assertTrue(e.getMessage().contains("is not an SQLite database"), e.getMessage());
        assertTrue(e.getMessage().contains("has not changed the file"), e.getMessage());
        assertArrayEquals(text, Files.readAllBytes(file));
    }

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
