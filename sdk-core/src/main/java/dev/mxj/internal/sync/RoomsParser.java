package dev.mxj.internal.sync;

import dev.mxj.InvalidResponseException;
import dev.mxj.event.BasicEvent;
import dev.mxj.event.EventRegistry;
import dev.mxj.event.StrippedStateEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.internal.event.Envelopes;
import dev.mxj.internal.json.JsonCursor;
import dev.mxj.internal.sync.SyncResponse.RoomData;
import dev.mxj.internal.sync.SyncResponse.StrippedRoomData;
import dev.mxj.room.UnreadCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.mxj.internal.sync.JsonReading.bool;
import static dev.mxj.internal.sync.JsonReading.count;
import static dev.mxj.internal.sync.JsonReading.eventArray;
import static dev.mxj.internal.sync.JsonReading.eventBatch;
import static dev.mxj.internal.sync.JsonReading.eventEnvelopes;
import static dev.mxj.internal.sync.JsonReading.expect;
import static dev.mxj.internal.sync.JsonReading.string;
import static dev.mxj.internal.sync.JsonReading.strings;

/** Reads {@code rooms}: the four membership sections strictly, each room leniently. */
final class RoomsParser {
    private static final Logger LOG = LoggerFactory.getLogger(RoomsParser.class);
    private static final String[] ENVELOPE = Envelopes.fields();
    private static final JsonCursor.Options SECTIONS = JsonCursor.Options.of("join", "invite", "knock", "leave");
    private static final JsonCursor.Options ROOM = JsonCursor.Options.of("state", "state_after", "timeline",
            "ephemeral", "account_data", "summary", "unread_notifications", "unread_thread_notifications",
            "invite_state", "knock_state");
    private static final JsonCursor.Options TIMELINE = JsonCursor.Options.of("events", "limited", "prev_batch");
    private static final JsonCursor.Options SUMMARY = JsonCursor.Options.of("m.heroes", "m.joined_member_count",
            "m.invited_member_count");
    private static final JsonCursor.Options COUNTS = JsonCursor.Options.of("notification_count", "highlight_count");

    private final EventRegistry registry;

    RoomsParser(EventRegistry registry) {
        this.registry = registry;
    }

    void rooms(JsonCursor reader, SyncResponse into) throws IOException {
        if (!object(reader, "rooms")) {
            return;
        }
        reader.beginObject();
        while (reader.hasNext()) {
            int section = reader.selectName(SECTIONS);
            if (section < 0) {
                reader.skipName();
                reader.skipValue();
                continue;
            }
            if (!object(reader, "rooms." + SECTIONS.strings().get(section))) {
                continue;
            }
            reader.beginObject();
            while (reader.hasNext()) {
                String key = reader.nextName();
                RoomId roomId = roomId(key);
                if (roomId == null || !expect(reader, JsonCursor.Token.BEGIN_OBJECT, "room " + key)) {
                    if (roomId == null) {
                        reader.skipValue();
                    }
                    continue;
                }
                switch (section) {
                    case 0 -> into.join.add(room(reader, roomId));
                    case 1 -> into.invite.add(stripped(reader, roomId));
                    case 2 -> into.knock.add(stripped(reader, roomId));
                    default -> into.leave.add(room(reader, roomId));
                }
            }
            reader.endObject();
        }
        reader.endObject();
    }

