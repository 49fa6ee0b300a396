package dev.mxj.store.sqlite;

import dev.mxj.StoreException;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomMember;
import dev.mxj.store.StoredEvent;
import dev.mxj.testing.SyncBuilders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sqlite.SQLiteConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.mxj.testing.SyncBuilders.ALICE;
import static dev.mxj.testing.SyncBuilders.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sync writer's many-rows-per-statement inserts ({@link RowInserts}) against the rules the
 * one-row statements had, around and across the statement boundaries, and its transaction without
 * foreign-key checks: the checks are back on afterwards, also after a failed save, and the saved
 * rows break no foreign key.
 */
class SqliteSyncWriteTest {
    private static final RoomId ROOM = SyncBuilders.room(1);

    @TempDir
    Path dir;

    @Test
    void timelineRowsKeepOrderPositionsAndFirstCopyAcrossStatementBoundaries() {
        int count = 2 * RowInserts.MAX_ROWS + 7;
        List<SyncEvent> timeline = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            timeline.add(SyncBuilders.message("e" + i, ALICE, "message " + i));
        }
        // Repeats inside the first statement, across a boundary, and of the first event at the end.
        timeline.set(5, SyncBuilders.message("e2", ALICE, "second copy of e2"));
        timeline.set(RowInserts.MAX_ROWS + 1, SyncBuilders.message("e3", ALICE, "second copy of e3"));
        timeline.set(count - 1, SyncBuilders.message("e0", ALICE, "second copy of e0"));
        // Events without an ID are all kept (NULLs are distinct).
        timeline.set(10, SyncBuilders.malformed("no id 1"));
        timeline.set(RowInserts.MAX_ROWS, SyncBuilders.malformed("no id 2"));

