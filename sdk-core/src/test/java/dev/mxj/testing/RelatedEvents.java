package dev.mxj.testing;

import dev.mxj.event.RoomEvent;
import dev.mxj.id.UserId;

import java.util.Map;

import static dev.mxj.testing.SyncBuilders.id;
import static dev.mxj.testing.SyncBuilders.obj;
import static dev.mxj.testing.SyncBuilders.roomEvent;

/**
 * Builders of related events for the relation and aggregation tests: messages, edits, reactions,
 * redactions (and redacted copies), replies and thread replies. An event is named by
 * {@code name} ({@link SyncBuilders#id}) and sent at {@code TS + ts}.
 */
public final class RelatedEvents {
    /** The time the events' {@code ts} offsets count from. */
    public static final long TS = 1_700_000_000_000L;

    private RelatedEvents() {
    }

    public static RoomEvent event(String name, String type, UserId sender, long ts, Map<String, Object> content) {
        return roomEvent(obj("type", type, "event_id", id(name).value(), "sender", sender.value(),
                "origin_server_ts", TS + ts, "content", content));
    }

    /** A text message with the body {@code text <name>}. */
    public static RoomEvent text(String name, UserId sender, long ts) {
        return text(name, sender, ts, "text " + name);
    }

    public static RoomEvent text(String name, UserId sender, long ts, String body) {
        return event(name, "m.room.message", sender, ts, obj("msgtype", "m.text", "body", body));
    }

    public static RoomEvent edit(String name, UserId sender, long ts, String target, String newBody) {
        return event(name, "m.room.message", sender, ts, obj("msgtype", "m.text", "body", "* " + newBody,
                "m.new_content", obj("msgtype", "m.text", "body", newBody),
                "m.relates_to", obj("rel_type", "m.replace", "event_id", id(target).value())));
    }

    public static RoomEvent reaction(String name, UserId sender, long ts, String target, String key) {
        return event(name, "m.reaction", sender, ts, obj("m.relates_to",
                obj("rel_type", "m.annotation", "event_id", id(target).value(), "key", key)));
    }

    /** A redaction in the shape of room versions 1 to 10 (top-level {@code redacts}). */
    public static RoomEvent redaction(String name, UserId sender, long ts, String target) {
        return roomEvent(obj("type", "m.room.redaction", "event_id", id(name).value(), "sender", sender.value(),
                "origin_server_ts", TS + ts, "redacts", id(target).value(), "content", obj("reason", "spam")));
    }

    /** A redaction in the shape of room version 11 ({@code content.redacts}). */
    public static RoomEvent redactionV11(String name, UserId sender, long ts, String target) {
        return event(name, "m.room.redaction", sender, ts, obj("redacts", id(target).value()));
    }

    /** An event of {@code type} as a server gives it once redacted: empty content, {@code redacted_because}. */
    public static RoomEvent redacted(String name, String type, UserId sender, long ts) {
        return roomEvent(obj("type", type, "event_id", id(name).value(), "sender", sender.value(),
                "origin_server_ts", TS + ts, "content", obj(),
                "unsigned", obj("redacted_because", obj("type", "m.room.redaction"))));
    }

    public static RoomEvent threadReply(String name, UserId sender, long ts, String root) {
        return event(name, "m.room.message", sender, ts, obj("msgtype", "m.text", "body", "reply " + name,
                "m.relates_to", obj("rel_type", "m.thread", "event_id", id(root).value(), "is_falling_back", true,
                        "m.in_reply_to", obj("event_id", id(root).value()))));
    }

    public static RoomEvent reply(String name, UserId sender, long ts, String repliedTo) {
        return event(name, "m.room.message", sender, ts, obj("msgtype", "m.text", "body", "answer " + name,
                "m.relates_to", obj("m.in_reply_to", obj("event_id", id(repliedTo).value()))));
    }
}
