package dev.mxj.store.sqlite;

import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import dev.mxj.store.QueuedSend;
import dev.mxj.store.QueuedSend.Status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code send_queue} table (migration 0003). Callers own the transaction. */
final class SendQueueTable {
    private static final String COLUMNS = "seq, room_id, txn_id, event_type, content, redacts, status, event_id,"
            + " failure, created_at";

    private SendQueueTable() {
    }

    static QueuedSend enqueue(Connection connection, RoomId roomId, String txnId, String type, RawJson content,
                              Optional<EventId> redacts, long createdAt) throws SQLException {
        if (Rows.first(connection, "SELECT 1 FROM send_queue WHERE txn_id = ?", row -> 1, txnId).isPresent()) {
            throw new IllegalArgumentException("The send queue already holds transaction " + txnId);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO send_queue (room_id, txn_id,"
                + " event_type, content, redacts, status, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', ?)")) {
            insert.setString(1, roomId.value());
            insert.setString(2, txnId);
            insert.setString(3, type);
            insert.setString(4, content.json());
            insert.setString(5, redacts.map(EventId::value).orElse(null));
            insert.setLong(6, createdAt);
            insert.executeUpdate();
        }
        return Rows.first(connection, "SELECT " + COLUMNS + " FROM send_queue WHERE txn_id = ?",
                SendQueueTable::row, txnId).orElseThrow();
    }

    static List<QueuedSend> list(Connection connection, RoomId roomId) throws SQLException {
        return Rows.list(connection, "SELECT " + COLUMNS + " FROM send_queue WHERE room_id = ? ORDER BY seq",
                SendQueueTable::row, roomId.value());
    }

    static List<RoomId> rooms(Connection connection) throws SQLException {
        return Rows.list(connection, "SELECT DISTINCT room_id FROM send_queue", row -> RoomId.of(row.getString(1)));
    }

    static boolean replaceContent(Connection connection, RoomId roomId, String txnId, RawJson content)
            throws SQLException {
        return update(connection, "UPDATE send_queue SET content = ? WHERE room_id = ? AND txn_id = ?"
                + " AND status = 'PENDING'", content.json(), roomId.value(), txnId);
    }

    static boolean markSent(Connection connection, RoomId roomId, String txnId, EventId eventId) throws SQLException {
        return update(connection, "UPDATE send_queue SET status = 'SENT', event_id = ?, failure = NULL"
                + " WHERE room_id = ? AND txn_id = ?", eventId.value(), roomId.value(), txnId);
    }

    static boolean markFailed(Connection connection, RoomId roomId, String txnId, String cause) throws SQLException {
        return update(connection, "UPDATE send_queue SET status = 'FAILED', event_id = NULL, failure = ?"
                + " WHERE room_id = ? AND txn_id = ?", cause, roomId.value(), txnId);
    }

    static boolean markPending(Connection connection, RoomId roomId, String txnId) throws SQLException {
        return update(connection, "UPDATE send_queue SET status = 'PENDING', failure = NULL"
                + " WHERE room_id = ? AND txn_id = ? AND status = 'FAILED'", roomId.value(), txnId);
    }

    static boolean remove(Connection connection, RoomId roomId, String txnId) throws SQLException {
        return update(connection, "DELETE FROM send_queue WHERE room_id = ? AND txn_id = ?", roomId.value(), txnId);
    }

    private static boolean update(Connection connection, String sql, String... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            return statement.executeUpdate() > 0;
        }
    }

    private static QueuedSend row(ResultSet row) throws SQLException {
        String redacts = row.getString(6);
        String eventId = row.getString(8);
        return new QueuedSend(RoomId.of(row.getString(2)), row.getString(3), row.getLong(1), row.getString(4),
                Rows.json(row.getString(5), "send_queue"), Optional.ofNullable(redacts).map(EventId::of),
                Status.valueOf(row.getString(7)), Optional.ofNullable(eventId).map(EventId::of),
                Optional.ofNullable(row.getString(9)), row.getLong(10));
    }
}
