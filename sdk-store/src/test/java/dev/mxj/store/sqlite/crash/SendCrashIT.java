package dev.mxj.store.sqlite.crash;

import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.store.QueuedSend;
import dev.mxj.store.sqlite.SqliteStore;
import dev.mxj.testing.RawClient;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The send queue, killed: a child JVM ({@link SendUntilKilled}) queues numbered messages on a
 * {@link SqliteStore} and sends them to Dendrite; it is killed with SIGKILL at many points (while
 * queueing, before a PUT leaves, after Dendrite stored an event but before the answer was read or
 * recorded, and at random moments while sending), and restarted on the same file. At the end Dendrite's
 * timeline must hold every message exactly once, in order, each with the transaction ID the store
 * gave it when it was queued, which never changed across lives.
 *
 * <p>System properties: {@code mxj.sendcrash.messages} (default 40), {@code mxj.sendcrash.seed}.
 */
@ExtendWith(DendriteExtension.class)
class SendCrashIT {
    static final int MESSAGES = Integer.getInteger("mxj.sendcrash.messages", 40);
    static final long SEED = Long.getLong("mxj.sendcrash.seed", 20_261_126L);
    static final String PREFIX = "kill-msg-";
    private static final Pattern BODY = Pattern.compile("kill-msg-(\\d+)");
    private static final long LINE_TIMEOUT_S = 60;

    /** Where a life is killed. */
    enum Aim {
        /** While it queues messages (after {@code QUEUED k}). */
        QUEUEING,
        /** Its n-th PUT hangs before it leaves; killed there. */
        BEFORE_PUT,
        /** Its n-th PUT reached Dendrite, which stored the event; killed before the answer was recorded. */
        AFTER_SERVER_TOOK,
        /** 0-30 ms after its n-th event was recorded sent: in the store's write, or the next PUT. */
        AFTER_SENT,
        /** 0-400 ms after its first PUT. */
        ANY_TIME
    }

    static final List<Aim> PLAN = List.of(Aim.QUEUEING, Aim.AFTER_SERVER_TOOK, Aim.AFTER_SENT, Aim.BEFORE_PUT,
            Aim.ANY_TIME, Aim.AFTER_SERVER_TOOK, Aim.AFTER_SENT, Aim.ANY_TIME, Aim.BEFORE_PUT, Aim.AFTER_SERVER_TOOK,
            Aim.AFTER_SENT, Aim.ANY_TIME, Aim.AFTER_SERVER_TOOK, Aim.AFTER_SENT);

    @TempDir
    Path dir;
    private ChildRuns children;

    static String body(int index) {
        return PREFIX + index;
    }

