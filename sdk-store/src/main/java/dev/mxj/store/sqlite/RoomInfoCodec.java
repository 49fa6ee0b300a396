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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RoomInfo} as the JSON in {@code room.info}. Absent values are left out. Reading takes
 * every field as optional with {@link RoomInfo#empty}'s default, and ignores fields it does not
 * know, so rows written by an older or newer format still read; {@code format} says which wrote it.
 */
final class RoomInfoCodec {
    /** The format this build writes. Raise it when a field changes meaning, not when one is added. */
    static final long FORMAT = 1;

    private RoomInfoCodec() {
    }

    static String write(RoomInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("room_id", info.roomId().value());
        json.put("membership", info.membership().wire());
        info.name().ifPresent(v -> json.put("name", v));
        info.topic().ifPresent(v -> json.put("topic", v));
        info.avatarUrl().ifPresent(v -> json.put("avatar_url", v.value()));
        info.canonicalAlias().ifPresent(v -> json.put("canonical_alias", v.value()));
        json.put("alt_aliases", info.altAliases().stream().map(RoomAlias::value).toList());
        info.joinRule().ifPresent(v -> json.put("join_rule", v));
        info.historyVisibility().ifPresent(v -> json.put("history_visibility", v));
        info.encryptionAlgorithm().ifPresent(v -> json.put("encryption_algorithm", v));
        json.put("room_version", info.roomVersion());
        info.roomType().ifPresent(v -> json.put("room_type", v));
        info.tombstone().ifPresent(t -> json.put("tombstone",
                pair("body", t.body(), "replacement_room", t.replacementRoom().value())));
        json.put("joined_member_count", info.joinedMemberCount());
        json.put("invited_member_count", info.invitedMemberCount());
        List<Object> heroes = new ArrayList<>();
        for (Hero hero : info.heroes()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("user_id", hero.userId().value());
            hero.displayName().ifPresent(v -> h.put("displayname", v));
            hero.avatarUrl().ifPresent(v -> h.put("avatar_url", v.value()));
            heroes.add(h);
        }
        json.put("heroes", heroes);
        json.put("unread", counts(info.unread()));
        Map<String, Object> threads = new LinkedHashMap<>();
        info.threadUnread().forEach((root, counts) -> threads.put(root.value(), counts(counts)));
        json.put("thread_unread", threads);
        info.latestEventId().ifPresent(v -> json.put("latest_event_id", v.value()));
        json.put("latest_activity_ts", info.latestActivityTs());
        return RawJson.ofTree(json).json();
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IllegalArgumentException if it is not JSON, or lacks a valid room ID or membership
     */
    static RoomInfo read(String text) {
        RawJson json = RawJson.parse(text);
        RoomId roomId = RoomId.of(json.string("room_id")
                .orElseThrow(() -> new IllegalArgumentException("no room_id")));
        Membership membership = json.string("membership").flatMap(Membership::fromWire)
                .orElseThrow(() -> new IllegalArgumentException("no valid membership"));
        RoomInfo.Builder info = RoomInfo.empty(roomId, membership).toBuilder()
                .name(json.string("name"))
                .topic(json.string("topic"))
                .avatarUrl(json.string("avatar_url").map(MxcUri::of))
                .canonicalAlias(json.string("canonical_alias").map(RoomAlias::of))
                .altAliases(json.strings("alt_aliases").stream().map(RoomAlias::of).toList())
                .joinRule(json.string("join_rule"))
                .historyVisibility(json.string("history_visibility"))
                .encryptionAlgorithm(json.string("encryption_algorithm"))
                .roomVersion(json.string("room_version").orElse("1"))
                .roomType(json.string("room_type"))
                .tombstone(json.object("tombstone").map(t -> new Tombstone(t.string("body").orElse(""),
                        RoomId.of(t.string("replacement_room").orElseThrow(
                                () -> new IllegalArgumentException("a tombstone without replacement_room"))))))
                .joinedMemberCount(json.longValue("joined_member_count").orElse(0L))
                .invitedMemberCount(json.longValue("invited_member_count").orElse(0L))
                .unread(json.object("unread").map(RoomInfoCodec::counts).orElse(UnreadCounts.NONE))
                .latestEventId(json.string("latest_event_id").map(EventId::of))
                .latestActivityTs(json.longValue("latest_activity_ts").orElse(0L));
        List<Hero> heroes = new ArrayList<>();
        for (RawJson hero : json.array("heroes")) {
            heroes.add(new Hero(UserId.of(hero.string("user_id")
                    .orElseThrow(() -> new IllegalArgumentException("a hero without user_id"))),
                    hero.string("displayname"), hero.string("avatar_url").map(MxcUri::of)));
        }
        Map<EventId, UnreadCounts> threads = new LinkedHashMap<>();
        Optional<RawJson> threadUnread = json.object("thread_unread");
        if (threadUnread.isPresent()) {
            for (String root : threadUnread.get().keys()) {
                threadUnread.get().object(root).ifPresent(c -> threads.put(EventId.of(root), counts(c)));
            }
        }
        return info.heroes(heroes).threadUnread(threads).build();
    }

    private static Map<String, Object> counts(UnreadCounts counts) {
        return pair("notifications", counts.notifications(), "highlights", counts.highlights());
    }

    /** A two-field object that keeps its key order, so equal infos give equal text. */
    private static Map<String, Object> pair(String key1, Object value1, String key2, Object value2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key1, value1);
        map.put(key2, value2);
        return map;
    }

    private static UnreadCounts counts(RawJson json) {
        return new UnreadCounts(json.longValue("notifications").orElse(0L), json.longValue("highlights").orElse(0L));
    }
}
