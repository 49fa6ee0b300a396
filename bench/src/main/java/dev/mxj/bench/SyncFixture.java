package dev.mxj.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Generates a large account's initial {@code /sync} response: {@code rooms} joined rooms, each with
 * {@code stateEvents} state events ({@code members} of them {@code m.room.member}) and
 * {@code timelineEvents} messages. Deterministic for a given seed. Written as bytes directly: the
 * fixture is ~100 MB of JSON and must not be built as a tree.
 */
public final class SyncFixture {
    public static final String USER = "@bench:bench.local";

    private final int rooms;
    private final int stateEvents;
    private final int members;
    private final int timelineEvents;
    private final long seed;

    public SyncFixture(int rooms, int stateEvents, int members, int timelineEvents, long seed) {
        if (members + 5 > stateEvents) {
            throw new IllegalArgumentException("stateEvents must leave room for create, power levels, join rules, "
                    + "history visibility and name besides the members");
        }
        this.rooms = rooms;
        this.stateEvents = stateEvents;
        this.members = members;
        this.timelineEvents = timelineEvents;
        this.seed = seed;
    }

    /** The account: 1,000 rooms x (30 state events, 20 of them members, + 100 messages). */
    public static SyncFixture large() {
        return new SyncFixture(1000, 30, 20, 100, 42);
    }

    public int totalEvents() {
        return rooms * (stateEvents + timelineEvents);
    }

    public int rooms() {
        return rooms;
    }

    public static String roomId(int room) {
        return "!room" + room + ":bench.local";
    }

    /** The initial sync, with {@code next_batch} "s1". */
    public byte[] initialSync() {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder(totalEvents() * 420);
        sb.append("{\"next_batch\":\"s1\",\"account_data\":{\"events\":[]},\"presence\":{\"events\":[]},")
                .append("\"to_device\":{\"events\":[]},\"device_lists\":{\"changed\":[],\"left\":[]},")
                .append("\"device_one_time_keys_count\":{\"signed_curve25519\":50},\"rooms\":{\"join\":{");
        long ts = 1_700_000_000_000L;
        for (int r = 0; r < rooms; r++) {
            if (r > 0) {
                sb.append(',');
            }
            String roomId = roomId(r);
            sb.append('"').append(roomId).append("\":{\"summary\":{\"m.joined_member_count\":").append(members)
                    .append(",\"m.invited_member_count\":0},\"state\":{\"events\":[");
            int n = 0;
            n = state(sb, n, roomId, "m.room.create", "", "{\"room_version\":\"10\",\"creator\":\"" + USER + "\"}", ts);
            n = state(sb, n, roomId, "m.room.power_levels", "", "{\"users\":{\"" + USER + "\":100},\"users_default\":0,"
                    + "\"events_default\":0,\"state_default\":50,\"ban\":50,\"kick\":50,\"redact\":50,\"invite\":0}", ts);
            n = state(sb, n, roomId, "m.room.join_rules", "", "{\"join_rule\":\"invite\"}", ts);
            n = state(sb, n, roomId, "m.room.history_visibility", "", "{\"history_visibility\":\"shared\"}", ts);
            n = state(sb, n, roomId, "m.room.name", "", "{\"name\":\"Bench room " + r + "\"}", ts);
            for (int m = 0; m < members; m++) {
                String user = m == 0 ? USER : "@user" + r + "_" + m + ":bench.local";
                n = state(sb, n, roomId, "m.room.member", user, "{\"membership\":\"join\",\"displayname\":\"User "
                        + r + "-" + m + "\",\"avatar_url\":\"mxc://bench.local/avatar" + m + "\"}", ts);
            }
            for (int k = n; k < stateEvents; k++) {
                n = state(sb, n, roomId, "org.example.bench.state", "key" + k, "{\"value\":" + k + "}", ts);
            }
            sb.append("]},\"timeline\":{\"limited\":true,\"prev_batch\":\"p").append(r).append("\",\"events\":[");
            for (int t = 0; t < timelineEvents; t++) {
                if (t > 0) {
                    sb.append(',');
                }
                String sender = t % members == 0 ? USER : "@user" + r + "_" + (t % members) + ":bench.local";
                long when = ts + (long) r * 1000 + t;
                sb.append("{\"type\":\"m.room.message\",\"event_id\":\"$e").append(r).append('_').append(t)
                        .append("\",\"sender\":\"").append(sender).append("\",\"origin_server_ts\":").append(when)
                        .append(",\"unsigned\":{\"age\":").append(random.nextInt(100000))
                        .append("},\"content\":{\"msgtype\":\"m.text\",\"body\":\"Message ").append(t)
                        .append(" in room ").append(r).append(": ").append(words(random)).append("\"}}");
            }
            sb.append("]},\"ephemeral\":{\"events\":[]},\"account_data\":{\"events\":[]},")
                    .append("\"unread_notifications\":{\"notification_count\":").append(r % 7)
                    .append(",\"highlight_count\":").append(r % 2).append("}}");
        }
        sb.append("}}}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An incremental sync from {@code since} carrying one new message in room {@code room}. */
    public byte[] incrementalSync(int n, int room) {
        String roomId = roomId(room);
        String json = "{\"next_batch\":\"s" + (n + 2) + "\",\"rooms\":{\"join\":{\"" + roomId + "\":{\"timeline\":{"
                + "\"limited\":false,\"prev_batch\":\"s" + (n + 1) + "\",\"events\":[{\"type\":\"m.room.message\","
                + "\"event_id\":\"$inc" + n + "\",\"sender\":\"" + USER + "\",\"origin_server_ts\":"
                + (1_800_000_000_000L + n) + ",\"content\":{\"msgtype\":\"m.text\",\"body\":\"incremental " + n
                + "\"}}]},\"unread_notifications\":{\"notification_count\":1,\"highlight_count\":0}}}}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static int state(StringBuilder sb, int n, String roomId, String type, String stateKey, String content,
                             long ts) {
        if (n > 0) {
            sb.append(',');
        }
        sb.append("{\"type\":\"").append(type).append("\",\"state_key\":\"").append(stateKey)
                .append("\",\"event_id\":\"$s").append(roomId, 5, roomId.indexOf(':')).append('_').append(n)
                .append("\",\"sender\":\"").append(USER).append("\",\"origin_server_ts\":").append(ts)
                .append(",\"content\":").append(content).append('}');
        return n + 1;
    }

    private static final String[] WORDS = {"matrix", "java", "sync", "room", "event", "bench", "fast", "store",
        "timeline", "state", "hello", "world", "message", "crypto", "server", "client"};

    private static String words(Random random) {
        StringBuilder sb = new StringBuilder();
        int count = 5 + random.nextInt(15);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }
}
