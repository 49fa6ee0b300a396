package dev.mxj.store.sqlite;

import dev.mxj.json.RawJson;
import dev.mxj.store.QueuedSend;
import dev.mxj.testing.SyncBuilders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Migration 0003: a schema-2 store keeps its session and sync data and gains an empty send queue. */
class SqliteSendQueueMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aSchemaTwoStoreKeepsItsDataAndGainsTheSendQueue() throws Exception {
        Path file = dir.resolve("schema-2.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate(Migrations.script("0001_session.sql"));
            s.executeUpdate(Migrations.script("0002_sync_state.sql"));
            s.executeUpdate("PRAGMA user_version = 2");
            SessionTable.save(c, SqliteLockingTest.session("syt_from_version_2"));
            s.executeUpdate("INSERT INTO sync_token (id, next_batch) VALUES (1, 's2')");
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            assertEquals(Optional.of(SqliteLockingTest.session("syt_from_version_2")), store.loadSession());
            assertEquals(Optional.of("s2"), store.syncToken());
            assertEquals(List.of(), store.roomsWithQueuedSends());
            store.enqueueSend(SyncBuilders.room(1), "t1", "m.room.message", RawJson.emptyObject(), Optional.empty(), 1);
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            assertEquals(QueuedSend.Status.PENDING, store.queuedSends(SyncBuilders.room(1)).get(0).status());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(Migrations.LATEST, Migrations.userVersion(c));
        }
    }
}
