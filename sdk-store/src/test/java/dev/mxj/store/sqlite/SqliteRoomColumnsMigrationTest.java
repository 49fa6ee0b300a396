package dev.mxj.store.sqlite;

import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Hero;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.Tombstone;
import dev.mxj.room.UnreadCounts;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Migration 0005: rooms saved by schema 4 as one JSON text each (the format RoomInfoCodec wrote)
 * read back with every field once they are in columns; new saves round-trip too.
 */
class SqliteRoomColumnsMigrationTest {
    private static final String FULL = "{\"format\":1,\"room_id\":\"!full:example.org\",\"membership\":\"join\","
            + "\"name\":\"The room\",\"topic\":\"Things\",\"avatar_url\":\"mxc://example.org/avatar\","
            + "\"canonical_alias\":\"#room:example.org\",\"alt_aliases\":[\"#other:example.org\"],"
            + "\"join_rule\":\"public\",\"history_visibility\":\"shared\","
            + "\"encryption_algorithm\":\"m.megolm.v1.aes-sha2\",\"room_version\":\"11\",\"room_type\":\"m.space\","
            + "\"tombstone\":{\"body\":\"moved\",\"replacement_room\":\"!new:example.org\"},"
            + "\"joined_member_count\":3,\"invited_member_count\":1,"
            + "\"heroes\":[{\"user_id\":\"@bob:example.org\",\"displayname\":\"Bob\","
            + "\"avatar_url\":\"mxc://example.org/bob\"},{\"user_id\":\"@carol:example.org\"}],"
            + "\"unread\":{\"notifications\":5,\"highlights\":2},"
            + "\"thread_unread\":{\"$root\":{\"notifications\":1,\"highlights\":1}},"
            + "\"latest_event_id\":\"$latest\",\"latest_activity_ts\":1700000000000}";
    private static final String MINIMAL = "{\"format\":1,\"room_id\":\"!min:example.org\",\"membership\":\"invite\","
            + "\"alt_aliases\":[],\"room_version\":\"10\",\"joined_member_count\":0,\"invited_member_count\":0,"
            + "\"heroes\":[],\"unread\":{\"notifications\":0,\"highlights\":0},\"thread_unread\":{},"
            + "\"latest_activity_ts\":5}";

    @TempDir
    Path dir;

    @Test
    void schemaFourRoomsKeepEveryFieldInColumns() throws Exception {
        Path file = dir.resolve("schema-4.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (int i = 0; i < 4; i++) {
                s.executeUpdate(Migrations.script(Migrations.FILES.get(i)));
            }
            s.executeUpdate("PRAGMA user_version = 4");
            s.executeUpdate("INSERT INTO room (room_id, membership, latest_activity_ts, info) VALUES"
                    + " ('!full:example.org', 'join', 1700000000000, '" + FULL + "'),"
                    + " ('!min:example.org', 'invite', 5, '" + MINIMAL + "')");
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            assertEquals(Optional.of(full()), store.room(RoomId.of("!full:example.org")));
            assertEquals(Optional.of(minimal()), store.room(RoomId.of("!min:example.org")));
            assertEquals(2, store.rooms().size());
        }
    }

    @Test
    void everyFieldRoundTripsThroughTheColumns() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("new.db"))) {
            RoomInfo renamed = full().toBuilder().name(Optional.of("Renamed")).heroes(List.of())
                    .threadUnread(Map.of()).altAliases(List.of()).tombstone(Optional.empty()).build();
            for (RoomInfo info : List.of(full(), minimal(), renamed)) {
                store.apply(new StateChanges("s1", List.of(new RoomChanges(info, List.of(), List.of(), List.of(),
                        false, Optional.empty(), List.of(), List.of(), Optional.empty(), List.of())), List.of(),
                        Map.of(), List.of(), Set.of(), Set.of(), Map.of(), Optional.empty()));
                assertEquals(Optional.of(info), store.room(info.roomId()));
            }
        }
    }

    static RoomInfo full() {
        return RoomInfo.empty(RoomId.of("!full:example.org"), Membership.JOIN).toBuilder()
                .name(Optional.of("The room")).topic(Optional.of("Things"))
                .avatarUrl(Optional.of(MxcUri.of("mxc://example.org/avatar")))
                .canonicalAlias(Optional.of(RoomAlias.of("#room:example.org")))
                .altAliases(List.of(RoomAlias.of("#other:example.org")))
                .joinRule(Optional.of("public")).historyVisibility(Optional.of("shared"))
                .encryptionAlgorithm(Optional.of("m.megolm.v1.aes-sha2")).roomVersion("11")
                .roomType(Optional.of("m.space"))
                .tombstone(Optional.of(new Tombstone("moved", RoomId.of("!new:example.org"))))
                .joinedMemberCount(3).invitedMemberCount(1)
                .heroes(List.of(new Hero(UserId.of("@bob:example.org"), Optional.of("Bob"),
                                Optional.of(MxcUri.of("mxc://example.org/bob"))),
                        new Hero(UserId.of("@carol:example.org"), Optional.empty(), Optional.empty())))
                .unread(new UnreadCounts(5, 2))
                .threadUnread(Map.of(EventId.of("$root"), new UnreadCounts(1, 1)))
                .latestEventId(Optional.of(EventId.of("$latest"))).latestActivityTs(1700000000000L)
                .build();
    }

    static RoomInfo minimal() {
        return RoomInfo.empty(RoomId.of("!min:example.org"), Membership.INVITE).toBuilder()
                .roomVersion("10").latestActivityTs(5).build();
    }
}
