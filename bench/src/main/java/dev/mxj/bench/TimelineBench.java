package dev.mxj.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Room;
import dev.mxj.store.sqlite.SqliteStore;
import dev.mxj.timeline.PaginationResult;
import dev.mxj.timeline.Timeline;
import dev.mxj.timeline.TimelineItem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The timeline benchmark of {@code scripts/bench timeline}: a room whose 10,000 events
 * ({@link TimelineFixture}) are in a {@link SqliteStore}, put there by a real client's initial sync from
 * a loopback server. Then, in fresh JVMs (one per run), on a client built on that store:
 * <ul>
 * <li><b>first screen</b>: from {@code room.timeline()} until it holds 50 event items (the timeline
 *     starts with the newest stored events and pages back through the store for the rest);
 *     the first time in the process ({@code cold}), then again and again ({@code warm});</li>
 * <li><b>back-paginate 10k</b>: a new timeline paged back through the store, 50 events a call, until
 *     it reaches {@code m.room.create}, with every one of the 10,000 events loaded.</li>
 * </ul>
 * Prints {@code RESULT <name> <value> <unit>} on stdout, progress on stderr.
 *
 * <p>Options: {@code --runs N} (fresh JVMs, default 5), {@code --events N} (default 10,000),
 * {@code --warm N} (timed warm opens per run, default 30), {@code --paginations N} (full back-paginations
 * per run, default 3), {@code --keep} (keep the store).
 */
public final class TimelineBench {
    static final int SCREEN = 50;
    static final int PAGE = 50;
    private static final String VALUE = "VALUE";

