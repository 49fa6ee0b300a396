package dev.mxj.store.sqlite;

import dev.mxj.event.EventRegistry;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.StrippedStateEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomMember;
import dev.mxj.store.RoomChanges;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

import static dev.mxj.store.sqlite.RoomTable.KEY_OF;

/**
 * A room's state: {@code room_state} (current state events as raw JSON), {@code stripped_state}
 * and {@code member} (migration 0002). Events read back are re-parsed with
 * {@link EventRegistry#defaults()}. Callers own the transaction.
 */
final class StateTables {
    private static final RowInserts UPSERT_STATE = new RowInserts(
            "INSERT INTO room_state (room_key, type, state_key, event_id, raw)", 5,
            "ON CONFLICT (room_key, type, state_key) DO UPDATE SET event_id = excluded.event_id, raw = excluded.raw");
    private static final String DELETE_STRIPPED = "DELETE FROM stripped_state WHERE room_key = ?";
    private static final String INSERT_STRIPPED = "INSERT INTO stripped_state (room_key, ord, raw) VALUES (?, ?, ?)";
    private static final RowInserts UPSERT_MEMBER = new RowInserts(
            "INSERT INTO member (room_key, user_id, membership, display_name, avatar_url)", 5,
            "ON CONFLICT (room_key, user_id) DO UPDATE SET membership = excluded.membership,"
                    + " display_name = excluded.display_name, avatar_url = excluded.avatar_url");
    private static final String MEMBER_COLUMNS = "SELECT user_id, membership, display_name, avatar_url FROM member";

    private StateTables() {
    }

    /**
     * Upserts the state events and members of {@code changes} and replaces the stripped state. Rows
     * go in many at a time ({@link RowInserts}); a later row for the same key updates an earlier
     * one, as it would one statement later.
     */
    static void save(Statements statements, long roomKey, RoomChanges changes) throws SQLException {
        List<RoomEvent> state = stateEvents(changes.state());
        for (int start = 0, rows; start < state.size(); start += rows) {
            rows = RowInserts.chunk(state.size() - start);
            PreparedStatement upsert = statements.get(UPSERT_STATE.sql(rows));
            int p = 1;
            for (int i = start; i < start + rows; i++) {
                RoomEvent event = state.get(i);
                upsert.setLong(p++, roomKey);
                upsert.setString(p++, event.type());
                upsert.setString(p++, event.stateKey().get());
                upsert.setString(p++, event.eventId().value());
                upsert.setString(p++, event.raw().json());
            }
            upsert.executeUpdate();
        }
        PreparedStatement delete = statements.get(DELETE_STRIPPED);
        delete.setLong(1, roomKey);
        delete.executeUpdate();
        if (!changes.strippedState().isEmpty()) {
            PreparedStatement insert = statements.get(INSERT_STRIPPED);
            int ord = 0;
            for (StrippedStateEvent event : changes.strippedState()) {
                insert.setLong(1, roomKey);
                insert.setInt(2, ord++);
                insert.setString(3, event.raw().json());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        List<RoomMember> members = changes.members();
        for (int start = 0, rows; start < members.size(); start += rows) {
            rows = RowInserts.chunk(members.size() - start);
            PreparedStatement upsert = statements.get(UPSERT_MEMBER.sql(rows));
            int p = 1;
            for (int i = start; i < start + rows; i++) {
                RoomMember member = members.get(i);
                upsert.setLong(p++, roomKey);
                upsert.setString(p++, member.userId().value());
                upsert.setString(p++, member.membership().wire());
                upsert.setString(p++, member.displayName().orElse(null));
                upsert.setString(p++, member.avatarUrl().isPresent() ? member.avatarUrl().get().value() : null);
            }
            upsert.executeUpdate();
        }
    }

    /** The events of {@code events} that have a state key (all of them, normally). */
    private static List<RoomEvent> stateEvents(List<RoomEvent> events) {
        for (RoomEvent event : events) {
            if (event.stateKey().isEmpty()) {
                return events.stream().filter(e -> e.stateKey().isPresent()).toList();
            }
        }
        return events;
    }

    static Optional<RoomEvent> stateEvent(Connection connection, RoomId roomId, String type, String stateKey)
            throws SQLException {
        return Rows.first(connection, "SELECT raw FROM room_state WHERE room_key = " + KEY_OF
                + " AND type = ? AND state_key = ?", StateTables::event, roomId.value(), type, stateKey)
                .flatMap(StateTables::asRoomEvent);
    }

    static List<RoomEvent> stateEvents(Connection connection, RoomId roomId, String type) throws SQLException {
        return Rows.list(connection, "SELECT raw FROM room_state WHERE room_key = " + KEY_OF + " AND type = ?"
                + " ORDER BY state_key", StateTables::event, roomId.value(), type)
                .stream().flatMap(event -> asRoomEvent(event).stream()).toList();
    }

    static List<StrippedStateEvent> strippedState(Connection connection, RoomId roomId) throws SQLException {
        return Rows.list(connection, "SELECT raw FROM stripped_state WHERE room_key = " + KEY_OF + " ORDER BY ord",
                row -> EventRegistry.defaults().parseStripped(Rows.json(row.getString(1), "stripped_state")),
                roomId.value()).stream().flatMap(Optional::stream).toList();
    }

    static List<RoomMember> members(Connection connection, RoomId roomId) throws SQLException {
        return Rows.list(connection, MEMBER_COLUMNS + " WHERE room_key = " + KEY_OF + " ORDER BY user_id",
                StateTables::member, roomId.value());
    }

    static Optional<RoomMember> member(Connection connection, RoomId roomId, UserId userId) throws SQLException {
        return Rows.first(connection, MEMBER_COLUMNS + " WHERE room_key = " + KEY_OF + " AND user_id = ?",
                StateTables::member, roomId.value(), userId.value());
    }

    static void setOptional(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    private static SyncEvent event(ResultSet row) throws SQLException {
        return EventRegistry.defaults().parseRoomEvent(Rows.json(row.getString(1), "room_state"));
    }

    private static Optional<RoomEvent> asRoomEvent(SyncEvent event) {
        return event instanceof RoomEvent roomEvent ? Optional.of(roomEvent) : Optional.empty();
    }

    private static RoomMember member(ResultSet row) throws SQLException {
        try {
            Membership membership = Membership.fromWire(row.getString(2))
                    .orElseThrow(() -> new IllegalArgumentException("unknown membership"));
            return new RoomMember(UserId.of(row.getString(1)), membership, Optional.ofNullable(row.getString(3)),
                    Optional.ofNullable(row.getString(4)).map(MxcUri::of));
        } catch (IllegalArgumentException e) {
            throw Rows.damaged("member", e);
        }
    }
}
