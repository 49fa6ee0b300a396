package dev.mxj.store.sqlite;

import dev.mxj.event.BasicEvent;
import dev.mxj.event.EventRegistry;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Receipt;
import dev.mxj.store.RoomChanges;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static dev.mxj.store.sqlite.RoomTable.KEY_OF;

/**
 * What a room has besides state and timeline: {@code receipt}, {@code typing} and
 * {@code room_account_data} (migration 0002). Callers own the transaction.
 */
final class RoomDataTables {
    /** {@code receipt.thread_id} of an unthreaded receipt. */
    static final String UNTHREADED = "";

    private static final String UPSERT_RECEIPT = "INSERT INTO receipt (room_key, receipt_type, thread_id, user_id,"
            + " event_id, ts) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (room_key, receipt_type, thread_id, user_id)"
            + " DO UPDATE SET event_id = excluded.event_id, ts = excluded.ts";
    private static final String DELETE_TYPING = "DELETE FROM typing WHERE room_key = ?";
    private static final String INSERT_TYPING = "INSERT INTO typing (room_key, ord, user_id) VALUES (?, ?, ?)";
    private static final String UPSERT_ACCOUNT_DATA = "INSERT INTO room_account_data (room_key, type, raw)"
            + " VALUES (?, ?, ?) ON CONFLICT (room_key, type) DO UPDATE SET raw = excluded.raw";

    private RoomDataTables() {
    }

    /** Upserts receipts and account data, and replaces the typing users if an m.typing arrived. */
    static void save(Statements statements, long roomKey, RoomChanges changes) throws SQLException {
        if (!changes.receipts().isEmpty()) {
            PreparedStatement upsert = statements.get(UPSERT_RECEIPT);
            for (Receipt receipt : changes.receipts()) {
                upsert.setLong(1, roomKey);
                upsert.setString(2, receipt.receiptType());
                upsert.setString(3, receipt.threadId().orElse(UNTHREADED));
                upsert.setString(4, receipt.userId().value());
                upsert.setString(5, receipt.eventId().value());
                upsert.setLong(6, receipt.timestamp());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        if (changes.typing().isPresent()) {
            PreparedStatement delete = statements.get(DELETE_TYPING);
            delete.setLong(1, roomKey);
            delete.executeUpdate();
            if (!changes.typing().get().isEmpty()) {
                PreparedStatement insert = statements.get(INSERT_TYPING);
                int ord = 0;
                for (UserId user : changes.typing().get()) {
                    insert.setLong(1, roomKey);
                    insert.setInt(2, ord++);
                    insert.setString(3, user.value());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        if (!changes.accountData().isEmpty()) {
            PreparedStatement upsert = statements.get(UPSERT_ACCOUNT_DATA);
            for (BasicEvent event : changes.accountData()) {
                upsert.setLong(1, roomKey);
                upsert.setString(2, event.type());
                upsert.setString(3, event.raw().json());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    static List<Receipt> receipts(Connection connection, RoomId roomId) throws SQLException {
        return Rows.list(connection, "SELECT event_id, receipt_type, user_id, thread_id, ts FROM receipt"
                + " WHERE room_key = " + KEY_OF, RoomDataTables::receipt, roomId.value());
    }

    static List<UserId> typing(Connection connection, RoomId roomId) throws SQLException {
        return Rows.list(connection, "SELECT user_id FROM typing WHERE room_key = " + KEY_OF + " ORDER BY ord",
                row -> userId(row.getString(1), "typing"), roomId.value());
    }

    static Optional<BasicEvent> accountData(Connection connection, RoomId roomId, String type) throws SQLException {
        return Rows.first(connection, "SELECT raw FROM room_account_data WHERE room_key = " + KEY_OF
                        + " AND type = ?", row -> Rows.json(row.getString(1), "room_account_data"),
                        roomId.value(), type)
                .flatMap(raw -> EventRegistry.defaults().parseBasic(raw));
    }

    private static Receipt receipt(ResultSet row) throws SQLException {
        try {
            String thread = row.getString(4);
            return new Receipt(EventId.of(row.getString(1)), row.getString(2), UserId.of(row.getString(3)),
                    UNTHREADED.equals(thread) ? Optional.empty() : Optional.of(thread), row.getLong(5));
        } catch (IllegalArgumentException e) {
            throw Rows.damaged("receipt", e);
        }
    }

    static UserId userId(String value, String table) {
        try {
            return UserId.of(value);
        } catch (IllegalArgumentException e) {
            throw Rows.damaged(table, e);
        }
    }
}
