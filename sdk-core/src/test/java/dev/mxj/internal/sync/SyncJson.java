package dev.mxj.internal.sync;

import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.internal.json.JsonTree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds {@code /sync} response bodies for tests, section by section, so that a test says what it
 * sends and nobody types a JSON wall. Events are JSON trees ({@link #obj}); {@link #json()} writes
 * the body.
 */
public final class SyncJson {
    public static final long TS = 1_700_000_000_000L;
    private final Map<String, Object> root = new LinkedHashMap<>();

    private SyncJson(String nextBatch) {
        root.put("next_batch", nextBatch);
    }

    public static SyncJson sync(String nextBatch) {
        return new SyncJson(nextBatch);
    }

    /** An object from key, value pairs; ints become longs as a parser reads them. */
    public static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            map.put((String) keysAndValues[i], v instanceof Integer n ? Long.valueOf(n) : v);
        }
        return map;
    }

    public static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    /** A state event. */
    public static Map<String, Object> state(String id, String type, String stateKey, UserId sender, long ts,
                                            Map<String, Object> content) {
        return obj("type", type, "state_key", stateKey, "event_id", id, "sender", sender.value(),
                "origin_server_ts", ts, "content", content);
    }

    public static Map<String, Object> roomState(String id, String type, Map<String, Object> content) {
        return state(id, type, "", UserId.of("@admin:example.org"), TS, content);
    }

    public static Map<String, Object> member(String id, UserId user, String membership, String displayName) {
        Map<String, Object> content = obj("membership", membership);
        if (displayName != null) {
            content.put("displayname", displayName);
        }
        return state(id, "m.room.member", user.value(), user, TS, content);
    }

    public static Map<String, Object> message(String id, UserId sender, long ts, String body) {
        return obj("type", "m.room.message", "event_id", id, "sender", sender.value(), "origin_server_ts", ts,
                "content", obj("msgtype", "m.text", "body", body));
    }

    /** A stripped state event (invites, knocks). */
    public static Map<String, Object> stripped(String type, String stateKey, UserId sender, Map<String, Object> content) {
        return obj("type", type, "state_key", stateKey, "sender", sender.value(), "content", content);
    }

    private Map<String, Object> section(String... path) {
        Map<String, Object> node = root;
        for (String key : path) {
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) node.computeIfAbsent(key, k -> new LinkedHashMap<>());
            node = child;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> events(Map<String, Object> container) {
        return (List<Object>) container.computeIfAbsent("events", k -> new ArrayList<>());
    }

    public SyncJson join(RoomId roomId, Consumer<Room> room) {
        room.accept(new Room(section("rooms", "join", roomId.value())));
        return this;
    }

    public SyncJson leave(RoomId roomId, Consumer<Room> room) {
        room.accept(new Room(section("rooms", "leave", roomId.value())));
        return this;
    }

    public SyncJson invite(RoomId roomId, Object... strippedEvents) {
        events(section("rooms", "invite", roomId.value(), "invite_state")).addAll(List.of(strippedEvents));
        return this;
    }

    public SyncJson knock(RoomId roomId, Object... strippedEvents) {
        events(section("rooms", "knock", roomId.value(), "knock_state")).addAll(List.of(strippedEvents));
        return this;
    }

    public SyncJson presence(UserId user, String presence) {
        events(section("presence")).add(obj("type", "m.presence", "sender", user.value(),
                "content", obj("presence", presence)));
        return this;
    }

    public SyncJson accountData(String type, Map<String, Object> content) {
        events(section("account_data")).add(obj("type", type, "content", content));
        return this;
    }

    public SyncJson toDevice(UserId sender, String type, Map<String, Object> content) {
        events(section("to_device")).add(obj("type", type, "sender", sender.value(), "content", content));
        return this;
    }

    public SyncJson deviceLists(List<UserId> changed, List<UserId> left) {
        Map<String, Object> lists = section("device_lists");
        lists.put("changed", changed.stream().map(UserId::value).toList());
        lists.put("left", left.stream().map(UserId::value).toList());
        return this;
    }

    public SyncJson oneTimeKeys(String algorithm, long count) {
        section("device_one_time_keys_count").put(algorithm, count);
        return this;
    }

    public SyncJson fallbackKeyTypes(String... types) {
        root.put("device_unused_fallback_key_types", List.of(types));
        return this;
    }

    /** Sets any top-level field, e.g. to break the response. */
    public SyncJson raw(String key, Object value) {
        root.put(key, value);
        return this;
    }

    public String json() {
        return JsonTree.write(root);
    }

    /** A joined or left room. */
    public static final class Room {
        private final Map<String, Object> node;

        Room(Map<String, Object> node) {
            this.node = node;
        }

        private Map<String, Object> sub(String key) {
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) node.computeIfAbsent(key, k -> new LinkedHashMap<>());
            return child;
        }

        public Room state(Object... events) {
            events(sub("state")).addAll(List.of(events));
            return this;
        }

        public Room stateAfter(Object... events) {
            events(sub("state_after")).addAll(List.of(events));
            return this;
        }

        public Room timeline(Object... events) {
            events(sub("timeline")).addAll(List.of(events));
            return this;
        }

        public Room limited(String prevBatch) {
            sub("timeline").put("limited", true);
            sub("timeline").put("prev_batch", prevBatch);
            return this;
        }

        public Room summary(List<UserId> heroes, long joined, long invited) {
            Map<String, Object> summary = sub("summary");
            summary.put("m.heroes", heroes.stream().map(UserId::value).toList());
            summary.put("m.joined_member_count", joined);
            summary.put("m.invited_member_count", invited);
            return this;
        }

        public Room typing(UserId... users) {
            events(sub("ephemeral")).add(obj("type", "m.typing", "content",
                    obj("user_ids", Arrays.stream(users).map(UserId::value).toList())));
            return this;
        }

        /** One receipt; {@code threadId} may be null. */
        public Room receipt(String eventId, String type, UserId user, long ts, String threadId) {
            Map<String, Object> data = obj("ts", ts);
            if (threadId != null) {
                data.put("thread_id", threadId);
            }
            events(sub("ephemeral")).add(obj("type", "m.receipt", "content",
                    obj(eventId, obj(type, obj(user.value(), data)))));
            return this;
        }

        public Room accountData(String type, Map<String, Object> content) {
            events(sub("account_data")).add(obj("type", type, "content", content));
            return this;
        }

        public Room unread(long notifications, long highlights) {
            node.put("unread_notifications", obj("notification_count", notifications, "highlight_count", highlights));
            return this;
        }

        public Room threadUnread(String threadRoot, long notifications, long highlights) {
            sub("unread_thread_notifications").put(threadRoot,
                    obj("notification_count", notifications, "highlight_count", highlights));
            return this;
        }

        /** Sets any field of the room, e.g. to break it. */
        public Room raw(String key, Object value) {
            node.put(key, value);
            return this;
        }
    }
}
