package dev.mxj.store.sqlite;

import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.store.QueuedSend;
import dev.mxj.testing.RawClient;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that dies after the server took a queued event but before it read the answer sends it at
 * most once more after a restart on the same SQLite file: the restarted client finds it on the server
 * by its transaction ID (or resends it with that ID), and Dendrite keeps one copy.
 */
@ExtendWith(DendriteExtension.class)
class SendRestartIT {
    @TempDir
    Path dir;

    @Test
    void anEventCutOffMidSendIsSentExactlyOnceAfterRestart(Dendrite dendrite, TestUser alice) throws Exception {
        RawClient raw = new RawClient(dendrite.baseUrl(), alice.userId(), alice.accessToken());
        RoomId room = RoomId.of(raw.createRoom(Map.of("name", "Restart room")));
        Session session = Session.of(dendrite.baseUrl(), UserId.of(alice.userId()), DeviceId.of(alice.deviceId()),
                alice.accessToken());
        String body = "exactly once " + System.nanoTime();
        Path file = dir.resolve("alice.db");

        AtomicBoolean cutOff = new AtomicBoolean(true);
        CountDownLatch serverTookIt = new CountDownLatch(1);
        CountDownLatch processGone = new CountDownLatch(1);
        OkHttpClient dying = new OkHttpClient.Builder().addInterceptor(chain -> {
            Request request = chain.request();
            Response response = chain.proceed(request);
            if (cutOff.get() && request.method().equals("PUT") && request.url().encodedPath().contains("/send/")) {
                // The server stored the event; the process "dies" before reading the answer.
                response.close();
                serverTookIt.countDown();
                awaitQuietly(processGone);
                throw new IOException("the process died before reading the answer");
            }
            return response;
        }).build();

        String txn;
        try (SqliteStore store = SqliteStore.open(file)) {
            store.saveSession(session);
            MatrixClient first = MatrixClient.builder().stateStore(store).httpClient(dying).build();
            txn = first.rooms().roomById(room).sendText(body).transactionId();
            assertTrue(serverTookIt.await(30, TimeUnit.SECONDS), "the event reached Dendrite");
            first.close();
        } finally {
            cutOff.set(false);
            processGone.countDown();
        }

        try (SqliteStore store = SqliteStore.open(file)) {
            List<QueuedSend> left = store.queuedSends(room);
            assertEquals(1, left.size());
            assertEquals(QueuedSend.Status.PENDING, left.get(0).status(), "the first run never learned the event ID");
            assertEquals(txn, left.get(0).transactionId());
            try (MatrixClient second = MatrixClient.builder().stateStore(store).build()) {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (store.queuedSends(room).stream().noneMatch(e -> e.status() == QueuedSend.Status.SENT)) {
                    assertTrue(System.nanoTime() < end, "the restarted client resent the event");
                    Thread.sleep(20);
                }
            }
        }

        String path = "/rooms/" + URLEncoder.encode(room.value(), StandardCharsets.UTF_8)
                + "/messages?dir=b&limit=100";
        List<RawJson> copies = raw.get(path).array("chunk").stream()
                .filter(e -> e.object("content").flatMap(c -> c.string("body")).equals(java.util.Optional.of(body)))
                .toList();
        assertEquals(1, copies.size(), "one copy: the restarted client found the event by its transaction ID");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
