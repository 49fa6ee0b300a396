package dev.mxj.testing;

import dev.mxj.event.BasicEvent;
import dev.mxj.event.EventRegistry;
import dev.mxj.event.MalformedEvent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.StrippedStateEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.event.ToDeviceEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.room.Membership;
import dev.mxj.room.Receipt;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builders for sync values in tests: events, {@link RoomChanges} and {@link StateChanges}, so tests
 * say what matters and no test types a JSON wall. Events are built as JSON trees, written to text
 * and parsed back, then parsed by {@link EventRegistry#defaults()}: exactly what a store does when
 * it reads an event back, so a built event equals its re-read self.
 */
public final class SyncBuilders {
    public static final UserId ALICE = UserId.of("@alice:example.org");
    public static final UserId BOB = UserId.of("@bob:example.org");
    public static final UserId CAROL = UserId.of("@carol:example.net");
    private static final EventRegistry REGISTRY = EventRegistry.defaults();
    private static final long BASE_TS = 1_700_000_000_000L;

    private SyncBuilders() {
    }

    /** Room number {@code n}: {@code !room<n>:example.org}. */
    public static RoomId room(int n) {
        return RoomId.of("!room" + n + ":example.org");
    }

    /** {@code $<name>}: an event ID for a short name. */
    public static EventId id(String name) {
        return EventId.of("$" + name);
    }

    /** A JSON object (for {@link #json}) from key, value pairs: strings, numbers, booleans, lists, objects. */
    public static Map<String, Object> obj(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("obj() takes key, value pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value);
        }
        return map;
    }

    /**
     * The JSON value of {@code tree}, as a parser reads it from text (whatever number types the
     * parser uses), so it equals the same JSON read back from a store.
     */
    public static RawJson json(Map<String, Object> tree) {
        return RawJson.parse(RawJson.ofTree(tree).json());
    }

    /** An {@code m.room.message} text event from {@code sender}; its timestamp follows its body's hash. */
    public static RoomEvent message(String name, UserId sender, String body) {
        return roomEvent(obj("type", "m.room.message", "event_id", id(name).value(), "sender", sender.value(),
                "origin_server_ts", BASE_TS + Math.abs(body.hashCode() % 1_000_000),
                "content", obj("msgtype", "m.text", "body", body), "unsigned", obj("age", 1234)));
    }

    /** A state event of any type. */
    public static RoomEvent state(String name, String type, String stateKey, UserId sender,
                                  Map<String, Object> content) {
        return roomEvent(obj("type", type, "state_key", stateKey, "event_id", id(name).value(),
                "sender", sender.value(), "origin_server_ts", BASE_TS, "content", content));
    }

    /** An {@code m.room.name} state event (a type with typed content). */
    public static RoomEvent roomName(String name, String roomName) {
        return state(name, "m.room.name", "", ALICE, obj("name", roomName));
    }

    /** An {@code m.room.member} state event for {@code user}. */
    public static RoomEvent memberEvent(String name, UserId user, Membership membership, String displayName) {
        return state(name, "m.room.member", user.value(), user,
                obj("membership", membership.wire(), "displayname", displayName));
    }

    /** A timeline event with no {@code event_id}: parsed as a {@link MalformedEvent}. */
    public static MalformedEvent malformed(String marker) {
        SyncEvent event = REGISTRY.parseRoomEvent(json(obj("type", "m.room.message",
                "sender", ALICE.value(), "content", obj("body", marker))));
        return (MalformedEvent) event;
    }

    /** A timeline event with an {@code event_id} but no {@code sender}: a {@link MalformedEvent} with an ID. */
    public static MalformedEvent malformedWithId(String name) {
        return (MalformedEvent) REGISTRY.parseRoomEvent(json(obj("type", "m.room.message",
                "event_id", id(name).value(), "content", obj("body", "no sender"))));
    }

    /** Parses an event tree; fails if it is malformed. */
    public static RoomEvent roomEvent(Map<String, Object> tree) {
        SyncEvent event = REGISTRY.parseRoomEvent(json(tree));
        if (event instanceof RoomEvent roomEvent) {
            return roomEvent;
        }
        throw new IllegalArgumentException("Built a malformed event: " + event);
    }

    public static StrippedStateEvent stripped(String type, String stateKey, UserId sender,
                                              Map<String, Object> content) {
        return REGISTRY.parseStripped(json(obj("type", type, "state_key", stateKey,
                "sender", sender.value(), "content", content))).orElseThrow();
    }

    /** An account-data (or other basic) event. */
    public static BasicEvent basic(String type, Map<String, Object> content) {
        return REGISTRY.parseBasic(json(obj("type", type, "content", content))).orElseThrow();
    }

    public static ToDeviceEvent toDevice(String type, UserId sender, Map<String, Object> content) {
        return REGISTRY.parseToDevice(json(obj("type", type, "sender", sender.value(),
                "content", content))).orElseThrow();
    }

    /** Presence content, e.g. {@code presence("online")}. */
    public static RawJson presence(String state) {
        return json(obj("presence", state, "last_active_ago", 42));
    }

    public static Receipt receipt(UserId user, String eventName, String type, Optional<String> thread, long ts) {
        return new Receipt(id(eventName), type, user, thread, ts);
    }

    public static RoomMember member(UserId user, Membership membership, String displayName) {
        return new RoomMember(user, membership, Optional.of(displayName), Optional.empty());
    }

    /** A joined room's info named {@code name}. */
    public static RoomInfo info(RoomId roomId, String name) {
        return RoomInfo.empty(roomId, Membership.JOIN).toBuilder().name(Optional.of(name)).build();
    }

    public static RoomChangesBuilder roomChanges(RoomId roomId) {
        return new RoomChangesBuilder(RoomInfo.empty(roomId, Membership.JOIN));
    }

    public static RoomChangesBuilder roomChanges(RoomInfo info) {
        return new RoomChangesBuilder(info);
    }

    public static SyncBuilder sync(String nextBatch) {
        return new SyncBuilder(nextBatch);
    }

    /** Builds one {@link RoomChanges}; everything not set is empty. */
    public static final class RoomChangesBuilder {
        private RoomInfo info;
        private final List<RoomEvent> state = new ArrayList<>();
        private final List<StrippedStateEvent> stripped = new ArrayList<>();
        private final List<SyncEvent> timeline = new ArrayList<>();
        private boolean limited;
        private Optional<String> prevBatch = Optional.empty();
        private final List<RoomMember> members = new ArrayList<>();
        private final List<BasicEvent> accountData = new ArrayList<>();
        private Optional<List<UserId>> typing = Optional.empty();
        private final List<Receipt> receipts = new ArrayList<>();

        private RoomChangesBuilder(RoomInfo info) {
            this.info = info;
        }

        public RoomChangesBuilder info(RoomInfo value) { info = value; return this; }
        public RoomChangesBuilder state(RoomEvent... events) { state.addAll(List.of(events)); return this; }
        public RoomChangesBuilder stripped(StrippedStateEvent... e) { stripped.addAll(List.of(e)); return this; }
        public RoomChangesBuilder timeline(SyncEvent... events) { timeline.addAll(List.of(events)); return this; }
        public RoomChangesBuilder timeline(List<? extends SyncEvent> e) { timeline.addAll(e); return this; }
        public RoomChangesBuilder members(RoomMember... values) { members.addAll(List.of(values)); return this; }
        public RoomChangesBuilder accountData(BasicEvent... e) { accountData.addAll(List.of(e)); return this; }
        public RoomChangesBuilder typing(UserId... users) { typing = Optional.of(List.of(users)); return this; }
        public RoomChangesBuilder receipts(Receipt... values) { receipts.addAll(List.of(values)); return this; }

        /** Marks the timeline limited: the server left events out before it. */
        public RoomChangesBuilder limited(Optional<String> token) {
            limited = true;
            prevBatch = token;
            return this;
        }

        /** Sets {@code prev_batch} without marking the timeline limited. */
        public RoomChangesBuilder prevBatch(String token) { prevBatch = Optional.of(token); return this; }

        public RoomChanges build() {
            return new RoomChanges(info, state, stripped, timeline, limited, prevBatch, members, accountData,
                    typing, receipts);
        }
    }

    /** Builds one {@link StateChanges}; everything not set is empty. */
    public static final class SyncBuilder {
        private final String nextBatch;
        private final List<RoomChanges> rooms = new ArrayList<>();
        private final List<BasicEvent> accountData = new ArrayList<>();
        private final Map<UserId, RawJson> presence = new LinkedHashMap<>();
        private final List<ToDeviceEvent> toDevice = new ArrayList<>();

        private SyncBuilder(String nextBatch) {
            this.nextBatch = nextBatch;
        }

        public SyncBuilder room(RoomChangesBuilder room) { rooms.add(room.build()); return this; }
        public SyncBuilder room(RoomChanges room) { rooms.add(room); return this; }
        public SyncBuilder accountData(BasicEvent... events) { accountData.addAll(List.of(events)); return this; }
        public SyncBuilder presence(UserId user, RawJson content) { presence.put(user, content); return this; }
        public SyncBuilder toDevice(ToDeviceEvent... events) { toDevice.addAll(List.of(events)); return this; }

        public StateChanges build() {
            return new StateChanges(nextBatch, rooms, accountData, presence, toDevice, Set.of(), Set.of(), Map.of(),
                    Optional.empty());
        }
    }
}
