package dev.mxj.store.sqlite;

import dev.mxj.ErrorCode;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import dev.mxj.send.SendFailedException.Reason;
import dev.mxj.store.QueuedSend;
import dev.mxj.store.QueuedSend.Status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/** The {@code send_queue} table (migrations 0003 and 0004). Callers own the transaction. */
final class SendQueueTable {
    private static final String COLUMNS = "seq, room_id, txn_id, event_type, content, redacts, status, event_id,"
            + " failure, created_at, failure_reason, failure_status, failure_errcode, depends_on";

    private SendQueueTable() {
    }

    static QueuedSend enqueue(Connection connection, RoomId roomId, String txnId, String type, RawJson content,
                              Optional<EventId> redacts, long createdAt) throws SQLException {
        return insert(connection, roomId, txnId, type, content, redacts, Optional.empty(), createdAt);
    }

    /** Queues an event that needs {@code parentTxnId}'s event ID; resolved at once if the parent was sent. */
    static Optional<QueuedSend> enqueueDependent(Connection connection, RoomId roomId, String txnId, String parentTxnId,
                                                 String type, RawJson content, long createdAt) throws SQLException {
        Optional<QueuedSend> parent = find(connection, roomId, parentTxnId);
        if (parent.isEmpty()) {
            return Optional.empty();
        }
        QueuedSend entry = insert(connection, roomId, txnId, type, content, Optional.empty(), Optional.of(parentTxnId),
                createdAt);
        if (parent.get().status() == Status.SENT) {
            entry = entry.resolvedWith(parent.get().eventId().orElseThrow());
            resolve(connection, entry);
        }
        return Optional.of(entry);
    }

    private static QueuedSend insert(Connection connection, RoomId roomId, String txnId, String type, RawJson content,
                                     Optional<EventId> redacts, Optional<String> dependsOn, long createdAt)
            throws SQLException {
        if (Rows.first(connection, "SELECT 1 FROM send_queue WHERE txn_id = ?", row -> 1, txnId).isPresent()) {
            throw new IllegalArgumentException("The send queue already holds transaction " + txnId);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO send_queue (room_id, txn_id,"
                + " event_type, content, redacts, depends_on, status, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?)")) {
            insert.setString(1, roomId.value());
            insert.setString(2, txnId);
            insert.setString(3, type);
            insert.setString(4, content.json());
            insert.setString(5, redacts.map(EventId::value).orElse(null));
            insert.setString(6, dependsOn.orElse(null));
            insert.setLong(7, createdAt);
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
                + " AND status IN ('PENDING', 'FAILED')", content.json(), roomId.value(), txnId);
    }

    /** Marks the event sent and resolves the entries waiting for its event ID. */
    static boolean markSent(Connection connection, RoomId roomId, String txnId, EventId eventId) throws SQLException {
        boolean marked = update(connection, "UPDATE send_queue SET status = 'SENT', event_id = ?, failure = NULL,"
                + " failure_reason = NULL, failure_status = NULL, failure_errcode = NULL"
                + " WHERE room_id = ? AND txn_id = ?", eventId.value(), roomId.value(), txnId);
        if (marked) {
            List<QueuedSend> waiting = Rows.list(connection, "SELECT " + COLUMNS + " FROM send_queue"
                    + " WHERE depends_on = ? AND room_id = ?", SendQueueTable::row, txnId, roomId.value());
            for (QueuedSend entry : waiting) {
                resolve(connection, entry.resolvedWith(eventId));
            }
        }
        return marked;
    }

    private static void resolve(Connection connection, QueuedSend resolved) throws SQLException {
        update(connection, "UPDATE send_queue SET content = ?, redacts = ?, depends_on = NULL WHERE txn_id = ?",
                resolved.content().json(), resolved.redacts().map(EventId::value).orElse(null),
                resolved.transactionId());
    }

    static boolean markFailed(Connection connection, RoomId roomId, String txnId, QueuedSend.Failure failure)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE send_queue SET status = 'FAILED',"
                + " event_id = NULL, failure = ?, failure_reason = ?, failure_status = ?, failure_errcode = ?"
                + " WHERE room_id = ? AND txn_id = ?")) {
            statement.setString(1, failure.message());
            statement.setString(2, failure.reason().name());
            if (failure.httpStatus().isPresent()) {
                statement.setInt(3, failure.httpStatus().get());
            } else {
                statement.setNull(3, Types.INTEGER);
            }
            statement.setString(4, failure.errorCode().map(ErrorCode::value).orElse(null));
            statement.setString(5, roomId.value());
            statement.setString(6, txnId);
            return statement.executeUpdate() > 0;
        }
    }

    static boolean markPending(Connection connection, RoomId roomId, String txnId) throws SQLException {
        return update(connection, "UPDATE send_queue SET status = 'PENDING', failure = NULL, failure_reason = NULL,"
                + " failure_status = NULL, failure_errcode = NULL"
                + " WHERE room_id = ? AND txn_id = ? AND status = 'FAILED'", roomId.value(), txnId);
    }

    /** Removes the event and, transitively, the entries that still wait for it. */
    static boolean remove(Connection connection, RoomId roomId, String txnId) throws SQLException {
        boolean removed = update(connection, "DELETE FROM send_queue WHERE room_id = ? AND txn_id = ?",
                roomId.value(), txnId);
        if (removed) {
            for (String waiting : Rows.list(connection, "SELECT txn_id FROM send_queue WHERE depends_on = ?",
                    row -> row.getString(1), txnId)) {
                remove(connection, roomId, waiting);
            }
        }
        return removed;
    }

    private static Optional<QueuedSend> find(Connection connection, RoomId roomId, String txnId) throws SQLException {
        return Rows.first(connection, "SELECT " + COLUMNS + " FROM send_queue WHERE room_id = ? AND txn_id = ?",
                SendQueueTable::row, roomId.value(), txnId);
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
                Optional.ofNullable(row.getString(14)), Status.valueOf(row.getString(7)),
                Optional.ofNullable(eventId).map(EventId::of), failure(row), row.getLong(10));
    }

    /** The failure of a FAILED row; one failed before migration 0004 has only its message (reason OTHER). */
    private static Optional<QueuedSend.Failure> failure(ResultSet row) throws SQLException {
        String message = row.getString(9);
        if (message == null) {
            return Optional.empty();
        }
        String reason = row.getString(11);
        int status = row.getInt(12);
        Optional<Integer> httpStatus = row.wasNull() ? Optional.empty() : Optional.of(status);
        return Optional.of(new QueuedSend.Failure(reason(reason), message, httpStatus,
                Optional.ofNullable(row.getString(13)).map(ErrorCode::of)));
    }

    private static Reason reason(String name) {
        if (name == null) {
            return Reason.OTHER;
        }
        try {
            return Reason.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Reason.OTHER; // written by a newer mxj that knows more reasons
        }
    }
}