    private TimelineBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("run")) {
            measure(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            System.exit(0);
        }
        int runs = 5;
        int events = 10_000;
        int warm = 30;
        int paginations = 3;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--events" -> events = Integer.parseInt(args[++i]);
                case "--warm" -> warm = Integer.parseInt(args[++i]);
                case "--paginations" -> paginations = Integer.parseInt(args[++i]);
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; see the TimelineBench javadoc for the options");
            }
        }
        note("machine: " + Machine.describe());
        TimelineFixture fixture = new TimelineFixture(events);
        Path work = Files.createTempDirectory("mxj-timeline-bench");
        Path file = work.resolve("timeline.db");
        try {
            fill(fixture, file);
            note("store: " + events + " events in one room (" + fixture.itemEvents() + " shown as items), "
                    + Files.size(file) / 1024 + " KiB");
            Map<String, List<Double>> all = new LinkedHashMap<>();
            for (int run = 1; run <= runs; run++) {
                Map<String, List<Double>> values = child(List.of("run", file.toString(), Integer.toString(events),
                        Integer.toString(warm), Integer.toString(paginations)));
                values.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                note("run " + run + ": cold first screen " + fmt(values.get("first_screen_cold_ms").get(0))
                        + " ms, warm median " + fmt(new Stats(values.get("first_screen_warm_ms")).median())
                        + " ms, back-paginate " + values.get("backpaginate_ms").stream().map(TimelineBench::fmt).toList()
                        + " ms");
            }
            Stats warmScreen = new Stats(all.get("first_screen_warm_ms"));
            Stats coldScreen = new Stats(all.get("first_screen_cold_ms"));
            Stats paginate = new Stats(all.get("backpaginate_ms"));
            result("timeline_first_screen_ms", warmScreen.median(), "ms");
            result("timeline_first_screen_best_ms", warmScreen.min(), "ms");
            result("timeline_first_screen_cpu_ms", new Stats(all.get("first_screen_warm_cpu_ms")).median(), "ms");
            result("timeline_first_screen_cold_ms", coldScreen.median(), "ms");
            result("timeline_first_screen_cold_best_ms", coldScreen.min(), "ms");
            result("timeline_first_screen_cold_cpu_ms", new Stats(all.get("first_screen_cold_cpu_ms")).median(), "ms");
            result("timeline_backpaginate_10k_ms", paginate.median(), "ms");
            result("timeline_backpaginate_10k_best_ms", paginate.min(), "ms");
            result("timeline_backpaginate_10k_cpu_ms", new Stats(all.get("backpaginate_cpu_ms")).median(), "ms");
            note("goal: first screen within 20 ms; " + (warmScreen.median() <= 20 ? "met" : "MISSED")
                    + " (warm median), " + (coldScreen.median() <= 20 ? "met" : "missed") + " cold");
        } finally {
            if (keep) {
                note("kept " + file);
            } else {
                try (Stream<Path> files = Files.list(work)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(work);
            }
        }
    }

    /** Fills {@code file} by a client's initial sync of {@code fixture} from a loopback server. */
    private static void fill(TimelineFixture fixture, Path file) throws IOException {
        byte[] sync = fixture.initialSync();
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> serve(exchange, sync));
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        try (SqliteStore store = SqliteStore.open(file)) {
            store.saveSession(Session.of(url, UserId.of(TimelineFixture.USER), DeviceId.of("BENCH"), "bench-token"));
            try (MatrixClient client = MatrixClient.builder().stateStore(store).build()) {
                client.sync().syncOnce().join();
            }
            int stored = store.latestEvents(RoomId.of(TimelineFixture.ROOM), fixture.events() + 1).size();
            if (stored != fixture.events()) {
                throw new IllegalStateException("The store holds " + stored + " events, expected " + fixture.events());
            }
        } finally {
            server.stop(0);
        }
    }

    private static void serve(HttpExchange exchange, byte[] sync) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            int status = 200;
            if (path.endsWith("/sync")) {
                body = sync;
            } else if (path.contains("/filter")) {
                body = "{\"filter_id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            } else if (path.endsWith("/versions")) {
                body = "{\"versions\":[\"v1.11\"]}".getBytes(StandardCharsets.UTF_8);
            } else if (path.endsWith("/pushrules/")) {
                body = "{\"global\":{}}".getBytes(StandardCharsets.UTF_8);
            } else if (path.endsWith("/capabilities")) {
                body = "{\"capabilities\":{}}".getBytes(StandardCharsets.UTF_8);
            } else if (path.endsWith("/account/whoami")) {
                body = ("{\"user_id\":\"" + TimelineFixture.USER + "\",\"device_id\":\"BENCH\"}")
                        .getBytes(StandardCharsets.UTF_8);
            } else if (path.endsWith("/keys/upload")) {
                body = "{\"one_time_key_counts\":{}}".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 404;
                body = "{\"errcode\":\"M_UNRECOGNIZED\",\"error\":\"not in the fixture\"}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** In a fresh JVM: the first open, {@code warm} more opens, {@code paginations} full back-paginations. */
    private static void measure(Path file, int events, int warm, int paginations) {
        try (SqliteStore store = SqliteStore.open(file);
             MatrixClient client = MatrixClient.builder().stateStore(store).build()) {
            Room room = client.rooms().roomById(RoomId.of(TimelineFixture.ROOM));
            long cpu = cpuNanos();
            report("first_screen_cold_ms", firstScreen(room));
            report("first_screen_cold_cpu_ms", (cpuNanos() - cpu) / 1e6);
            for (int i = 0; i < 20; i++) {
                firstScreen(room); // warm-up
            }
            for (int i = 0; i < warm; i++) {
                cpu = cpuNanos();
                report("first_screen_warm_ms", firstScreen(room));
                report("first_screen_warm_cpu_ms", (cpuNanos() - cpu) / 1e6);
            }
            for (int i = 0; i < paginations; i++) {
                cpu = cpuNanos();
                report("backpaginate_ms", backPaginateAll(room, events));
                report("backpaginate_cpu_ms", (cpuNanos() - cpu) / 1e6);
            }
        }
    }

    /**
     * CPU time of this thread: the timeline reads the store and builds its items on the calling thread,
     * so this is the work itself, without the waits a machine shared with other work adds.
     */
    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Milliseconds from {@code room.timeline()} to 50 event items. */
    static double firstScreen(Room room) {
        long start = System.nanoTime();
        try (Timeline timeline = room.timeline()) {
            int shown = events(timeline.items());
            while (shown < SCREEN) {
                PaginationResult page = timeline.paginateBackwards(SCREEN - shown).join();
                shown = events(timeline.items());
                if (page.reachedStart()) {
                    break;
                }
            }
            double ms = (System.nanoTime() - start) / 1e6;
            if (shown < SCREEN) {
                throw new IllegalStateException("The timeline showed " + shown + " events, expected " + SCREEN);
            }
            return ms;
        }
    }

    /** Milliseconds to page a new timeline back through all {@code events} stored events. */
    static double backPaginateAll(Room room, int events) {
        long start = System.nanoTime();
        try (Timeline timeline = room.timeline()) {
            int loaded = events(timeline.items()); // a fresh timeline shows newest messages: all are items
            int calls = 0;
            while (true) {
                PaginationResult page = timeline.paginateBackwards(PAGE).join();
                calls++;
                if (page.reachedStart()) {
                    break;
                }
                if (calls > events) {
                    throw new IllegalStateException("Back-pagination did not reach the start");
                }
            }
            double ms = (System.nanoTime() - start) / 1e6;
            int items = events(timeline.items());
            if (items < loaded || timeline.items().stream().noneMatch(TimelineBench::isCreate)) {
                throw new IllegalStateException("Back-pagination ended without m.room.create (" + items + " items)");
            }
            return ms;
        }
    }

    private static boolean isCreate(TimelineItem item) {
        return item instanceof TimelineItem.Event e && e.event().raw().string("type").orElse("").equals("m.room.create");
    }

    private static int events(List<TimelineItem> items) {
        int n = 0;
        for (TimelineItem item : items) {
            if (item instanceof TimelineItem.Event) {
                n++;
            }
        }
        return n;
    }

    /** Runs {@code TimelineBench <args>} in a fresh JVM with this one's heap flags; returns its values. */
    private static Map<String, List<Double>> child(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Xm") || arg.startsWith("-XX:+Use")) {
                command.add(arg);
            }
        }
        String extra = System.getenv("MXJ_BENCH_CHILD_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                System.getProperty("java.class.path"), TimelineBench.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 3 && parts[0].equals(VALUE)) {
                    values.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(Double.parseDouble(parts[2]));
                } else {
                    other.add(line);
                    System.err.println("  | " + line);
                }
            }
        }
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("TimelineBench " + args + " did not finish in 600 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("TimelineBench " + args + " failed (exit " + p.exitValue() + "):\n"
                    + String.join("\n", other));
        }
        return values;
    }

    private static void report(String name, double value) {
        System.out.println(VALUE + " " + name + " " + value);
    }

    private static void result(String name, double value, String unit) {
        System.out.println("RESULT " + name + " " + fmt(value) + " " + unit);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static void note(String message) {
        System.err.println(message);
    }
}