    private RoomData room(JsonCursor reader, RoomId roomId) throws IOException {
        RoomData room = new RoomData(roomId);
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.selectName(ROOM)) {
                case 0 -> room.state = roomEvents(reader, "state");
                case 1 -> room.stateAfter = roomEvents(reader, "state_after");
                case 2 -> timeline(reader, room);
                case 3 -> {
                    List<BasicEvent> list = new ArrayList<>();
                    eventBatch(reader, "ephemeral", raw -> registry.parseBasic(raw).ifPresent(list::add));
                    room.ephemeral = list;
                }
                case 4 -> {
                    List<BasicEvent> list = new ArrayList<>();
                    eventBatch(reader, "account_data", raw -> registry.parseBasic(raw).ifPresent(list::add));
                    room.accountData = list;
                }
                case 5 -> summary(reader, room);
                case 6 -> room.unread = counts(reader, "unread_notifications");
                case 7 -> room.threadUnread = threadCounts(reader);
                default -> {
                    reader.skipName();
                    reader.skipValue();
                }
            }
        }
        reader.endObject();
        return room;
    }

    private StrippedRoomData stripped(JsonCursor reader, RoomId roomId) throws IOException {
        StrippedRoomData room = new StrippedRoomData(roomId);
        reader.beginObject();
        while (reader.hasNext()) {
            int field = reader.selectName(ROOM);
            if (field == 8 || field == 9) {
                List<StrippedStateEvent> list = new ArrayList<>();
                eventBatch(reader, ROOM.strings().get(field), raw -> registry.parseStripped(raw).ifPresentOrElse(
                        list::add, () -> LOG.debug("Dropping a stripped state event without type, state_key "
                                + "or sender in {}", roomId)));
                room.state = list;
            } else {
                if (field < 0) {
                    reader.skipName();
                }
                reader.skipValue();
            }
        }
        reader.endObject();
        return room;
    }

    private List<SyncEvent> roomEvents(JsonCursor reader, String what) throws IOException {
        List<SyncEvent> list = new ArrayList<>();
        eventBatch(reader, what, raw -> list.add(registry.parseRoomEvent(raw)));
        return list;
    }

    private void timeline(JsonCursor reader, RoomData room) throws IOException {
        if (!expect(reader, JsonCursor.Token.BEGIN_OBJECT, "timeline")) {
            return;
        }
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.selectName(TIMELINE)) {
                case 0 -> {
                    // Only the envelope of a timeline event is read: most are stored and not read again.
                    List<SyncEvent> list = new ArrayList<>();
                    eventEnvelopes(reader, "timeline", ENVELOPE, (json, envelope) ->
                            list.add(Envelopes.parse(registry, json, envelope)));
                    room.timeline = list;
                }
                case 1 -> room.limited = bool(reader, "timeline.limited");
                case 2 -> room.prevBatch = string(reader, "timeline.prev_batch");
                default -> {
                    reader.skipName();
                    reader.skipValue();
                }
            }
        }
        reader.endObject();
    }

    private static void summary(JsonCursor reader, RoomData room) throws IOException {
        if (!expect(reader, JsonCursor.Token.BEGIN_OBJECT, "summary")) {
            return;
        }
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.selectName(SUMMARY)) {
                case 0 -> room.heroes = strings(reader, "m.heroes");
                case 1 -> room.joinedCount = count(reader, "m.joined_member_count");
                case 2 -> room.invitedCount = count(reader, "m.invited_member_count");
                default -> {
                    reader.skipName();
                    reader.skipValue();
                }
            }
        }
        reader.endObject();
    }

    /** {@code {"notification_count": n, "highlight_count": n}}; absent counts are 0. */
    private static UnreadCounts counts(JsonCursor reader, String what) throws IOException {
        if (!expect(reader, JsonCursor.Token.BEGIN_OBJECT, what)) {
            return null;
        }
        long notifications = 0;
        long highlights = 0;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.selectName(COUNTS)) {
                case 0 -> notifications = Math.max(0, count(reader, "notification_count"));
                case 1 -> highlights = Math.max(0, count(reader, "highlight_count"));
                default -> {
                    reader.skipName();
                    reader.skipValue();
                }
            }
        }
        reader.endObject();
        return new UnreadCounts(notifications, highlights);
    }

    private static Map<EventId, UnreadCounts> threadCounts(JsonCursor reader) throws IOException {
        if (!expect(reader, JsonCursor.Token.BEGIN_OBJECT, "unread_thread_notifications")) {
            return null;
        }
        Map<EventId, UnreadCounts> out = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            UnreadCounts counts = counts(reader, "unread_thread_notifications." + key);
            if (counts != null) {
                try {
                    out.put(EventId.of(key), counts);
                } catch (IllegalArgumentException e) {
                    LOG.warn("Ignoring unread counts of thread {}: not an event ID", key);
                }
            }
        }
        reader.endObject();
        return out;
    }

    private static RoomId roomId(String key) {
        try {
            return RoomId.of(key);
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring a room whose key is not a room ID: {}", e.getMessage());
            return null;
        }
    }

    /**
     * The top-level fields and the membership sections are the response's skeleton: a wrong type
     * there makes the whole response invalid. Null counts as absent (consumed; returns false).
     */
    static boolean object(JsonCursor reader, String what) throws IOException {
        JsonCursor.Token token = reader.peek();
        if (token == JsonCursor.Token.NULL) {
            reader.nextNull();
            return false;
        }
        if (token != JsonCursor.Token.BEGIN_OBJECT) {
            throw new InvalidResponseException("GET /_matrix/client/v3/sync answered \"" + what
                    + "\" as " + token + " where the spec has an object. This is a server or proxy problem;"
                    + " nothing of the response was applied and the request will be retried.");
        }
        return true;
    }
}
