package dev.mxj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sync benchmark of {@code scripts/bench sync}: a large account's initial {@code /sync}
 * ({@link SyncFixture#large()}, 130,000 events) served on loopback by a {@link FixtureServer},
 * ingested by mxj (a real client on a SQLite store, in a fresh JVM per run) and by matrix-js-sdk
 * (bench/js, in Node) from the same server, runs interleaved. Then cold starts from the store in
 * fresh JVMs. Prints one {@code RESULT <name> <value> <unit>} line per figure on stdout, progress on
 * stderr.
 *
 * <p>Options: {@code --repeats N} (ingest runs per client, default 3), {@code --cold N} (cold starts,
 * default 5), {@code --incremental N} (incremental syncs per run, default 200), {@code --warm N}
 * (warm ingests per run, default 2), {@code --rooms N} (a smaller fixture, for trying things),
 * {@code --no-js}, {@code --no-floor} (no {@link StoreFloor} runs), {@code --js-dir DIR} (default bench/js),
 * {@code --keep} (keep the stores).
 * docs/performance.md says what each figure measures.
 */
public final class SyncBench {
    private SyncBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("ingest")) {
            IngestRun.main(Arrays.copyOfRange(args, 1, args.length));
            System.exit(0); // OkHttp's and the fixture client's pools must not hold the child open
        }
        if (args.length > 0 && args[0].equals("floor")) {
            StoreFloor.main(Arrays.copyOfRange(args, 1, args.length));
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("cold")) {
            ColdStart.main(Arrays.copyOfRange(args, 1, args.length));
            System.exit(0);
        }
        int repeats = 3;
        int cold = 5;
        int incremental = 200;
        int warm = 2;
        int rooms = 1000;
        boolean js = true;
        boolean keep = false;
        boolean floor = true;
        Path jsDir = Path.of("bench/js");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--cold" -> cold = Integer.parseInt(args[++i]);
                case "--incremental" -> incremental = Integer.parseInt(args[++i]);
                case "--warm" -> warm = Integer.parseInt(args[++i]);
                case "--rooms" -> rooms = Integer.parseInt(args[++i]);
                case "--no-js" -> js = false;
                case "--js-dir" -> jsDir = Path.of(args[++i]);
                case "--keep" -> keep = true;
                case "--no-floor" -> floor = false;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; see the SyncBench javadoc for the options");
            }
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats must be at least 1");
        }
        SyncFixture fixture = rooms == 1000 ? SyncFixture.large() : new SyncFixture(rooms, 30, 20, 100, 42);
        new SyncBench().run(fixture, repeats, cold, incremental, warm, js, floor, jsDir, keep);
    }

    private void run(SyncFixture fixture, int repeats, int cold, int incremental, int warm, boolean js, boolean floor,
                     Path jsDir, boolean keep) throws Exception {
        note("machine: " + Machine.describe());
        Path work = Files.createTempDirectory("mxj-sync-bench");
        Map<String, List<Double>> mxj = new LinkedHashMap<>();
        Map<String, List<Double>> peer = new LinkedHashMap<>();
        int events = fixture.totalEvents();
        try (FixtureServer server = new FixtureServer(fixture)) {
            note("fixture: " + fixture.rooms() + " rooms, " + events + " events, "
                    + server.initialSyncBytes() / 1048576 + " MiB of JSON at " + server.url());
            if (js) {
                JsPeer.ensureInstalled(jsDir);
            }
            Path lastStore = null;
            Path floorRows = work.resolve("floor-rows.bin");
            for (int i = 1; i <= repeats; i++) {
                lastStore = work.resolve("run" + i).resolve("mxj.db");
                Map<String, List<Double>> v = ChildJvm.run(List.of("ingest", server.url().toString(),
                        lastStore.toString(), Integer.toString(fixture.rooms()), Integer.toString(incremental),
                        Integer.toString(warm)), 900);
                note("run " + i + " mxj: " + v);
                v.forEach((k, x) -> mxj.computeIfAbsent(k, key -> new ArrayList<>()).addAll(x));
                if (floor) {
                    if (i == 1) {
                        note("store floor: " + StoreFloor.dump(lastStore, floorRows) + " rows of the ingested store");
                    }
                    Path floorDir = Files.createDirectories(work.resolve("floor" + i));
                    Map<String, List<Double>> f = ChildJvm.run(List.of("floor", floorRows.toString(),
                            floorDir.toString(), Integer.toString(warm)), 600);
                    note("run " + i + " store floor: " + f);
                    f.forEach((k, x) -> mxj.computeIfAbsent(k, key -> new ArrayList<>()).addAll(x));
                    deleteTree(floorDir);
                }
                if (js) {
                    Map<String, Double> j = JsPeer.results(jsDir, "sync-ingest.mjs", server.url().toString());
                    note("run " + i + " matrix-js-sdk: " + j);
                    if (j.getOrDefault("jssdk_rooms", -1.0) != fixture.rooms()) {
                        throw new IllegalStateException("matrix-js-sdk did not see all rooms: " + j);
                    }
                    j.forEach((k, x) -> peer.computeIfAbsent(k, key -> new ArrayList<>()).add(x));
                }
            }
            List<String> coldArgs = List.of("cold", lastStore.toString(), Integer.toString(fixture.rooms()));
            List<String> appCds = cold > 0 ? ColdStart.trainAppCds(work.resolve("cold-start.jsa"), coldArgs)
                    : List.of();
            for (int i = 1; i <= cold; i++) {
                Map<String, List<Double>> v = ChildJvm.run(coldArgs, 300);
                note("cold start " + i + ": " + v);
                v.forEach((k, x) -> mxj.computeIfAbsent(k, key -> new ArrayList<>()).addAll(x));
                if (!appCds.isEmpty()) {
                    Map<String, List<Double>> a = ChildJvm.run(appCds, coldArgs, 300);
                    note("cold start " + i + " with the AppCDS archive: " + a);
                    a.forEach((k, x) -> mxj.computeIfAbsent("appcds_" + k, key -> new ArrayList<>()).addAll(x));
                }
            }
        } finally {
            if (!keep) {
                deleteTree(work);
            } else {
                note("stores kept in " + work);
            }
        }
        print(fixture, events, mxj, peer, incremental > 0, js);
    }

    private static void print(SyncFixture fixture, int events, Map<String, List<Double>> mxj,
                              Map<String, List<Double>> peer, boolean incremental, boolean js) {
        Stats ingest = new Stats(mxj.get("ingest_ms"));
        result("sync_fixture_rooms", fixture.rooms(), "rooms");
        result("sync_fixture_events", events, "events");
        result("ingest_ms", ingest.median(), "ms");
        result("ingest_ms_best", ingest.min(), "ms");
        result("ingest_events_per_s", events / (ingest.median() / 1000), "events/s");
        result("ingest_events_per_s_best", events / (ingest.min() / 1000), "events/s");
        if (mxj.containsKey("ingest_warm_ms")) {
            Stats warm = new Stats(mxj.get("ingest_warm_ms"));
            result("ingest_warm_ms", warm.median(), "ms");
            result("ingest_warm_ms_best", warm.min(), "ms");
            result("ingest_warm_events_per_s", events / (warm.median() / 1000), "events/s");
            result("ingest_warm_events_per_s_best", events / (warm.min() / 1000), "events/s");
        }
        result("ingest_cpu_ms", new Stats(mxj.get("ingest_cpu_other_ms")).median(), "ms");
        result("ingest_cpu_jit_ms", new Stats(mxj.get("ingest_cpu_jit_ms")).median(), "ms");
        result("ingest_cpu_gc_ms", new Stats(mxj.get("ingest_cpu_gc_ms")).median(), "ms");
        result("ingest_cpu_http_ms", new Stats(mxj.get("ingest_cpu_http_ms")).median(), "ms");
        result("ingest_cpu_sync_ms", new Stats(mxj.get("ingest_cpu_sync_ms")).median(), "ms");
        if (mxj.containsKey("ingest_warm_cpu_ms")) {
            result("ingest_warm_cpu_ms", new Stats(mxj.get("ingest_warm_cpu_ms")).median(), "ms");
        }
        if (mxj.containsKey("store_floor_ms")) {
            // The same rows written through sqlite-jdbc with no HTTP, JSON or mxj code (StoreFloor).
            Stats floor = new Stats(mxj.get("store_floor_ms"));
            result("store_floor_ms", floor.median(), "ms");
            result("store_floor_ms_best", floor.min(), "ms");
            result("store_floor_events_per_s", events / (floor.median() / 1000), "events/s");
            result("store_floor_cpu_ms", new Stats(mxj.get("store_floor_cpu_other_ms")).median(), "ms");
            result("store_floor_cpu_jit_ms", new Stats(mxj.get("store_floor_cpu_jit_ms")).median(), "ms");
            if (mxj.containsKey("store_floor_warm_ms")) {
                result("store_floor_warm_ms", new Stats(mxj.get("store_floor_warm_ms")).median(), "ms");
            }
        }
        if (js) {
            Stats peerIngest = new Stats(peer.get("jssdk_ingest_ms"));
            result("jssdk_ingest_ms", peerIngest.median(), "ms");
            result("jssdk_ingest_ms_best", peerIngest.min(), "ms");
            result("ingest_ratio_vs_jssdk", peerIngest.median() / ingest.median(), "x");
            result("ingest_ratio_vs_jssdk_best", peerIngest.min() / ingest.min(), "x");
        }
        coldStart(mxj, "", "cold_start");
        coldStart(mxj, "appcds_", "cold_start_appcds");
        if (incremental) {
            // Per-run percentiles; the median run's.
            result("incremental_apply_p50_ms", new Stats(mxj.get("incremental_apply_p50_ms")).median(), "ms");
            result("incremental_apply_p99_ms", new Stats(mxj.get("incremental_apply_p99_ms")).median(), "ms");
            result("incremental_synconce_p50_ms", new Stats(mxj.get("incremental_synconce_p50_ms")).median(), "ms");
            result("incremental_synconce_p99_ms", new Stats(mxj.get("incremental_synconce_p99_ms")).median(), "ms");
        }
        // Memory: the highest of all runs.
        result("peak_heap_mib", new Stats(mxj.get("peak_heap_mib")).max(), "MiB");
        result("peak_live_heap_mib", new Stats(mxj.get("peak_live_heap_mib")).max(), "MiB");
        result("peak_rss_mib", new Stats(mxj.get("peak_rss_mib")).max(), "MiB");
        if (js) {
            result("jssdk_peak_rss_mib", new Stats(peer.get("jssdk_peak_rss_mib")).max(), "MiB");
        }
    }

    /** The cold start figures the children reported under {@code prefix}, printed as {@code name_*}. */
    private static void coldStart(Map<String, List<Double>> mxj, String prefix, String name) {
        if (!mxj.containsKey(prefix + "cold_start_ms")) {
            return;
        }
        Stats coldStart = new Stats(mxj.get(prefix + "cold_start_ms"));
        result(name + "_ms", coldStart.median(), "ms");
        result(name + "_ms_best", coldStart.min(), "ms");
        result(name + "_open_ms", new Stats(mxj.get(prefix + "cold_open_ms")).median(), "ms");
        result(name + "_room_list_ms", new Stats(mxj.get(prefix + "cold_room_list_ms")).median(), "ms");
    }

    private static void result(String name, double value, String unit) {
        String text = value == Math.rint(value) && Math.abs(value) < 1e12
                ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
        System.out.println("RESULT " + name + " " + text + " " + unit);
    }

    private static void note(String line) {
        System.err.println("# " + line);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
