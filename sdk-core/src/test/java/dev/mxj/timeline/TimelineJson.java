package dev.mxj.timeline;

import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import dev.mxj.testing.MockHomeserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.mxj.testing.SyncBuilders.obj;

/** Small server answers for the timeline protocol tests, built from trees (no JSON walls). */
final class TimelineJson {
    static final RoomId ROOM = RoomId.of("!636q39766251:example.com");
    static final String BOB = "@bob:example.org";

    private TimelineJson() {
    }

    /** A text message with event ID {@code $name}; its timestamp is {@code ts}. */
    static Map<String, Object> text(String name, long ts) {
        return obj("type", "m.room.message", "event_id", "$" + name, "sender", BOB, "origin_server_ts", ts,
                "room_id", ROOM.value(), "content", obj("msgtype", "m.text", "body", "message " + name));
    }

    static Map<String, Object> create() {
        return obj("type", "m.room.create", "state_key", "", "event_id", "$create", "sender", BOB,
                "origin_server_ts", 1, "room_id", ROOM.value(), "content", obj("creator", BOB, "room_version", "10"));
    }

    /** A /sync answer with one joined room and this timeline. */
    static String sync(String nextBatch, boolean limited, String prevBatch, List<Map<String, Object>> events) {
        Map<String, Object> timeline = obj("events", events, "limited", limited, "prev_batch", prevBatch);
        return write(obj("next_batch", nextBatch, "rooms", obj("join", obj(ROOM.value(), obj("timeline", timeline)))));
    }

    /** A /messages answer; {@code end} may be null (no more). */
    static String messages(String start, String end, List<Map<String, Object>> chunk) {
        Map<String, Object> page = obj("start", start, "chunk", chunk);
        if (end != null) {
            page.put("end", end);
        }
        return write(page);
    }

    /** The spec's /messages example: three example events (which share one event ID) of its room. */
    static String specMessagesExample() {
        List<Map<String, Object>> chunk = new ArrayList<>();
        for (String name : List.of("m.room.message-m.text", "m.room.name", "m.room.message-m.video")) {
            chunk.add(specEvent(name));
        }
        return messages("t47429-4392820_219380_26003_2265", "t47409-4357353_219380_26003_2265", chunk);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> specEvent(String name) {
        RawJson raw = RawJson.parse(MockHomeserver.resource("/spec-examples/events/" + name + ".json"));
        Map<String, Object> tree = new java.util.LinkedHashMap<>((Map<String, Object>) raw.tree());
        tree.put("room_id", ROOM.value());
        return tree;
    }

    static String write(Map<String, Object> tree) {
        return RawJson.ofTree(tree).json();
    }
}
