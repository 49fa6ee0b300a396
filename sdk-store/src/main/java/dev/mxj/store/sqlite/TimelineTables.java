package dev.mxj.store.sqlite;

import dev.mxj.event.EventRegistry;
import dev.mxj.event.MalformedEvent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StoredEvent;
import dev.mxj.store.TimelineGap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static dev.mxj.store.sqlite.RoomTable.KEY_OF;

/**
 * A room's stored timeline: {@code timeline_event} and {@code timeline_gap} (migration 0002).
 * Every event of a sync takes the room's next position; an event whose ID the room already has
 * is not stored again and keeps its first position, leaving a hole in the numbering. Events read
 * back are re-parsed with {@link EventRegistry#defaults()}. Callers own the transaction.
 */
final class TimelineTables {
    private static final RowInserts INSERT_EVENTS = new RowInserts(
            "INSERT INTO timeline_event (room_key, position, event_id, raw)", 4,
            "ON CONFLICT (room_key, event_id) DO NOTHING");
    private static final String UPSERT_GAP = "INSERT INTO timeline_gap (room_key, before_position, prev_batch)"
            + " VALUES (?, ?, ?) ON CONFLICT (room_key, before_position)"
            + " DO UPDATE SET prev_batch = excluded.prev_batch";
    private static final String EVENTS_BEFORE = "SELECT position, raw FROM timeline_event WHERE room_key = " + KEY_OF
            + " AND position < ? ORDER BY position DESC LIMIT ?";

    private TimelineTables() {
    }

    /**
     * Appends the timeline of {@code changes} from position {@code next}, and records a gap before
     * it if the server left events out. Returns the room's next position after these events.
     */
    static long append(Statements statements, long roomKey, long next, RoomChanges changes) throws SQLException {
        long position = next;
        List<SyncEvent> events = changes.timeline();
        // Many rows per statement; a later row whose event ID an earlier one had is skipped, as it
        // would be one statement later.
        for (int start = 0, rows; start < events.size(); start += rows) {
            rows = RowInserts.chunk(events.size() - start);
            PreparedStatement insert = statements.get(INSERT_EVENTS.sql(rows));
            bindRows(insert, events, start, rows, roomKey, position);
            position += rows;
            insert.executeUpdate();
        }
        if (changes.limited() && changes.prevBatch().isPresent()) {
            PreparedStatement gap = statements.get(UPSERT_GAP);
            gap.setLong(1, roomKey);
            gap.setLong(2, next);
            gap.setString(3, changes.prevBatch().get());
            gap.executeUpdate();
        }
        return position;
    }

    /**
     * Binds {@code rows} events from {@code start} at positions from {@code position}. A method of
     * its own so that the JIT compiles this loop small, instead of recompiling all of
     * {@link #append} with the driver's statement code inlined while the first big sync runs.
     */
    private static void bindRows(PreparedStatement insert, List<SyncEvent> events, int start, int rows, long roomKey,
                                 long position) throws SQLException {
        int p = 1;
        for (int i = 0; i < rows; i++) {
            SyncEvent event = events.get(start + i);
            insert.setLong(p++, roomKey);
            insert.setLong(p++, position + i);
            insert.setString(p++, eventIdOrNull(event));
            insert.setString(p++, event.raw().json());
        }
    }

    /** {@link #eventId}, or null (a NULL column). */
    private static String eventIdOrNull(SyncEvent event) {
        if (event instanceof RoomEvent roomEvent) {
            return roomEvent.eventId().value();
        }
        return ((MalformedEvent) event).eventId().orElse(null);
    }

    /** The ID an event is deduplicated by: its {@code event_id}, even in a malformed event. */
    static Optional<String> eventId(SyncEvent event) {
        if (event instanceof RoomEvent roomEvent) {
            return Optional.of(roomEvent.eventId().value());
        }
        return ((MalformedEvent) event).eventId();
    }

    /** Up to {@code limit} events before {@code position}, oldest first. */
    static List<StoredEvent> eventsBefore(Connection connection, RoomId roomId, long position, int limit)
            throws SQLException {
        List<StoredEvent> newestFirst = Rows.list(connection, EVENTS_BEFORE, TimelineTables::stored, roomId.value(),
                position, limit);
        List<StoredEvent> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return Collections.unmodifiableList(oldestFirst);
    }

    static Optional<StoredEvent> event(Connection connection, RoomId roomId, EventId eventId) throws SQLException {
        return Rows.first(connection, "SELECT position, raw FROM timeline_event WHERE room_key = " + KEY_OF
                + " AND event_id = ?", TimelineTables::stored, roomId.value(), eventId.value());
    }

    static List<TimelineGap> gaps(Connection connection, RoomId roomId) throws SQLException {
        return Rows.list(connection, "SELECT before_position, prev_batch FROM timeline_gap WHERE room_key = " + KEY_OF
                        + " ORDER BY before_position", row -> new TimelineGap(row.getLong(1), row.getString(2)),
                roomId.value());
    }

    private static StoredEvent stored(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong(1),
                EventRegistry.defaults().parseRoomEvent(Rows.json(row.getString(2), "timeline_event")));
    }
}
