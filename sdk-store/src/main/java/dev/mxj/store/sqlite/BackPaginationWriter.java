package dev.mxj.store.sqlite;

import dev.mxj.event.SyncEvent;
import dev.mxj.id.RoomId;
import dev.mxj.store.StoredEvent;
import dev.mxj.store.TimelineGap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Saves a page of back-paginated events before a gap, as
 * {@link dev.mxj.store.StateStore#applyBackPagination} documents. When the gap has no free
 * positions left, events and gaps at or after it move up past {@code next_position} (no
 * collisions on the way, so plain UPDATEs do), which keeps their order. No schema change was
 * needed. Callers own the transaction.
 */
final class BackPaginationWriter {
    private BackPaginationWriter() {
    }

    static List<StoredEvent> write(Connection connection, RoomId roomId, TimelineGap gap, List<SyncEvent> newestFirst,
                                   Optional<String> nextPrevBatch, boolean reachedStart) throws SQLException {
        long gapAt = gap.beforePosition();
        Optional<long[]> room = Rows.first(connection, "SELECT r.room_key, r.next_position FROM room r"
                        + " JOIN timeline_gap g ON g.room_key = r.room_key WHERE r.room_id = ? AND g.before_position = ?",
                row -> new long[] {row.getLong(1), row.getLong(2)}, roomId.value(), gapAt);
        if (room.isEmpty()) {
            return List.of();
        }
        long key = room.get()[0];
        long next = room.get()[1];
        List<SyncEvent> fresh = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean closed = false;
        for (SyncEvent event : newestFirst) {
            Optional<String> id = TimelineTables.eventId(event);
            if (id.isPresent()) {
                Optional<Long> known = Rows.first(connection, "SELECT position FROM timeline_event"
                        + " WHERE room_key = ? AND event_id = ?", row -> row.getLong(1), key, id.get());
                if (known.isPresent() && known.get() < gapAt) {
                    closed = true;
                    break;
                }
                if (known.isPresent() || !seen.add(id.get())) {
                    continue;
                }
            }
            fresh.add(event);
        }
        Optional<Long> before = Rows.first(connection, "SELECT position FROM timeline_event"
                + " WHERE room_key = ? AND position < ? ORDER BY position DESC LIMIT 1", row -> row.getLong(1), key,
                gapAt);
        long free = before.map(p -> gapAt - p - 1).orElse(Long.MAX_VALUE);
        long shift = fresh.size() > free ? Math.max(next - gapAt, fresh.size() - free) : 0;
        update(connection, "DELETE FROM timeline_gap WHERE room_key = ? AND before_position = ?", key, gapAt);
        if (shift > 0) {
            update(connection, "UPDATE timeline_event SET position = position + ? WHERE room_key = ? AND position >= ?",
                    shift, key, gapAt);
            update(connection, "UPDATE timeline_gap SET before_position = before_position + ?"
                    + " WHERE room_key = ? AND before_position > ?", shift, key, gapAt);
            update(connection, "UPDATE room SET next_position = next_position + ? WHERE room_key = ?", shift, key);
        }
        long newGapAt = gapAt + shift;
        List<StoredEvent> stored = new ArrayList<>(fresh.size());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO timeline_event"
                + " (room_key, position, event_id, raw) VALUES (?, ?, ?, ?)")) {
            for (int i = fresh.size() - 1; i >= 0; i--) {
                SyncEvent event = fresh.get(i);
                long position = newGapAt - 1 - i;
                insert.setLong(1, key);
                insert.setLong(2, position);
                StateTables.setOptional(insert, 3, TimelineTables.eventId(event));
                insert.setString(4, event.raw().json());
                insert.addBatch();
                stored.add(new StoredEvent(position, event));
            }
            insert.executeBatch();
        }
        if (!closed && !reachedStart && nextPrevBatch.isPresent()) {
            update(connection, "INSERT INTO timeline_gap (room_key, before_position, prev_batch) VALUES (?, ?, ?)",
                    key, newGapAt - fresh.size(), nextPrevBatch.get());
        }
        return List.copyOf(stored);
    }

    private static void update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }
}
