package dev.mxj.store.sqlite;

import dev.mxj.id.RoomId;
import dev.mxj.room.RoomInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The {@code room} table (migrations 0002 and 0005): one row per room with its {@link RoomInfo} in
 * columns ({@link RoomColumns}) and the short {@code room_key} every other room table is keyed by.
 * Callers own the transaction.
 */
final class RoomTable {
    /** SQL for the key of the room whose ID is bound at this {@code ?}. */
    static final String KEY_OF = "(SELECT room_key FROM room WHERE room_id = ?)";

    private static final String UPSERT = "INSERT INTO room (" + RoomColumns.NAMES + ") VALUES ("
            + String.join(", ", Collections.nCopies(RoomColumns.COUNT, "?")) + ") ON CONFLICT (room_id) DO UPDATE SET "
            + updateAll() + " RETURNING room_key, next_position";
    private static final String SET_NEXT_POSITION = "UPDATE room SET next_position = ? WHERE room_key = ?";
    /** One packed value per room ({@link PackedRow}): a cold start's room list reads 1,000 rows. */
    private static final String SELECT = "SELECT " + PackedRow.select(RoomColumns.COLUMNS) + " FROM room";

    /** A room's key and the position its next timeline event gets. */
    record Row(long key, long nextPosition) {
    }

    private RoomTable() {
    }

    /** Saves {@code info}, replacing the stored one, and returns the room's row. */
    static Row upsert(Statements statements, RoomInfo info) throws SQLException {
        PreparedStatement upsert = statements.get(UPSERT);
        RoomColumns.bind(upsert, info);
        try (ResultSet row = upsert.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("Saving room " + info.roomId() + " returned no row");
            }
            return new Row(row.getLong(1), row.getLong(2));
        }
    }

    static void setNextPosition(Statements statements, long roomKey, long nextPosition) throws SQLException {
        PreparedStatement update = statements.get(SET_NEXT_POSITION);
        update.setLong(1, nextPosition);
        update.setLong(2, roomKey);
        update.executeUpdate();
    }

    static List<RoomInfo> all(Connection connection) throws SQLException {
        return Rows.list(connection, SELECT, RoomTable::info);
    }

    static Optional<RoomInfo> find(Connection connection, RoomId roomId) throws SQLException {
        return Rows.first(connection, SELECT + " WHERE room_id = ?", RoomTable::info, roomId.value());
    }

    private static RoomInfo info(ResultSet row) throws SQLException {
        try {
            return RoomColumns.read(PackedRow.unpack(row.getBytes(1), RoomColumns.COUNT));
        } catch (IllegalArgumentException e) {
            throw Rows.damaged("room", e);
        }
    }

    /** {@code a = excluded.a, ...} for every column but the room ID. */
    private static String updateAll() {
        StringBuilder sql = new StringBuilder();
        for (String name : RoomColumns.COLUMNS) {
            if (!name.equals("room_id")) {
                sql.append(sql.length() == 0 ? "" : ", ").append(name).append(" = excluded.").append(name);
            }
        }
        return sql.toString();
    }
}
