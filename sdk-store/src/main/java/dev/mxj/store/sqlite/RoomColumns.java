package dev.mxj.store.sqlite;

import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.room.Hero;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.Tombstone;
import dev.mxj.room.UnreadCounts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RoomInfo} as the columns of the {@code room} table (migration 0005). Scalars are columns;
 * the lists and maps that are usually empty ({@code alt_aliases}, {@code heroes},
 * {@code thread_unread}) are small JSON texts, NULL when empty, so reading the room list parses
 * no JSON for most rooms.
 */
final class RoomColumns {
    /** The columns, in the order {@link #bind} binds and {@link #read} reads them. */
    static final String NAMES = "room_id, membership, latest_activity_ts, name, topic, avatar_url, canonical_alias,"
            + " alt_aliases, join_rule, history_visibility, encryption_algorithm, room_version, room_type,"
            + " tombstone_body, tombstone_room, joined_member_count, invited_member_count, heroes,"
            + " unread_notifications, unread_highlights, thread_unread, latest_event_id";
    static final int COUNT = 22;

    private RoomColumns() {
    }

    /** Binds {@code info} to parameters 1 to {@link #COUNT}. */
    static void bind(PreparedStatement statement, RoomInfo info) throws SQLException {
        statement.setString(1, info.roomId().value());
        statement.setString(2, info.membership().wire());
        statement.setLong(3, info.latestActivityTs());
        statement.setString(4, info.name().orElse(null));
        statement.setString(5, info.topic().orElse(null));
        statement.setString(6, info.avatarUrl().map(MxcUri::value).orElse(null));
        statement.setString(7, info.canonicalAlias().map(RoomAlias::value).orElse(null));
        statement.setString(8, info.altAliases().isEmpty() ? null
                : RawJson.ofTree(info.altAliases().stream().map(RoomAlias::value).toList()).json());
        statement.setString(9, info.joinRule().orElse(null));
        statement.setString(10, info.historyVisibility().orElse(null));
        statement.setString(11, info.encryptionAlgorithm().orElse(null));
        statement.setString(12, info.roomVersion());
        statement.setString(13, info.roomType().orElse(null));
        statement.setString(14, info.tombstone().map(Tombstone::body).orElse(null));
        statement.setString(15, info.tombstone().map(t -> t.replacementRoom().value()).orElse(null));
        statement.setLong(16, info.joinedMemberCount());
        statement.setLong(17, info.invitedMemberCount());
        statement.setString(18, info.heroes().isEmpty() ? null : heroes(info.heroes()));
        statement.setLong(19, info.unread().notifications());
        statement.setLong(20, info.unread().highlights());
        statement.setString(21, info.threadUnread().isEmpty() ? null : threadUnread(info.threadUnread()));
        statement.setString(22, info.latestEventId().map(EventId::value).orElse(null));
    }

    /**
     * Reads the row {@code SELECT NAMES} returned.
     *
     * @throws IllegalArgumentException if a value is not valid (an ID, a membership, a JSON column)
     */
    static RoomInfo read(ResultSet row) throws SQLException {
        RoomId roomId = RoomId.of(row.getString(1));
        Membership membership = Membership.fromWire(row.getString(2))
                .orElseThrow(() -> new IllegalArgumentException("no valid membership"));
        String tombstoneRoom = row.getString(15);
        return RoomInfo.empty(roomId, membership).toBuilder()
                .latestActivityTs(row.getLong(3))
                .name(text(row, 4))
                .topic(text(row, 5))
                .avatarUrl(text(row, 6).map(MxcUri::of))
                .canonicalAlias(text(row, 7).map(RoomAlias::of))
                .altAliases(text(row, 8).map(RoomColumns::aliases).orElse(List.of()))
                .joinRule(text(row, 9))
                .historyVisibility(text(row, 10))
                .encryptionAlgorithm(text(row, 11))
                .roomVersion(row.getString(12))
                .roomType(text(row, 13))
                .tombstone(tombstoneRoom == null ? Optional.empty()
                        : Optional.of(new Tombstone(text(row, 14).orElse(""), RoomId.of(tombstoneRoom))))
                .joinedMemberCount(row.getLong(16))
                .invitedMemberCount(row.getLong(17))
                .heroes(text(row, 18).map(RoomColumns::heroes).orElse(List.of()))
                .unread(new UnreadCounts(row.getLong(19), row.getLong(20)))
                .threadUnread(text(row, 21).map(RoomColumns::threadUnread).orElse(Map.of()))
                .latestEventId(text(row, 22).map(EventId::of))
                .build();
    }

    private static Optional<String> text(ResultSet row, int column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }

    private static List<RoomAlias> aliases(String json) {
        List<RoomAlias> aliases = new ArrayList<>();
        for (Object alias : elements(json)) {
            if (!(alias instanceof String value)) {
                throw new IllegalArgumentException("an alias that is not a string");
            }
            aliases.add(RoomAlias.of(value));
        }
        return aliases;
    }

    /** The elements of a JSON array mxj wrote. */
    private static List<?> elements(String json) {
        if (!(RawJson.parse(json).tree() instanceof List<?> list)) {
            throw new IllegalArgumentException("a list column that is not a JSON array");
        }
        return list;
    }

    private static String heroes(List<Hero> heroes) {
        List<Object> list = new ArrayList<>();
        for (Hero hero : heroes) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("user_id", hero.userId().value());
            hero.displayName().ifPresent(v -> h.put("displayname", v));
            hero.avatarUrl().ifPresent(v -> h.put("avatar_url", v.value()));
            list.add(h);
        }
        return RawJson.ofTree(list).json();
    }

    private static List<Hero> heroes(String json) {
        List<Hero> heroes = new ArrayList<>();
        for (Object element : elements(json)) {
            RawJson hero = RawJson.ofTree(element);
            heroes.add(new Hero(UserId.of(hero.string("user_id")
                    .orElseThrow(() -> new IllegalArgumentException("a hero without user_id"))),
                    hero.string("displayname"), hero.string("avatar_url").map(MxcUri::of)));
        }
        return heroes;
    }

    private static String threadUnread(Map<EventId, UnreadCounts> threads) {
        Map<String, Object> json = new LinkedHashMap<>();
        threads.forEach((root, counts) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("notifications", counts.notifications());
            c.put("highlights", counts.highlights());
            json.put(root.value(), c);
        });
        return RawJson.ofTree(json).json();
    }

    private static Map<EventId, UnreadCounts> threadUnread(String text) {
        RawJson json = RawJson.parse(text);
        Map<EventId, UnreadCounts> threads = new LinkedHashMap<>();
        for (String root : json.keys()) {
            json.object(root).ifPresent(c -> threads.put(EventId.of(root), new UnreadCounts(
                    c.longValue("notifications").orElse(0L), c.longValue("highlights").orElse(0L))));
        }
        return threads;
    }
}
