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
    static final List<String> COLUMNS = List.of("room_id", "membership", "latest_activity_ts", "name", "topic",
            "avatar_url", "canonical_alias", "alt_aliases", "join_rule", "history_visibility", "encryption_algorithm",
            "room_version", "room_type", "tombstone_body", "tombstone_room", "joined_member_count",
            "invited_member_count", "heroes", "unread_notifications", "unread_highlights", "thread_unread",
            "latest_event_id");
    static final String NAMES = String.join(", ", COLUMNS);
    static final int COUNT = COLUMNS.size();

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
     * The room in {@code values}, the {@link #COUNT} columns in {@link #NAMES} order (NULL as
     * {@code null}), as {@link PackedRow#unpack} returns them.
     *
     * @throws IllegalArgumentException if a value is not valid (an ID, a membership, a number, a
     *     JSON column)
     */
    static RoomInfo read(String[] values) {
        RoomId roomId = RoomId.of(required(values[0], "room_id"));
        Optional<Membership> membership = Membership.fromWire(required(values[1], "membership"));
        if (membership.isEmpty()) {
            throw new IllegalArgumentException("no valid membership");
        }
        String avatar = values[5];
        String alias = values[6];
        String altAliases = values[7];
        String tombstoneRoom = values[14];
        String heroes = values[17];
        String threadUnread = values[20];
        String latestEvent = values[21];
        return RoomInfo.empty(roomId, membership.get()).toBuilder()
                .latestActivityTs(number(values[2]))
                .name(Optional.ofNullable(values[3]))
                .topic(Optional.ofNullable(values[4]))
                .avatarUrl(avatar == null ? Optional.empty() : Optional.of(MxcUri.of(avatar)))
                .canonicalAlias(alias == null ? Optional.empty() : Optional.of(RoomAlias.of(alias)))
                .altAliases(altAliases == null ? List.of() : aliases(altAliases))
                .joinRule(Optional.ofNullable(values[8]))
                .historyVisibility(Optional.ofNullable(values[9]))
                .encryptionAlgorithm(Optional.ofNullable(values[10]))
                .roomVersion(required(values[11], "room_version"))
                .roomType(Optional.ofNullable(values[12]))
                .tombstone(tombstoneRoom == null ? Optional.empty() : Optional.of(new Tombstone(
                        values[13] == null ? "" : values[13], RoomId.of(tombstoneRoom))))
                .joinedMemberCount(number(values[15]))
                .invitedMemberCount(number(values[16]))
                .heroes(heroes == null ? List.of() : heroes(heroes))
                .unread(new UnreadCounts(number(values[18]), number(values[19])))
                .threadUnread(threadUnread == null ? Map.of() : threadUnread(threadUnread))
                .latestEventId(latestEvent == null ? Optional.empty() : Optional.of(EventId.of(latestEvent)))
                .build();
    }

    private static String required(String value, String column) {
        if (value == null) {
            throw new IllegalArgumentException("no " + column);
        }
        return value;
    }

    /** An INTEGER column; NULL reads as 0, as JDBC's {@code getLong} reads it. */
    private static long number(String value) {
        return value == null ? 0 : Long.parseLong(value);
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
