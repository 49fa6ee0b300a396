package dev.mxj.bench;

import java.nio.charset.StandardCharsets;

/**
 * An initial {@code /sync} with one room whose whole history, from {@code m.room.create}, is in the
 * timeline: {@code events} events in all (not limited, so the store holds them without a gap). Two
 * users talk; among the messages are replies (every 40th event), reactions (every 20th) and edits
 * (every 50th), so the timeline's aggregation has work to do. Deterministic.
 */
final class TimelineFixture {
    static final String USER = "@bench:bench.local";
    static final String OTHER = "@other:bench.local";
    static final String ROOM = "!timeline:bench.local";
    /** The state events at the start of the timeline. */
    static final int STATE_EVENTS = 7;

    private final int events;

    TimelineFixture(int events) {
        if (events <= STATE_EVENTS) {
            throw new IllegalArgumentException("events must be more than " + STATE_EVENTS);
        }
        this.events = events;
    }

    int events() {
        return events;
    }

    /** How many of the events are shown as timeline items (reactions and edits are not). */
    int itemEvents() {
        int hidden = 0;
        for (int i = STATE_EVENTS; i < events; i++) {
            if (kind(i) == Kind.REACTION || kind(i) == Kind.EDIT) {
                hidden++;
            }
        }
        return events - hidden;
    }

    static String eventId(int i) {
        return "$ev" + i + "-bench";
    }

    private enum Kind { MESSAGE, REPLY, REACTION, EDIT }

    private static Kind kind(int i) {
        if (i % 50 == 0) {
            return Kind.EDIT;
        }
        if (i % 20 == 0) {
            return Kind.REACTION;
        }
        return i % 40 == 1 ? Kind.REPLY : Kind.MESSAGE;
    }

    byte[] initialSync() {
        StringBuilder sb = new StringBuilder(events * 380);
        sb.append("{\"next_batch\":\"s1\",\"account_data\":{\"events\":[]},\"presence\":{\"events\":[]},")
                .append("\"rooms\":{\"join\":{\"").append(ROOM).append("\":{\"summary\":{\"m.joined_member_count\":2,")
                .append("\"m.invited_member_count\":0},\"state\":{\"events\":[]},\"timeline\":{\"limited\":false,")
                .append("\"events\":[");
        long ts = 1_700_000_000_000L;
        state(sb, 0, "m.room.create", "", "{\"room_version\":\"10\",\"creator\":\"" + USER + "\"}", ts, USER);
        state(sb, 1, "m.room.member", USER, "{\"membership\":\"join\",\"displayname\":\"Bench\"}", ts, USER);
        state(sb, 2, "m.room.power_levels", "", "{\"users\":{\"" + USER + "\":100},\"users_default\":0,"
                + "\"events_default\":0,\"state_default\":50,\"ban\":50,\"kick\":50,\"redact\":50,\"invite\":0}", ts, USER);
        state(sb, 3, "m.room.join_rules", "", "{\"join_rule\":\"invite\"}", ts, USER);
        state(sb, 4, "m.room.history_visibility", "", "{\"history_visibility\":\"shared\"}", ts, USER);
        state(sb, 5, "m.room.name", "", "{\"name\":\"Timeline bench\"}", ts, USER);
        state(sb, 6, "m.room.member", OTHER, "{\"membership\":\"join\",\"displayname\":\"Other\"}", ts, OTHER);
        for (int i = STATE_EVENTS; i < events; i++) {
            String sender = i % 3 == 0 ? OTHER : USER;
            String content = switch (kind(i)) {
                case MESSAGE -> "{\"msgtype\":\"m.text\",\"body\":\"Message number " + i
                        + " of the timeline benchmark, long enough to look like chat.\"}";
                case REPLY -> "{\"msgtype\":\"m.text\",\"body\":\"A reply to " + (i - 1) + "\",\"m.relates_to\":"
                        + "{\"m.in_reply_to\":{\"event_id\":\"" + eventId(i - 1) + "\"}}}";
                case REACTION -> "{\"m.relates_to\":{\"rel_type\":\"m.annotation\",\"event_id\":\"" + eventId(i - 1)
                        + "\",\"key\":\"\\ud83d\\udc4d\"}}";
                case EDIT -> "{\"msgtype\":\"m.text\",\"body\":\"* edited\",\"m.new_content\":{\"msgtype\":\"m.text\","
                        + "\"body\":\"edited\"},\"m.relates_to\":{\"rel_type\":\"m.replace\",\"event_id\":\""
                        + eventId(editTarget(i)) + "\"}}";
            };
            String type = kind(i) == Kind.REACTION ? "m.reaction" : "m.room.message";
            if (kind(i) == Kind.EDIT) {
                sender = editTarget(i) % 3 == 0 ? OTHER : USER; // only the original sender's edit counts
            }
            sb.append(",{\"type\":\"").append(type).append("\",\"event_id\":\"").append(eventId(i))
                    .append("\",\"sender\":\"").append(sender).append("\",\"origin_server_ts\":").append(ts + i)
                    .append(",\"content\":").append(content).append(",\"unsigned\":{\"age\":1000}}");
        }
        sb.append("]}}}}}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An edit changes the newest plain message before it. */
    private static int editTarget(int i) {
        int target = i - 1;
        while (kind(target) != Kind.MESSAGE) {
            target--;
        }
        return target;
    }

    private static void state(StringBuilder sb, int i, String type, String stateKey, String content, long ts,
                              String sender) {
        if (i > 0) {
            sb.append(',');
        }
        sb.append("{\"type\":\"").append(type).append("\",\"state_key\":\"").append(stateKey)
                .append("\",\"event_id\":\"").append(eventId(i)).append("\",\"sender\":\"").append(sender)
                .append("\",\"origin_server_ts\":").append(ts).append(",\"content\":").append(content).append('}');
    }
}