        try (SqliteStore store = SqliteStore.open(dir.resolve("timeline.db"))) {
            store.apply(SyncBuilders.sync("s1").room(SyncBuilders.roomChanges(ROOM).timeline(timeline)).build());
            List<StoredEvent> stored = store.latestEvents(ROOM, 1_000);
            assertEquals(count - 3, stored.size());
            long previous = 0;
            int next = 0;
            for (StoredEvent event : stored) {
                while (next == 5 || next == RowInserts.MAX_ROWS + 1 || next == count - 1) {
                    next++; // the repeats were skipped, leaving holes in the positions
                }
                assertEquals(next + 1, event.position(), "position of the event sent at " + next);
                assertEquals(timeline.get(next).raw().json(), event.event().raw().json());
                assertTrue(event.position() > previous);
                previous = event.position();
                next++;
            }
            assertEquals("message 2", store.event(ROOM, SyncBuilders.id("e2")).orElseThrow().event().raw()
                    .object("content").orElseThrow().string("body").orElseThrow());

            // The next sync goes on after the last position taken, holes included.
            store.apply(SyncBuilders.sync("s2").room(SyncBuilders.roomChanges(ROOM)
                    .timeline(SyncBuilders.message("later", ALICE, "later"))).build());
            assertEquals(count + 1, store.latestEvents(ROOM, 1).get(0).position());
            assertNoForeignKeyProblems(store);
        }
    }

    @Test
    void stateAndMemberRowsLastOneWinsAcrossStatementBoundaries() {
        int count = RowInserts.MAX_ROWS + 9;
        List<RoomEvent> state = new ArrayList<>();
        List<RoomMember> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UserId user = UserId.of("@user" + i + ":example.org");
            state.add(SyncBuilders.memberEvent("m" + i, user, Membership.JOIN, "User " + i));
            members.add(SyncBuilders.member(user, Membership.JOIN, "User " + i));
        }
        UserId zero = UserId.of("@user0:example.org");
        state.add(SyncBuilders.memberEvent("m0-left", zero, Membership.LEAVE, "User 0 again"));
        members.add(new RoomMember(zero, Membership.LEAVE, Optional.empty(), Optional.empty()));
        state.add(SyncBuilders.state("custom", "org.example.custom", "", ALICE, obj("n", 1)));

        try (SqliteStore store = SqliteStore.open(dir.resolve("state.db"))) {
            store.apply(SyncBuilders.sync("s1").room(SyncBuilders.roomChanges(ROOM)
                    .state(state.toArray(RoomEvent[]::new)).members(members.toArray(RoomMember[]::new))).build());
            assertEquals(count, store.stateEvents(ROOM, "m.room.member").size());
            assertEquals(SyncBuilders.id("m0-left"),
                    store.stateEvent(ROOM, "m.room.member", zero.value()).orElseThrow().eventId());
            assertEquals(SyncBuilders.id("m7"), store.stateEvent(ROOM, "m.room.member", "@user7:example.org")
                    .orElseThrow().eventId());
            assertTrue(store.stateEvent(ROOM, "org.example.custom", "").isPresent());
            assertEquals(count, store.members(ROOM).size());
            assertEquals(new RoomMember(zero, Membership.LEAVE, Optional.empty(), Optional.empty()),
                    store.member(ROOM, zero).orElseThrow());
            assertEquals(Optional.of("User 8"), store.member(ROOM, UserId.of("@user8:example.org"))
                    .orElseThrow().displayName());
            assertNoForeignKeyProblems(store);
        }
    }

    @Test
    void foreignKeyChecksAreBackOnAfterAFailedSave() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("failed.db"))) {
            store.database().write("add a test trigger", connection -> {
                SqliteDatabase.execute(connection, "CREATE TRIGGER reject_event BEFORE INSERT ON timeline_event"
                        + " WHEN NEW.event_id = '$bad' BEGIN SELECT RAISE(ABORT, 'rejected by a test'); END");
                return null;
            });
            assertThrows(StoreException.class, () -> store.apply(SyncBuilders.sync("s1")
                    .room(SyncBuilders.roomChanges(ROOM).timeline(SyncBuilders.message("bad", ALICE, "x"))).build()));
            assertTrue(store.rooms().isEmpty());
            assertEquals(1L, (long) store.database().write("read the setting",
                    connection -> longValue(connection, "PRAGMA foreign_keys")));
            // With the checks on, a row under a room that does not exist is refused.
            StoreException refused = assertThrows(StoreException.class, () -> store.database().write("orphan",
                    connection -> {
                        SqliteDatabase.execute(connection, "INSERT INTO typing (room_key, ord, user_id)"
                                + " VALUES (424242, 0, '@a:b')");
                        return null;
                    }));
            assertTrue(String.valueOf(refused.getCause()).contains("FOREIGN KEY"), String.valueOf(refused.getCause()));
        }
    }

    @Test
    void theDriverTracksNoGeneratedKeys() {
        // With tracking on, sqlite-jdbc runs SELECT last_insert_rowid() after every INSERT.
        try (SqliteStore store = SqliteStore.open(dir.resolve("keys.db"))) {
            for (boolean writer : new boolean[] {true, false}) {
                SqliteDatabase.SqlWork<Boolean> tracking = connection -> connection.unwrap(SQLiteConnection.class)
                        .getConnectionConfig().isGetGeneratedKeys();
                assertEquals(false, writer ? store.database().write("read the setting", tracking)
                        : store.database().read("read the setting", tracking));
            }
            store.apply(SyncBuilders.sync("s1").room(SyncBuilders.roomChanges(ROOM)
                    .timeline(SyncBuilders.message("m1", ALICE, "x"))).build());
            assertEquals(1, store.latestEvents(ROOM, 10).size());
        }
    }

    private static void assertNoForeignKeyProblems(SqliteStore store) {
        assertEquals(1L, (long) store.database().write("read the setting",
                connection -> longValue(connection, "PRAGMA foreign_keys")));
        int problems = store.database().read("check foreign keys", connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("PRAGMA foreign_key_check")) {
                int n = 0;
                while (rows.next()) {
                    n++;
                }
                return n;
            }
        });
        assertEquals(0, problems);
    }

    private static long longValue(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
