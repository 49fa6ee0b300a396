package dev.mxj.store.sqlite;

import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes one {@link StateChanges} inside the caller's transaction: each room (its row, state,
 * timeline, receipts, typing, account data), then global data, then the sync token. Each SQL
 * statement is prepared once per sync, and rows go in many per statement ({@link RowInserts}).
 *
 * <p>The caller runs it with SQLite's foreign-key checks off
 * ({@link SqliteDatabase#writeWithoutForeignKeyChecks}): every row of a room's tables is written
 * with the key that upserting the room's row returned in this same transaction, so the parent
 * exists, and nothing here deletes a room. Keep it that way when adding tables.
 */
final class SyncWriter {
    private SyncWriter() {
    }

    /** Writes {@code changes} with {@code connection}, which must be in a write transaction. */
    static void write(Connection connection, StateChanges changes) throws SQLException {
        try (Statements statements = new Statements(connection)) {
            for (RoomChanges room : changes.rooms()) {
                RoomTable.Row row = RoomTable.upsert(statements, room.info());
                StateTables.save(statements, row.key(), room);
                long next = TimelineTables.append(statements, row.key(), row.nextPosition(), room);
                if (next != row.nextPosition()) {
                    RoomTable.setNextPosition(statements, row.key(), next);
                }
                RoomDataTables.save(statements, row.key(), room);
            }
            GlobalTables.save(statements, changes);
        }
    }

    /** How many timeline events {@code changes} holds, for logs. */
    static int timelineEvents(StateChanges changes) {
        int events = 0;
        for (RoomChanges room : changes.rooms()) {
            events += room.timeline().size();
        }
        return events;
    }
}
