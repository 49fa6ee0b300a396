package dev.mxj.bench.crypto;

import dev.mxj.crypto.olm.libolm.LibolmBackend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Olm and Megolm throughput of mxj's libolm backend (through {@link dev.mxj.crypto.olm.OlmBackend}),
 * python3-olm and vodozemac (PyPI bindings) in one run, and the cost of mxj's JNI layer over
 * libolm called directly from C. Run by {@code scripts/bench crypto} from the repository root.
 * It prints {@code RESULT <name> <value> <unit>} lines and, at the end, the Markdown tables that
 * docs/performance.md shows.
 *
 * <p>Each figure is the rate of the fastest of several timed batches, and the median comes next
 * to it ({@code <name>_median}). Time is the measuring thread's CPU time (see {@link Harness}).
 * On a shared machine, other work only ever slows a batch down. So the fastest batch is the
 * figure that repeats from run to run; the median shows how noisy the run was.
 *
 * <p>Options: {@code --rounds N} (5) and {@code --batches N} (2 timed batches per workload,
 * implementation and round); {@code --jni-rounds N} (6 rounds of 6 batches each for mxj and C);
 * {@code --jni-only} skips the throughput rounds; {@code --quick} is 2 rounds of 1 and 2 JNI rounds. Prerequisites, which scripts/setup installs: gcc and
 * libolm-dev, python3-olm for /usr/bin/python3, and vodozemac in
 * {@code ${MXJ_CACHE_DIR:-~/.cache/mxj}/pyvenv}.
 */
public final class CryptoBench {
    private static final String[] WORKLOADS = {
        "megolm_encrypt_per_s", "megolm_decrypt_per_s", "olm_session_create_per_s", "olm_encrypt_per_s", "olm_decrypt_per_s",
    };

    /** Timed batches per side in each round of the JNI overhead phase. */
    private static final int JNI_BATCHES = 6;

    private final Map<String, Double> results = new LinkedHashMap<>();

