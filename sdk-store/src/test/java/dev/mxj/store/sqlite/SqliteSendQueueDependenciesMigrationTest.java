package dev.mxj.store.sqlite;

import dev.mxj.ErrorCode;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import dev.mxj.send.SendFailedException.Reason;
import dev.mxj.store.QueuedSend;
import dev.mxj.store.QueuedSend.Status;
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

/**
 * Migration 0004: a schema-3 store keeps its queued events (a failed one keeps its message, with
 * reason {@code OTHER}) and gains typed failures and dependent events.
 */
class SqliteSendQueueDependenciesMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aSchemaThreeQueueKeepsItsEventsAndGainsTypedFailuresAndDependencies() throws Exception {
        Path file = dir.resolve("schema-3.db");
        RoomId room = SyncBuilders.room(1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String script : List.of("0001_session.sql", "0002_sync_state.sql", "0003_send_queue.sql")) {
                s.executeUpdate(Migrations.script(script));
            }
            s.executeUpdate("PRAGMA user_version = 3");
            s.executeUpdate("INSERT INTO send_queue (room_id, txn_id, event_type, content, status, failure, created_at)"
                    + " VALUES ('" + room.value() + "', 'old-failed', 'm.room.message', '{\"body\":\"a\"}', 'FAILED',"
                    + " 'M_FORBIDDEN: not in room', 10)");
            s.executeUpdate("INSERT INTO send_queue (room_id, txn_id, event_type, content, status, created_at)"
                    + " VALUES ('" + room.value() + "', 'old-pending', 'm.room.message', '{\"body\":\"b\"}', 'PENDING',"
                    + " 11)");
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            List<QueuedSend> queued = store.queuedSends(room);
            assertEquals(List.of("old-failed", "old-pending"), queued.stream().map(QueuedSend::transactionId).toList());
            assertEquals(Optional.of(new QueuedSend.Failure(Reason.OTHER, "M_FORBIDDEN: not in room", Optional.empty(),
                    Optional.empty())), queued.get(0).failure());
            assertEquals(RawJson.parse("{\"body\":\"b\"}"), queued.get(1).content());
            assertEquals(Status.PENDING, queued.get(1).status());

            store.enqueueDependentSend(room, "redaction", "old-pending", "m.room.redaction", RawJson.emptyObject(), 12)
                    .orElseThrow();
            store.markSendFailed(room, "old-failed", new QueuedSend.Failure(Reason.TOO_LARGE, "too large",
                    Optional.of(413), Optional.of(ErrorCode.TOO_LARGE)));
            store.markSendSent(room, "old-pending", EventId.of("$b"));
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            List<QueuedSend> queued = store.queuedSends(room);
            assertEquals(Reason.TOO_LARGE, queued.get(0).failure().orElseThrow().reason());
            assertEquals(Optional.of(413), queued.get(0).failure().orElseThrow().httpStatus());
            assertEquals(Optional.of(EventId.of("$b")), queued.get(2).redacts());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(Migrations.LATEST, Migrations.userVersion(c));
        }
    }
}
