package dev.mxj.store.sqlite;

import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.room.Room;
import dev.mxj.send.SendHandle;
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
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Editing and redacting local echoes that are still pending, on a SQLite store, then restarting: what
 * the first run decided is on disk and the next run sends exactly that to Dendrite.
 * <ul>
 * <li>a waiting message edited: sent once, with the new text only;</li>
 * <li>a waiting message redacted: never sent;</li>
 * <li>a message in flight (the request never left) edited: sent, then an {@code m.replace} of it;</li>
 * <li>a message in flight that Dendrite stored (the answer never came) redacted: not sent again, then
 *     redacted.</li>
 * </ul>
 */
@ExtendWith(DendriteExtension.class)
class PendingEditRestartIT {
    @TempDir
    Path dir;

    @Test
    void editsAndRedactionsOfPendingEchoesSurviveARestart(Dendrite dendrite, TestUser alice) throws Exception {
        RawClient raw = new RawClient(dendrite.baseUrl(), alice.userId(), alice.accessToken());
        RoomId roomA = RoomId.of(raw.createRoom(Map.of("name", "edits")));
        RoomId roomB = RoomId.of(raw.createRoom(Map.of("name", "redactions")));
        Path file = dir.resolve("alice.db");

        CountDownLatch stuckA = new CountDownLatch(1);
        CountDownLatch tookB = new CountDownLatch(1);
        CountDownLatch processGone = new CountDownLatch(1);
        OkHttpClient dying = new OkHttpClient.Builder().addInterceptor(chain -> {
            Request request = chain.request();
            boolean put = request.method().equals("PUT") && request.url().encodedPath().contains("/send/");
            if (put && request.url().pathSegments().contains(roomA.value())) {
                stuckA.countDown(); // never leaves the process
                awaitQuietly(processGone);
                throw new IOException("the process died before the request left");
            }
            if (put && request.url().pathSegments().contains(roomB.value())) {
                Response response = chain.proceed(request);
                response.close();
                tookB.countDown(); // Dendrite stored it; the answer is never read
                awaitQuietly(processGone);
                throw new IOException("the process died before reading the answer");
            }
            return chain.proceed(request);
        }).build();

        String a1;
        String b1;
        try (SqliteStore store = SqliteStore.open(file)) {
            store.saveSession(Session.of(dendrite.baseUrl(), UserId.of(alice.userId()), DeviceId.of(alice.deviceId()),
                    alice.accessToken()));
            MatrixClient first = MatrixClient.builder().stateStore(store).httpClient(dying).build();
            Room a = first.rooms().roomById(roomA);
            Room b = first.rooms().roomById(roomB);
            SendHandle one = a.sendText("one");
            SendHandle tow = a.sendText("tow");
            SendHandle oops = a.sendText("oops");
            SendHandle doomed = b.sendText("doomed");
            a1 = one.transactionId();
            b1 = doomed.transactionId();
            assertTrue(stuckA.await(30, TimeUnit.SECONDS) && tookB.await(30, TimeUnit.SECONDS));

            assertEquals(tow, tow.edit("two").get(30, TimeUnit.SECONDS), "a waiting message is edited in place");
            assertEquals(Optional.empty(), oops.redact(Optional.empty()).get(30, TimeUnit.SECONDS),
                    "a waiting message is cancelled");
            SendHandle edit = one.edit("uno").get(30, TimeUnit.SECONDS);
            SendHandle redaction = doomed.redact(Optional.of("changed my mind")).get(30, TimeUnit.SECONDS)
                    .orElseThrow();
            first.close();

            List<QueuedSend> queuedA = store.queuedSends(roomA);
            assertEquals(List.of(a1, tow.transactionId(), edit.transactionId()),
                    queuedA.stream().map(QueuedSend::transactionId).toList());
            assertEquals(Optional.of("two"), queuedA.get(1).content().string("body"));
            assertEquals(Optional.of(a1), queuedA.get(2).dependsOn());
            List<QueuedSend> queuedB = store.queuedSends(roomB);
            assertEquals(List.of(b1, redaction.transactionId()), queuedB.stream().map(QueuedSend::transactionId)
                    .toList());
            assertEquals(Optional.of(b1), queuedB.get(1).dependsOn());
        } finally {
            processGone.countDown();
        }

        try (SqliteStore store = SqliteStore.open(file);
             MatrixClient second = MatrixClient.builder().stateStore(store).build()) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!allSent(store, roomA, 3) || !allSent(store, roomB, 2)) {
                assertTrue(System.nanoTime() < end, "the restarted client sent everything: " + store.queuedSends(roomA)
                        + store.queuedSends(roomB));
                Thread.sleep(20);
            }
            String oneId = eventId(store, roomA, 0);
            List<RawJson> eventsA = messages(raw, roomA);
            assertEquals(List.of("one", "two", "* uno"), eventsA.stream()
                    .map(e -> e.object("content").flatMap(c -> c.string("body")).orElse("")).toList(),
                    "no \"tow\", no \"oops\", each once");
            RawJson editContent = eventsA.get(2).object("content").orElseThrow();
            assertEquals(Optional.of(oneId), editContent.object("m.relates_to").flatMap(r -> r.string("event_id")));
            assertEquals(Optional.of("uno"), editContent.object("m.new_content").flatMap(c -> c.string("body")));

            String doomedId = eventId(store, roomB, 0);
            List<RawJson> eventsB = raw.get("/rooms/" + enc(roomB) + "/messages?dir=b&limit=100").array("chunk");
            long copies = eventsB.stream().filter(e -> e.string("event_id").equals(Optional.of(doomedId))).count();
            assertEquals(1, copies);
            List<RawJson> messagesB = eventsB.stream().filter(e -> e.string("type").equals(Optional.of("m.room.message")))
                    .toList();
            assertEquals(1, messagesB.size(), "Dendrite stored \"doomed\" once: it was found, not sent again");
            assertTrue(messagesB.get(0).object("content").flatMap(c -> c.string("body")).isEmpty(), "it is redacted");
            RawJson redactionEvent = eventsB.stream().filter(e -> e.string("type")
                    .equals(Optional.of("m.room.redaction"))).findFirst().orElseThrow();
            assertEquals(Optional.of(doomedId), redactionEvent.string("redacts")
                    .or(() -> redactionEvent.object("content").flatMap(c -> c.string("redacts"))));
        }
    }

    private static boolean allSent(SqliteStore store, RoomId room, int count) {
        List<QueuedSend> queued = store.queuedSends(room);
        return queued.size() == count && queued.stream().allMatch(e -> e.status() == QueuedSend.Status.SENT);
    }

    private static String eventId(SqliteStore store, RoomId room, int index) {
        return store.queuedSends(room).get(index).eventId().orElseThrow().value();
    }

    /** The room's {@code m.room.message} events, oldest first. */
    private static List<RawJson> messages(RawClient raw, RoomId room) {
        List<RawJson> newestFirst = raw.get("/rooms/" + enc(room) + "/messages?dir=b&limit=100").array("chunk")
                .stream().filter(e -> e.string("type").equals(Optional.of("m.room.message"))).toList();
        List<RawJson> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private static String enc(RoomId room) {
        return URLEncoder.encode(room.value(), StandardCharsets.UTF_8);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
