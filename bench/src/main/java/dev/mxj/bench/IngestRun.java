package dev.mxj.bench;

import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.event.EventRegistry;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.internal.sync.RoomReadView;
import dev.mxj.internal.sync.SyncProcessor;
import dev.mxj.internal.sync.SyncResponse;
import dev.mxj.internal.sync.SyncResponseParser;
import dev.mxj.room.RoomList;
import dev.mxj.store.StateChanges;
import dev.mxj.store.sqlite.SqliteStore;
import okio.Buffer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static dev.mxj.bench.ChildJvm.report;

/**
 * One measured mxj run, in its own JVM: a real {@link MatrixClient} on a new {@link SqliteStore}
 * ingests the fixture server's initial {@code /sync} ({@code syncOnce()}), then reads the sorted
 * room list back from the store; then it applies incremental syncs, each with one new message.
 */
final class IngestRun {
    private IngestRun() {
    }

    /** {@code ingest <serverUrl> <storeFile> <expectedRooms> <incrementalSyncs> <warmRuns>} */
    static void main(String[] args) throws Exception {
        URI server = URI.create(args[0]);
        Path file = Path.of(args[1]);
        int expectedRooms = Integer.parseInt(args[2]);
        int incremental = Integer.parseInt(args[3]);
        int warmRuns = Integer.parseInt(args[4]);
        UserId user = UserId.of(SyncFixture.USER);

        MemoryWatch watch = MemoryWatch.start();
        try (SqliteStore store = open(file, server, user);
             MatrixClient client = MatrixClient.builder().homeserverUrl(server).stateStore(store).build()) {
            Map<String, Long> cpuBefore = ThreadCpu.snapshot();
            long startedAt = System.currentTimeMillis();
            double ingestMs = timedIngest(client, store, expectedRooms);
            long endedAt = System.currentTimeMillis();
            Map<String, Long> cpuAfter = ThreadCpu.snapshot();
            long peakHeap = watch.peakHeapBytes();
            long peakLive = watch.peakLiveHeapBytes();
            long hwm = MemoryWatch.procStatusBytes("VmHWM");
            long rss = MemoryWatch.procStatusBytes("VmRSS");
            watch.close();
            report("ingest_ms", ingestMs);
            // Wall-clock bounds of the timed ingest, to cut a JFR recording of this child to it.
            report("ingest_window_start_epoch_ms", startedAt);
            report("ingest_window_end_epoch_ms", endedAt);
            // Where the CPU went during the ingest (the 2 cores are shared by all of these).
            for (String kind : cpuAfter.keySet()) {
                report("ingest_cpu_" + kind + "_ms", cpuAfter.get(kind) - cpuBefore.get(kind));
            }
            report("peak_heap_mib", peakHeap / 1048576.0);
            report("peak_live_heap_mib", peakLive / 1048576.0);
            report("peak_rss_mib", hwm / 1048576.0);
            report("rss_after_ingest_mib", rss / 1048576.0);

            if (incremental > 0) {
                double[] once = new double[incremental];
                for (int i = 0; i < incremental; i++) {
                    long t = System.nanoTime();
                    client.sync().syncOnce().join();
                    once[i] = (System.nanoTime() - t) / 1e6;
                }
                reportPercentiles("incremental_synconce", once);
                double[][] direct = direct(server, store, user, incremental);
                reportPercentiles("incremental_apply", direct[0]);
                reportPercentiles("incremental_parse", direct[1]);
            }
        }
        // The same ingest again in this now warm JVM, each into a new store with a new client: what
        // a long-running process pays for a second account's (or a cleared cache's) initial sync.
        for (int i = 1; i <= warmRuns; i++) {
            Path warmFile = file.resolveSibling("warm" + i + ".db");
            try (SqliteStore store = open(warmFile, server, user);
                 MatrixClient client = MatrixClient.builder().homeserverUrl(server).stateStore(store).build()) {
                Map<String, Long> before = ThreadCpu.snapshot();
                report("ingest_warm_ms", timedIngest(client, store, expectedRooms));
                Map<String, Long> after = ThreadCpu.snapshot();
                report("ingest_warm_cpu_ms", after.get("other") - before.get("other"));
            }
        }
    }

    private static SqliteStore open(Path file, URI server, UserId user) {
        SqliteStore store = SqliteStore.open(file);
        store.saveSession(Session.of(server, user, DeviceId.of("BENCH"), "bench-token"));
        return store;
    }

    /**
     * Timed: the request, parsing, processing, the committed store transaction, and the sorted
     * room list read back from the store. Returns milliseconds.
     */
    private static double timedIngest(MatrixClient client, SqliteStore store, int expectedRooms) {
        long start = System.nanoTime();
        StateChanges changes = client.sync().syncOnce().join();
        RoomList list = RoomList.of(store.rooms());
        long nanos = System.nanoTime() - start;
        if (list.rooms().size() != expectedRooms || changes.rooms().size() != expectedRooms) {
            throw new IllegalStateException("Expected " + expectedRooms + " joined rooms, got " + list.rooms().size());
        }
        return nanos / 1e6;
    }

    /**
     * Incremental syncs fetched from the fixture server, then parsed, processed and applied here:
     * [0] the processor + store apply (one transaction, committed) of each, [1] its parse.
     */
    private static double[][] direct(URI server, SqliteStore store, UserId user, int n)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        SyncResponseParser parser = new SyncResponseParser(EventRegistry.defaults());
        double[] apply = new double[n];
        double[] parse = new double[n];
        for (int i = 0; i < n; i++) {
            String since = store.syncToken().orElseThrow();
            HttpRequest request = HttpRequest.newBuilder(server.resolve("/_matrix/client/v3/sync?timeout=0&since="
                    + since)).header("Authorization", "Bearer bench-token").build();
            byte[] body = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
            long t0 = System.nanoTime();
            SyncResponse response = parser.parse(new Buffer().write(body));
            long t1 = System.nanoTime();
            StateChanges changes = new SyncProcessor(user, RoomReadView.of(store)).process(response);
            store.apply(changes);
            long t2 = System.nanoTime();
            parse[i] = (t1 - t0) / 1e6;
            apply[i] = (t2 - t1) / 1e6;
        }
        return new double[][] {apply, parse};
    }

    private static void reportPercentiles(String name, double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        report(name + "_p50_ms", sorted[(int) Math.ceil(0.50 * sorted.length) - 1]);
        report(name + "_p99_ms", sorted[(int) Math.ceil(0.99 * sorted.length) - 1]);
    }
}
