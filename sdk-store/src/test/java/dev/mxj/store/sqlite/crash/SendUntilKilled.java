package dev.mxj.store.sqlite.crash;

import dev.mxj.MatrixClient;
import dev.mxj.id.RoomId;
import dev.mxj.room.Room;
import dev.mxj.send.SendState;
import dev.mxj.store.QueuedSend;
import dev.mxj.store.sqlite.SqliteStore;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Child process of {@link SendCrashIT}: opens the SQLite store (which holds the session), starts a
 * client on it (which resumes the queue a killed life left), queues the numbered messages not queued
 * yet, one after another, and sends until killed. It never syncs, so sent events stay in the queue
 * (marked sent): the parent reads the whole history from the file.
 *
 * <p>Arguments: store file, room ID, message count, then how to die: {@code run} (until killed),
 * {@code hang-before N} (the N-th PUT of this life never leaves: the process hangs before sending it),
 * {@code hang-after N} (the N-th PUT reaches the server, which stores the event, and the process hangs
 * before reading the answer). Prints {@code QUEUED i}, {@code PUT txn}, {@code TOOK txn},
 * {@code SENT txn}, {@code HANG} and {@code DONE} (every message sent) on stdout.
 */
public final class SendUntilKilled {
    private SendUntilKilled() {
    }

    /** Prints {@code HANG} and waits for the kill. */
    private static void hang(PrintStream out, CountDownLatch never) {
        out.println("HANG");
        while (true) {
            try {
                never.await();
            } catch (InterruptedException e) {
                // OkHttp's call was cancelled: keep hanging, the parent kills this process
            }
        }
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path file = Path.of(args[0]);
        RoomId roomId = RoomId.of(args[1]);
        int count = Integer.parseInt(args[2]);
        String mode = args[3];
        int hangAt = args.length > 4 ? Integer.parseInt(args[4]) : -1;

        AtomicInteger puts = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> {
            Request request = chain.request();
            boolean send = request.method().equals("PUT") && request.url().encodedPath().contains("/send/");
            if (!send) {
                return chain.proceed(request);
            }
            List<String> segments = request.url().pathSegments();
            String txn = segments.get(segments.size() - 1);
            int n = puts.incrementAndGet();
            out.println("PUT " + txn);
            if (mode.equals("hang-before") && n == hangAt) {
                hang(out, never);
            }
            Response response = chain.proceed(request);
            if (response.isSuccessful()) {
                out.println("TOOK " + txn);
            }
            if (mode.equals("hang-after") && n == hangAt) {
                hang(out, never);
            }
            return response;
        }).build();

        SqliteStore store = SqliteStore.open(file);
        MatrixClient client = MatrixClient.builder().stateStore(store).httpClient(http).build();
        Room room = client.rooms().roomById(roomId);
        room.onSendStateChanged(echo -> {
            if (echo.state() instanceof SendState.Sent) {
                out.println("SENT " + echo.transactionId());
            }
        });
        List<QueuedSend> queued = store.queuedSends(roomId);
        for (int i = queued.size(); i < count; i++) {
            room.sendText(SendCrashIT.body(i));
            out.println("QUEUED " + i);
        }
        while (true) {
            List<QueuedSend> now = store.queuedSends(roomId);
            if (now.size() == count && now.stream().allMatch(e -> e.status() == QueuedSend.Status.SENT)) {
                out.println("DONE");
                break;
            }
            Thread.sleep(10);
        }
        client.close();
        store.close();
        System.exit(0);
    }
}
