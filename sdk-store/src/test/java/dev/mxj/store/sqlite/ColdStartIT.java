package dev.mxj.store.sqlite;

import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Room;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomList;
import dev.mxj.store.StoredEvent;
import dev.mxj.testing.RawClient;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cold start: a client restarted on a SQLite store shows its room list, names and latest events
 * with no network at all, then resumes sync from the saved token without duplicating anything.
 */
@ExtendWith(DendriteExtension.class)
class ColdStartIT {
    @TempDir
    Path dir;

    @Test
    void roomListFromTheStoreThenResume(Dendrite dendrite, TestUser alice) throws Exception {
        RawClient raw = new RawClient(dendrite.baseUrl(), alice.userId(), alice.accessToken());
        RoomId a = RoomId.of(raw.createRoom(Map.of("name", "Cold room A")));
        RoomId b = RoomId.of(raw.createRoom(Map.of("name", "Cold room B")));
        for (int i = 0; i < 3; i++) {
            raw.send(a.value(), "a-" + i);
        }
        for (int i = 0; i < 3; i++) {
            raw.send(b.value(), "b-" + i);
        }
        Path file = dir.resolve("alice.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            store.saveSession(Session.of(dendrite.baseUrl(), UserId.of(alice.userId()), DeviceId.of(alice.deviceId()),
                    alice.accessToken()));
            try (MatrixClient client = MatrixClient.builder().stateStore(store).build()) {
                client.sync().syncOnce().join();
            }
        }

        AtomicInteger attempts = new AtomicInteger();
        OkHttpClient noNetwork = new OkHttpClient.Builder().addInterceptor(chain -> {
            attempts.incrementAndGet();
            throw new IOException("the network is off in this test");
        }).build();
        String savedToken;
        try (SqliteStore store = SqliteStore.open(file);
             MatrixClient offline = MatrixClient.builder().stateStore(store).httpClient(noNetwork).build()) {
            savedToken = store.syncToken().orElseThrow();
            RoomList list = offline.rooms().list();
            assertEquals(List.of(b, a), list.rooms().stream().map(RoomInfo::roomId).toList(), "newest activity first");
            Room roomB = offline.rooms().room(b).orElseThrow();
            assertEquals("Cold room B", roomB.displayName().text());
            assertEquals(List.of("b-0", "b-1", "b-2"), bodies(roomB.latestEvents(50)));
            assertTrue(roomB.powerLevels().orElseThrow().canKick(UserId.of(alice.userId()), UserId.of("@x:localhost")));
            assertEquals(0, attempts.get(), "cold start must not touch the network");
        } finally {
            noNetwork.dispatcher().executorService().shutdown();
        }

        raw.send(a.value(), "a-3");
        try (SqliteStore store = SqliteStore.open(file);
             MatrixClient client = MatrixClient.builder().stateStore(store).build()) {
            var changes = client.sync().syncOnce().join();
            assertTrue(!changes.nextBatch().equals(savedToken), "the token advanced");
            assertEquals(List.of("a-0", "a-1", "a-2", "a-3"),
                    bodies(client.rooms().room(a).orElseThrow().latestEvents(50)), "resumed without duplicates");
            assertEquals(a, client.rooms().list().rooms().get(0).roomId());
        }
    }

    private static List<String> bodies(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::event)
                .filter(RoomEvent.class::isInstance).map(RoomEvent.class::cast)
                .filter(e -> e.content() instanceof RoomMessageContent)
                .map(e -> ((RoomMessageContent) e.content()).body())
                .toList();
    }
}