    private CryptoBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        int batches = 2;
        int jniRounds = 6;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--batches" -> batches = Integer.parseInt(args[++i]);
                case "--jni-rounds" -> jniRounds = Integer.parseInt(args[++i]);
                case "--jni-only" -> rounds = 0;
                case "--quick" -> {
                    rounds = 2;
                    batches = 1;
                    jniRounds = 2;
                }
                default -> {
                    System.err.println("usage: scripts/bench crypto [--rounds N] [--batches N] [--jni-rounds N] [--jni-only] [--quick]");
                    System.exit(2);
                }
            }
        }
        new CryptoBench().run(Path.of("").toAbsolutePath(), rounds, batches, jniRounds);
    }

    private void run(Path repo, int rounds, int batches, int jniRounds) throws IOException, InterruptedException {
        // Check everything first, so a missing peer fails at once, naming what to install.
        long started = System.nanoTime();
        Peers.Peer pyolm = Peers.pyolm(repo);
        Peers.Peer vodozemac = Peers.vodozemac(repo);
        String pyolmVersion = pyolm.version();
        String vodozemacVersion = vodozemac.version();
        Path harness = Peers.compileC(repo.resolve("bench/c/megolm_bench.c"));
        LibolmBackend olm = LibolmBackend.create();
        MxjWorkloads mxj = new MxjWorkloads(olm);

        System.out.printf("# machine: %s, %d cores; %s %s%n", Peers.cpuModel(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf("# mxj over %s; python3-olm %s; vodozemac %s (PyPI bindings)%n", olm.name(), pyolmVersion, vodozemacVersion);
        System.out.printf("# method: %d rounds; per round and implementation, each workload runs 1 warm-up + %d timed batches;"
                + " thread CPU time; fastest batch (and median); JNI overhead from %d more rounds of mxj and C alone%n",
                rounds, batches, jniRounds);
        put("load_average_at_start", Peers.loadAverage(), "-");

        if (rounds > 0) {
            throughput(mxj, pyolm, vodozemac, harness, repo, rounds, batches);
        }
        jniOverhead(mxj, harness, repo, jniRounds);
        if (mxj.sink() == 0) {
            throw new IllegalStateException("the workloads produced nothing");
        }
        put("load_average_at_end", Peers.loadAverage(), "-");
        put("crypto_bench_seconds", (System.nanoTime() - started) / 1e9, "s");
        printTables(rounds, batches, jniRounds);
    }

    /**
     * Every round measures every implementation, in an order that rotates from round to round, so
     * that a burst of other work on the machine does not land on one implementation only.
     */
    private void throughput(MxjWorkloads mxj, Peers.Peer pyolm, Peers.Peer vodozemac, Path harness, Path repo,
                            int rounds, int batches) throws IOException, InterruptedException {
        Map<String, Map<String, List<Double>>> rates = new LinkedHashMap<>();
        List<String> peerOptions = List.of("--warmup", "1", "--iterations", Integer.toString(batches));
        List<String> order = new ArrayList<>(List.of("mxj", "libolm_c", "pyolm", "vodozemac"));
        for (int round = 0; round < rounds; round++) {
            for (String implementation : order) {
                Map<String, List<Double>> measured = switch (implementation) {
                    case "mxj" -> {
                        Map<String, List<Double>> m = new LinkedHashMap<>();
                        for (Harness.Workload<?> workload : mxj.all()) {
                            m.put(workload.name(), toList(Harness.rates(workload, 1, batches)));
                        }
                        yield m;
                    }
                    case "libolm_c" -> Peers.batches(Peers.runChecked(List.of(harness.toString(), "1", Integer.toString(batches),
                            Integer.toString(MxjWorkloads.MEGOLM_BATCH), Integer.toString(MxjWorkloads.PLAINTEXT_BYTES)), repo));
                    case "pyolm" -> pyolm.bench(peerOptions);
                    default -> vodozemac.bench(peerOptions);
                };
                measured.forEach((workload, list) -> rates.computeIfAbsent(implementation, k -> new LinkedHashMap<>())
                        .computeIfAbsent(workload, k -> new ArrayList<>()).addAll(list));
            }
            Collections.rotate(order, 1);
        }
        for (String workload : WORKLOADS) {
            for (String implementation : List.of("mxj", "pyolm", "vodozemac", "libolm_c")) {
                List<Double> list = rates.get(implementation).get(workload);
                if (list != null) {
                    putRates(workload + "_" + implementation, list);
                }
            }
        }
    }

    /**
     * The same Megolm work through mxj and from C. The difference is small against the cost of an
     * operation, and smaller than the drift of a shared machine over the minute the throughput
     * rounds take. So this phase alternates only these two, in rounds of {@value #JNI_BATCHES}
     * batches per side (which side goes first alternates too). Other work only ever slows a batch
     * down, so the overhead compares the fastest batch of each side; the medians are printed too.
     */
    private void jniOverhead(MxjWorkloads mxj, Path harness, Path repo, int jniRounds) throws IOException, InterruptedException {
        Map<String, List<Double>> c = new LinkedHashMap<>();
        Map<String, List<Double>> jni = new LinkedHashMap<>();
        for (int round = 0; round < jniRounds; round++) {
            for (int side = 0; side < 2; side++) {
                if ((side == 0) == (round % 2 == 0)) {
                    Peers.batches(Peers.runChecked(List.of(harness.toString(), "1", Integer.toString(JNI_BATCHES),
                            Integer.toString(MxjWorkloads.MEGOLM_BATCH), Integer.toString(MxjWorkloads.PLAINTEXT_BYTES)), repo))
                            .forEach((workload, list) -> c.computeIfAbsent(workload, k -> new ArrayList<>()).addAll(list));
                } else {
                    for (Harness.Workload<?> workload : List.of(mxj.megolmEncrypt(), mxj.megolmDecrypt())) {
                        jni.computeIfAbsent(workload.name(), k -> new ArrayList<>())
                                .addAll(toList(Harness.rates(workload, 1, JNI_BATCHES)));
                    }
                }
            }
        }
        overhead("decrypt", "jni_overhead_pct", c.get("megolm_decrypt_per_s"), jni.get("megolm_decrypt_per_s"));
        overhead("encrypt", "jni_overhead_encrypt_pct", c.get("megolm_encrypt_per_s"), jni.get("megolm_encrypt_per_s"));
    }

    /** Per-operation times of both sides, and (mxj − C) / C from the fastest batches and from the medians. */
    private void overhead(String operation, String name, List<Double> c, List<Double> mxj) {
        double fastestC = 1e6 / max(c);
        double fastestMxj = 1e6 / max(mxj);
        put("megolm_" + operation + "_us_per_op_libolm_c", fastestC, "us");
        put("megolm_" + operation + "_us_per_op_mxj", fastestMxj, "us");
        put(name, (fastestMxj - fastestC) / fastestC * 100, "%");
        double medianC = 1e6 / median(c);
        double medianMxj = 1e6 / median(mxj);
        put(name.replace("_pct", "_median_pct"), (medianMxj - medianC) / medianC * 100, "%");
    }

    private void putRates(String name, List<Double> rates) {
        put(name, max(rates), "ops/s");
        put(name + "_median", median(rates), "ops/s");
    }

    private void put(String name, double value, String unit) {
        results.put(name, value);
        System.out.printf(Locale.ROOT, "RESULT %s %.2f %s%n", name, value, unit);
        System.out.flush();
    }

    private void printTables(int rounds, int batches, int jniRounds) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        if (rounds > 0) {
            lines.add("| Operations per second: fastest batch (median) | mxj (libolm via JNI) | python3-olm | vodozemac (Python) | libolm from C |");
            lines.add("|---|---:|---:|---:|---:|");
            for (String workload : WORKLOADS) {
                lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |", workload,
                        cell(workload + "_mxj"), cell(workload + "_pyolm"), cell(workload + "_vodozemac"),
                        cell(workload + "_libolm_c")));
            }
            lines.add("");
        }
        lines.add("| Megolm, fastest of " + JNI_BATCHES * jniRounds + " batches | libolm from C, µs/op | mxj, µs/op"
                + " | JNI overhead | JNI overhead from the medians |");
        lines.add("|---|---:|---:|---:|---:|");
        for (String op : List.of("decrypt", "encrypt")) {
            String pct = op.equals("decrypt") ? "jni_overhead_pct" : "jni_overhead_encrypt_pct";
            lines.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %+.1f %% | %+.1f %% |", op,
                    results.get("megolm_" + op + "_us_per_op_libolm_c"), results.get("megolm_" + op + "_us_per_op_mxj"),
                    results.get(pct), results.get(pct.replace("_pct", "_median_pct"))));
        }
        lines.add("");
        String throughput = rounds == 0 ? "" : String.format(Locale.ROOT,
                "%d rounds × %d timed batches per workload and implementation, after 1 warm-up batch per round; ", rounds, batches);
        lines.add(String.format(Locale.ROOT, "(%sa batch is %d operations (Olm sessions: %d); whole run %.0f s; "
                        + "1-minute load average %.1f at the start, %.1f at the end)",
                throughput, MxjWorkloads.MEGOLM_BATCH, MxjWorkloads.SESSION_ACCOUNTS * MxjWorkloads.SESSION_KEYS,
                results.get("crypto_bench_seconds"), results.get("load_average_at_start"), results.get("load_average_at_end")));
        lines.forEach(System.out::println);
    }

    private String cell(String name) {
        Double fastest = results.get(name);
        Double median = results.get(name + "_median");
        if (fastest == null) {
            return "–";
        }
        return String.format(Locale.ROOT, "%,.0f (%,.0f)", fastest, median);
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private static double median(List<Double> values) {
        return Harness.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