    @Test
    void everyQueuedMessageReachesDendriteExactlyOnceThoughTheSenderIsKilled(Dendrite dendrite, TestUser alice)
            throws Exception {
        RawClient raw = new RawClient(dendrite.baseUrl(), alice.userId(), alice.accessToken());
        RoomId room = RoomId.of(raw.createRoom(Map.of("name", "send crash")));
        Path file = dir.resolve("store").resolve("alice.db");
        Files.createDirectories(file.getParent());
        children = new ChildRuns(dir);
        try (SqliteStore store = SqliteStore.open(file)) {
            store.saveSession(Session.of(dendrite.baseUrl(), UserId.of(alice.userId()),
                    DeviceId.of(alice.deviceId()), alice.accessToken()));
        }

        Random random = new Random(SEED);
        Map<Integer, String> txnOf = new HashMap<>();
        Map<Aim, Integer> kills = new EnumMap<>(Aim.class);
        int tookButUnrecorded = 0;
        for (int life = 1; life <= PLAN.size(); life++) {
            Aim aim = PLAN.get(life - 1);
            int n = 1 + random.nextInt(3);
            Child child = spawn(file, room, "life " + life + " " + aim + " " + n, switch (aim) {
                case BEFORE_PUT -> List.of("hang-before", Integer.toString(n));
                case AFTER_SERVER_TOOK -> List.of("hang-after", Integer.toString(n));
                default -> List.of("run");
            });
            String when = "life " + life + " (" + aim + " " + n + ")";
            boolean done = false;
            try {
                switch (aim) {
                    case QUEUEING -> done = child.await("QUEUED " + random.nextInt(MESSAGES / 4));
                    case BEFORE_PUT, AFTER_SERVER_TOOK -> done = child.await("HANG");
                    case AFTER_SENT -> {
                        for (int i = 0; i < n && !done; i++) {
                            done = child.await("SENT ");
                        }
                        TimeUnit.MICROSECONDS.sleep(random.nextInt(30_000));
                    }
                    case ANY_TIME -> {
                        done = child.await("PUT ");
                        TimeUnit.MILLISECONDS.sleep(random.nextInt(400));
                    }
                }
            } finally {
                if (!done) {
                    child.kill();
                }
            }
            if (done) {
                assertTrue(child.process.waitFor(30, TimeUnit.SECONDS), when + ": the child sent everything and exits");
                check(file, room, txnOf, when);
                break; // nothing left to kill in
            }
            assertEquals(137, child.process.exitValue(), when + ": the child must die by SIGKILL. Log:\n" + tail());
            kills.merge(aim, 1, Integer::sum);

            List<QueuedSend> queued = check(file, room, txnOf, when);
            if (aim == Aim.AFTER_SERVER_TOOK) {
                String took = child.last("TOOK ").orElseThrow(() -> new AssertionError(when + ": nothing was taken"));
                QueuedSend entry = queued.stream().filter(e -> e.transactionId().equals(took)).findFirst()
                        .orElseThrow();
                assertEquals(QueuedSend.Status.PENDING, entry.status(),
                        when + ": Dendrite stored the event, but the dead child never recorded its ID");
                tookButUnrecorded++;
            }
            if (queued.size() == MESSAGES && queued.stream().allMatch(e -> e.status() == QueuedSend.Status.SENT)) {
                break; // nothing left to kill in
            }
        }

        Child last = spawn(file, room, "last", List.of("run"));
        assertTrue(last.await("DONE"), "the last life sent everything. Log:\n" + tail());
        assertTrue(last.process.waitFor(30, TimeUnit.SECONDS), "the last life exits");
        assertEquals(0, last.process.exitValue());
        List<QueuedSend> finalQueue = check(file, room, txnOf, "at the end");
        assertEquals(MESSAGES, finalQueue.size());

        Map<String, String> txnByEventId = transactionIds(raw, room);
        List<RawJson> messages = dendriteTimeline(raw, room).stream().filter(e -> index(e).isPresent()).toList();
        List<Integer> order = messages.stream().map(e -> index(e).orElseThrow()).toList();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            expected.add(i);
        }
        assertEquals(expected, order, "Dendrite holds every message exactly once, in order; "
                + messages.stream().map(e -> index(e).orElseThrow() + "=" + e.string("event_id").orElseThrow() + "/"
                + txnByEventId.get(e.string("event_id").orElseThrow())).toList());
        for (RawJson event : messages) {
            Optional<Integer> index = index(event);
            QueuedSend entry = finalQueue.get(index.get());
            String eventId = event.string("event_id").orElseThrow();
            assertEquals(entry.eventId().map(id -> id.value()), Optional.of(eventId),
                    "the store recorded the event ID Dendrite gave " + body(index.get()));
            assertEquals(txnOf.get(index.get()), txnByEventId.get(eventId),
                    "Dendrite's copy of " + body(index.get()) + " carries the transaction ID it was queued with");
        }
        assertTrue(tookButUnrecorded >= 1, "at least one kill landed after Dendrite stored an event");
        System.out.println("RESULT send_crash_kills " + kills.values().stream().mapToInt(Integer::intValue).sum()
                + " kills");
        System.out.println("Send crash: kills " + kills + "; " + tookButUnrecorded + " kills after Dendrite stored an"
                + " event the child had not recorded; " + MESSAGES + " messages, each once in Dendrite's timeline");
    }

    /**
     * The store after a death: messages {@code 0..k-1} queued in order, each transaction ID unique and
     * the same as when it was first seen.
     */
    private static List<QueuedSend> check(Path file, RoomId room, Map<Integer, String> txnOf, String when) {
        try (SqliteStore store = SqliteStore.open(file)) {
            List<QueuedSend> queued = store.queuedSends(room);
            for (int i = 0; i < queued.size(); i++) {
                QueuedSend entry = queued.get(i);
                assertEquals(Optional.of(body(i)), entry.content().string("body"), when + ": queue order");
                String before = txnOf.putIfAbsent(i, entry.transactionId());
                if (before != null) {
                    assertEquals(before, entry.transactionId(), when + ": " + body(i) + " kept its transaction ID");
                }
                assertTrue(entry.status() != QueuedSend.Status.FAILED, when + ": " + entry);
            }
            assertEquals(queued.size(), queued.stream().map(QueuedSend::transactionId).distinct().count());
            return queued;
        }
    }

    private static Optional<Integer> index(RawJson event) {
        if (!event.string("type").equals(Optional.of("m.room.message"))) {
            return Optional.empty();
        }
        Matcher m = BODY.matcher(event.object("content").flatMap(c -> c.string("body")).orElse(""));
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /**
     * Event ID to {@code unsigned.transaction_id} of the room's events in an initial {@code /sync} of the
     * sending device (Dendrite gives the transaction ID to the device that sent the event, in sync).
     */
    private static Map<String, String> transactionIds(RawClient raw, RoomId room) {
        String filter = URLEncoder.encode("{\"room\":{\"timeline\":{\"limit\":" + (MESSAGES + 50) + "}}}",
                StandardCharsets.UTF_8);
        RawJson sync = raw.get("/sync?filter=" + filter);
        List<RawJson> events = sync.object("rooms").flatMap(r -> r.object("join")).flatMap(j -> j.object(room.value()))
                .flatMap(r -> r.object("timeline")).map(t -> t.array("events")).orElse(List.of());
        Map<String, String> out = new HashMap<>();
        for (RawJson event : events) {
            event.object("unsigned").flatMap(u -> u.string("transaction_id"))
                    .ifPresent(txn -> out.put(event.string("event_id").orElseThrow(), txn));
        }
        return out;
    }

    /** Every event of the room, oldest first, paged back from the end with {@code /messages}. */
    private static List<RawJson> dendriteTimeline(RawClient raw, RoomId room) {
        List<RawJson> newestFirst = new ArrayList<>();
        String from = null;
        String base = "/rooms/" + URLEncoder.encode(room.value(), StandardCharsets.UTF_8) + "/messages?dir=b&limit=100";
        while (true) {
            RawJson page = raw.get(from == null ? base : base + "&from=" + URLEncoder.encode(from, StandardCharsets.UTF_8));
            List<RawJson> chunk = page.array("chunk");
            newestFirst.addAll(chunk);
            Optional<String> end = page.string("end");
            if (chunk.isEmpty() || end.isEmpty()) {
                break;
            }
            from = end.get();
        }
        List<RawJson> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private Child spawn(Path file, RoomId room, String life, List<String> mode) throws IOException {
        List<String> args = new ArrayList<>(List.of(file.toString(), room.value(), Integer.toString(MESSAGES)));
        args.addAll(mode);
        Process process = children.java(life, "256m", "warn", SendUntilKilled.class, args)
                .redirectError(ProcessBuilder.Redirect.appendTo(children.log().toFile()))
                .start();
        return new Child(process, children.log());
    }

    private String tail() {
        return children.tail();
    }

    /** A child and the lines it printed, read on a thread of their own (and copied to the log). */
    private static final class Child {
        final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> seen = new ArrayList<>();

        Child(Process process, Path log) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                        Files.writeString(log, line + "\n", StandardCharsets.UTF_8,
                                java.nio.file.StandardOpenOption.APPEND);
                    }
                } catch (IOException e) {
                    // the child died
                }
            }, "send-crash-child-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /**
         * Waits for a line starting with {@code prefix}; true if the child printed {@code DONE} first
         * (it sent everything).
         */
        boolean await(String prefix) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(LINE_TIMEOUT_S);
            while (true) {
                String line = lines.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("no line " + prefix + " within " + LINE_TIMEOUT_S + " s; alive: "
                            + process.isAlive());
                }
                seen.add(line);
                if (line.equals("DONE")) {
                    return true;
                }
                if (line.startsWith(prefix)) {
                    return false;
                }
            }
        }

        /** The last line starting with {@code prefix} seen by {@link #await}, without it. */
        Optional<String> last(String prefix) {
            lines.drainTo(seen);
            for (int i = seen.size() - 1; i >= 0; i--) {
                if (seen.get(i).startsWith(prefix)) {
                    return Optional.of(seen.get(i).substring(prefix.length()));
                }
            }
            return Optional.empty();
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the child did not die");
            }
        }
    }
}
