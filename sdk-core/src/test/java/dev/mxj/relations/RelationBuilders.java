package dev.mxj.relations;

import dev.mxj.event.RoomEvent;
import dev.mxj.id.UserId;

import java.util.Map;

import static dev.mxj.testing.SyncBuilders.id;
import static dev.mxj.testing.SyncBuilders.obj;
import static dev.mxj.testing.SyncBuilders.roomEvent;

/** Small builders for related events: messages, edits, reactions and redacted copies. */
final class RelationBuilders {
    static final long TS = 1_700_000_000_000L;

    private RelationBuilders() {
    }

    static RoomEvent event(String name, String type, UserId sender, long ts, Map<String, Object> content) {
        return roomEvent(obj("type", type, "event_id", id(name).value(), "sender", sender.value(),
                "origin_server_ts", TS + ts, "content", content));
    }

    static RoomEvent text(String name, UserId sender, long ts, String body) {
        return event(name, "m.room.message", sender, ts, obj("msgtype", "m.text", "body", body));
    }

    static RoomEvent edit(String name, UserId sender, long ts, String target, String newBody) {
        return event(name, "m.room.message", sender, ts, obj("msgtype", "m.text", "body", "* " + newBody,
                "m.new_content", obj("msgtype", "m.text", "body", newBody),
                "m.relates_to", obj("rel_type", "m.replace", "event_id", id(target).value())));
    }

    static RoomEvent reaction(String name, UserId sender, long ts, String target, String key) {
        return event(name, "m.reaction", sender, ts, obj("m.relates_to",
                obj("rel_type", "m.annotation", "event_id", id(target).value(), "key", key)));
    }

    static RoomEvent redacted(String name, String type, UserId sender, long ts) {
        return roomEvent(obj("type", type, "event_id", id(name).value(), "sender", sender.value(),
                "origin_server_ts", TS + ts, "content", obj(),
                "unsigned", obj("redacted_because", obj("type", "m.room.redaction"))));
    }
}
