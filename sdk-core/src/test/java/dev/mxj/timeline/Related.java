package dev.mxj.timeline;

import dev.mxj.event.EventRegistry;
import dev.mxj.event.RoomEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.UserId;
import dev.mxj.internal.timeline.EventIndex;
import dev.mxj.internal.timeline.Scope;
import dev.mxj.internal.timeline.TimelineModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mxj.testing.SyncBuilders.id;
import static dev.mxj.testing.SyncBuilders.obj;
import static dev.mxj.testing.SyncBuilders.roomEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Builders of related events for the aggregation tests (messages, edits, reactions, redactions,
 * thread replies), and a model whose diffs are checked against its items on every change.
 */
final class Related {
    static final long TS = 1_700_000_000_000L;

    private Related() {
    }

    static RoomEvent event(String name, String type, UserId sender, long ts, Map<String, Object> content) {
        return roomEvent(obj("type", type, "event_id", id(name).value(), "sender", sender.value(),
                "origin_server_ts", TS + ts, "content", content));
    }

    static RoomEvent text(String name, UserId sender, long ts) {
        return event(name, "m.room.message", sender, ts, obj("msgtype", "m.text", "body", "text " + name));
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

    /** A redaction in the shape of room versions 1 to 10 (top-level {@code redacts}). */
    static RoomEvent redaction(String name, UserId sender, long ts, String target) {
        return roomEvent(obj("type", "m.room.redaction", "event_id", id(name).value(), "sender", sender.value(),
                "origin_server_ts", TS + ts, "redacts", id(target).value(), "content", obj("reason", "spam")));
    }

    /** A redaction in the shape of room version 11 ({@code content.redacts}). */
    static RoomEvent redactionV11(String name, UserId sender, long ts, String target) {
        return event(name, "m.room.redaction", sender, ts, obj("redacts", id(target).value()));
    }

    static RoomEvent threadReply(String name, UserId sender, long ts, String root) {
        return event(name, "m.room.message", sender, ts, obj("msgtype", "m.text", "body", "reply " + name,
                "m.relates_to", obj("rel_type", "m.thread", "event_id", id(root).value(), "is_falling_back", true,
                        "m.in_reply_to", obj("event_id", id(root).value()))));
    }

    static RoomEvent reply(String name, UserId sender, long ts, String repliedTo) {
        return event(name, "m.room.message", sender, ts, obj("msgtype", "m.text", "body", "answer " + name,
                "m.relates_to", obj("m.in_reply_to", obj("event_id", id(repliedTo).value()))));
    }

    /** A model of {@code scope} for {@code me}, with a mirror that replays its diffs. */
    static Checked model(Scope scope, UserId me, String roomVersion) {
        return new Checked(new TimelineModel(new EventIndex(scope, EventRegistry.defaults(), () -> roomVersion,
                Optional.of(me))));
    }

    /** A model and the list its diffs build: every change is checked to reproduce the items. */
    static final class Checked {
        final TimelineModel model;
        final List<TimelineItem> mirror = new ArrayList<>();

        Checked(TimelineModel model) {
            this.model = model;
        }

        List<TimelineDiff> follow(List<TimelineDiff> diffs) {
            diffs.forEach(diff -> diff.applyTo(mirror));
            assertEquals(model.items(), mirror, "the diffs reproduce the items");
            return diffs;
        }

        /** The event item of {@code name}. */
        TimelineItem.Event item(String name) {
            EventId wanted = id(name);
            return model.items().stream().filter(TimelineItem.Event.class::isInstance)
                    .map(TimelineItem.Event.class::cast).filter(e -> e.eventId().filter(wanted::equals).isPresent())
                    .findFirst().orElseThrow(() -> new AssertionError("no item " + name + " in " + ids()));
        }

        /** The IDs of the items ({@code gap} for a gap, {@code local} for a local echo). */
        List<String> ids() {
            return model.items().stream().map(i -> i instanceof TimelineItem.Event e
                    ? e.eventId().map(EventId::value).orElse("?") : i instanceof TimelineItem.Gap ? "gap" : "local")
                    .toList();
        }
    }
}
