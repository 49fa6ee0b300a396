package dev.mxj.store.sqlite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * After the first, each room list given to {@code rooms().onListChanged} is the previous one with
 * the synced rooms' new {@code RoomInfo}s, not a read of the store. On SQLite it must still equal
 * the list read back from the file: every field survives the round trip.
 */
class RoomListUpdatesTest {
    private static final String ME = "@me:example.org";

    @TempDir
    Path dir;

    @Test
    void eachListEqualsTheOneReadFromTheFile() throws Exception {
        List<String> responses = List.of(
                sync("s1", room("!a:example.org", "Alpha", 1, "#a:example.org") + "," + room("!b:example.org", "Beta", 2, null)),
                sync("s2", room("!a:example.org", "Alpha renamed", 5, null)),
                sync("s3", room("!c:example.org", "Gamma", 3, "#c:example.org")),
                sync("s4", room("!b:example.org", "Beta", 9, null) + "," + room("!c:example.org", "Gamma", 10, null)));
        AtomicInteger next = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            send(exchange, path.endsWith("/sync") ? responses.get(Math.min(next.getAndIncrement(), responses.size() - 1))
                    : path.contains("/filter") ? "{\"filter_id\": \"f1\"}" : "{\"versions\": [\"v1.6\"]}");
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        try (SqliteStore store = SqliteStore.open(dir.resolve("list.db"))) {
            store.saveSession(Session.of(url, UserId.of(ME), DeviceId.of("DEV"), "token"));
            try (MatrixClient client = MatrixClient.builder().homeserverUrl(url).stateStore(store).build()) {
                LinkedBlockingQueue<RoomList> lists = new LinkedBlockingQueue<>();
                try (AutoCloseable sub = client.rooms().onListChanged(lists::add)) {
                    for (int i = 0; i < responses.size(); i++) {
                        client.sync().syncOnce().orTimeout(30, TimeUnit.SECONDS).join();
                        RoomList given = lists.poll(5, TimeUnit.SECONDS);
                        assertEquals(RoomList.of(store.rooms()), given, "after sync " + (i + 1));
                    }
                }
                RoomList last = client.rooms().list();
                assertEquals(List.of("!c:example.org", "!b:example.org", "!a:example.org"),
                        last.rooms().stream().map(r -> r.roomId().value()).toList());
                RoomInfo alpha = last.rooms().get(2);
                assertEquals(Optional.of("Alpha renamed"), alpha.name());
            }
        } finally {
            server.stop(0);
        }
    }

    private static String sync(String token, String joined) {
        return "{\"next_batch\": \"" + token + "\", \"rooms\": {\"join\": {" + joined + "}}}";
    }

    private static String room(String id, String name, long ts, String alias) {
        String state = event(id, "m.room.name", "", "{\"name\": \"" + name + "\"}", ts)
                + "," + event(id, "m.room.member", ME, "{\"membership\": \"join\", \"displayname\": \"Me\"}", ts)
                + (alias == null ? "" : "," + event(id, "m.room.canonical_alias", "",
                        "{\"alias\": \"" + alias + "\"}", ts));
        return "\"" + id + "\": {\"timeline\": {\"events\": [" + state + ","
                + "{\"type\": \"m.room.message\", \"event_id\": \"$m" + id.charAt(1) + ts + "\", \"sender\": \"" + ME
                + "\", \"origin_server_ts\": " + (ts * 1000) + ", \"content\": {\"msgtype\": \"m.text\", \"body\": \"hi\"}}"
                + "]}, \"summary\": {\"m.joined_member_count\": 1, \"m.heroes\": [\"@other:example.org\"]},"
                + " \"unread_notifications\": {\"notification_count\": " + ts + ", \"highlight_count\": 0}}";
    }

    private static String event(String room, String type, String stateKey, String content, long ts) {
        return "{\"type\": \"" + type + "\", \"state_key\": \"" + stateKey + "\", \"event_id\": \"$" + type.hashCode()
                + room.charAt(1) + ts + "\", \"sender\": \"" + ME + "\", \"origin_server_ts\": " + (ts * 1000)
                + ", \"content\": " + content + "}";
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
