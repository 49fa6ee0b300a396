package dev.mxj.bench.e2ee;

import dev.mxj.bench.JsPeer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end encryption workloads of mxj's {@link dev.mxj.crypto.machine.OlmMachine} (libolm
 * backend) side by side with matrix-js-sdk's Rust crypto ({@code @matrix-org/matrix-sdk-crypto-wasm},
 * vodozemac inside): sharing a room key with 100 devices, encrypting 10,000 room events and
 * decrypting them on another device. No network: requests are answered in process
 * ({@link KeyServer}; bench/js/e2ee-keyserver.mjs). {@link MxjSide} says what each workload times.
 * Run by {@code scripts/bench e2ee} from the repository root; prints
 * {@code RESULT <name> <value> <unit>} lines and the Markdown table of docs/performance.md.
 *
 * <p>Method: {@code --blocks} blocks (3); in each, mxj and matrix-js-sdk (a new Node process) each
 * run {@code --warmup} discarded rounds (1) and {@code --rounds} measured rounds (2), and which side
 * goes first alternates from block to block, so that a burst of other work on a shared machine does
 * not land on one side only. A round runs each workload once. Figures are the median and the best
 * round, in wall-clock time and in CPU time of the whole process. Other options: {@code --devices}
 * (100), {@code --events} (10000), {@code --per-session} (100 events per Megolm session, the spec's
 * default rotation), {@code --no-js}, {@code --quick} (1 block of 1 warm-up and 1 measured round).
 */
public final class E2eeBench {
    private static final List<String> WORKLOADS = List.of("share", "decrypt", "encrypt");

    private final Map<String, Double> results = new LinkedHashMap<>();

    private E2eeBench() {
    }

    public static void main(String[] args) throws Exception {
        // The machines log at INFO when they open; nothing of that belongs in a measurement.
        System.setProperty("org.slf4j.simpleLogger.log.dev.mxj", "warn");
        int blocks = 3;
        int rounds = 2;
        int warmup = 1;
        int devices = 100;
        int events = 10_000;
        int perSession = 100;
        boolean js = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--blocks" -> blocks = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--devices" -> devices = Integer.parseInt(args[++i]);
                case "--events" -> events = Integer.parseInt(args[++i]);
                case "--per-session" -> perSession = Integer.parseInt(args[++i]);
                case "--no-js" -> js = false;
                case "--quick" -> {
                    blocks = 1;
                    rounds = 1;
                }
                default -> usage();
            }
        }
        if (blocks < 1 || rounds < 1 || warmup < 0 || devices < 1 || perSession < 1 || events < perSession
                || events % perSession != 0) {
            usage();
        }
        new E2eeBench().run(Path.of("").toAbsolutePath(), blocks, rounds, warmup, devices, events, perSession, js);
    }

    private static void usage() {
        System.err.println("usage: scripts/bench e2ee [--blocks N] [--rounds N] [--warmup N] [--devices N] [--events N]"
                + " [--per-session N (divides --events)] [--no-js] [--quick]");
        System.exit(2);
    }

    private void run(Path repo, int blocks, int rounds, int warmup, int devices, int events, int perSession, boolean js)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path jsDir = repo.resolve("bench/js");
        if (js) {
            JsPeer.ensureInstalled(jsDir);
        }
        JsSide jsSide = new JsSide(jsDir);
        Map<String, List<Timer.Sample>> mxj = new LinkedHashMap<>();
        Map<String, List<Timer.Sample>> jssdk = new LinkedHashMap<>();
        List<Double> loads = new ArrayList<>(List.of(loadAverage()));
        put("load_average_at_start", loads.get(0), "-");
        try (MxjSide side = new MxjSide(devices, events, perSession)) {
            System.out.printf("# machine: %s, %d cores; %s %s; mxj over %s%n", cpuModel(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), side.backend());
            System.out.printf("# method: %d blocks; per block and side %d warm-up + %d measured rounds; %d devices,"
                    + " %d events in sessions of %d%n", blocks, warmup, rounds, devices, events, perSession);
            for (int block = 0; block < blocks; block++) {
                List<String> order = new ArrayList<>(js ? List.of("mxj", "jssdk") : List.of("mxj"));
                if (block % 2 == 1) {
                    Collections.reverse(order);
                }
                for (String which : order) {
                    if (which.equals("mxj")) {
                        for (int r = 0; r < warmup + rounds; r++) {
                            Timer.Sample share = side.share();
                            Timer.Sample[] history = side.history();
                            if (r >= warmup) {
                                add(mxj, "share", share);
                                add(mxj, "encrypt", history[0]);
                                add(mxj, "decrypt", history[1]);
                            }
                        }
                    } else {
                        jsSide.run(rounds, warmup, devices, events, perSession)
                                .forEach((w, list) -> list.forEach(s -> add(jssdk, w, s)));
                    }
                    System.out.printf(Locale.ROOT, "# block %d: %s done, load average %.2f%n", block + 1, which,
                            loadAverage());
                }
                loads.add(loadAverage());
            }
        }
        if (js) {
            System.out.println("# matrix-js-sdk side: " + jsSide.versions());
        }
        for (String workload : WORKLOADS) {
            String name = name(workload, devices, events);
            putSamples(name, mxj.get(workload));
            if (js) {
                putSamples("jssdk_" + name, jssdk.get(workload));
                String ratio = workload.equals("share") ? "share_key" : workload;
                put(ratio + "_ratio_vs_jssdk", median(jssdk, workload, true) / median(mxj, workload, true), "x");
                put(ratio + "_ratio_vs_jssdk_best", best(jssdk, workload, true) / best(mxj, workload, true), "x");
                put(ratio + "_cpu_ratio_vs_jssdk", median(jssdk, workload, false) / median(mxj, workload, false), "x");
            }
        }
        put("load_average_at_end", loadAverage(), "-");
        put("load_average_max", Collections.max(loads), "-");
        put("e2ee_bench_seconds", (System.nanoTime() - started) / 1e9, "s");
        printTable(devices, events, js, mxj.get("share").size());
    }

    private static String name(String workload, int devices, int events) {
        String count = events % 1000 == 0 ? events / 1000 + "k" : Integer.toString(events);
        return switch (workload) {
            case "share" -> "share_key_" + devices + "_devices";
            case "decrypt" -> "decrypt_" + count + "_events";
            default -> "encrypt_" + count + "_events";
        };
    }

    private static void add(Map<String, List<Timer.Sample>> samples, String workload, Timer.Sample sample) {
        samples.computeIfAbsent(workload, k -> new ArrayList<>()).add(sample);
    }

    private void putSamples(String name, List<Timer.Sample> samples) {
        List<Double> wall = samples.stream().map(Timer.Sample::wallMs).toList();
        List<Double> cpu = samples.stream().map(Timer.Sample::cpuMs).toList();
        put(name + "_ms", median(wall), "ms");
        put(name + "_ms_best", Collections.min(wall), "ms");
        put(name + "_cpu_ms", median(cpu), "ms");
        put(name + "_cpu_ms_best", Collections.min(cpu), "ms");
    }

    private static double median(Map<String, List<Timer.Sample>> samples, String workload, boolean wall) {
        return median(samples.get(workload).stream().map(s -> wall ? s.wallMs() : s.cpuMs()).toList());
    }

    private static double best(Map<String, List<Timer.Sample>> samples, String workload, boolean wall) {
        return Collections.min(samples.get(workload).stream().map(s -> wall ? s.wallMs() : s.cpuMs()).toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private void put(String name, double value, String unit) {
        results.put(name, value);
        System.out.printf(Locale.ROOT, "RESULT %s %.2f %s%n", name, value, unit);
        System.out.flush();
    }

    private void printTable(int devices, int events, boolean js, int samples) {
        System.out.println();
        System.out.println("| ms, median (best) of " + samples + " rounds | mxj wall | mxj CPU"
                + (js ? " | matrix-js-sdk wall | matrix-js-sdk CPU | ratio wall | ratio CPU |" : " |"));
        System.out.println(js ? "|---|---:|---:|---:|---:|---:|---:|" : "|---|---:|---:|");
        for (String workload : WORKLOADS) {
            String name = name(workload, devices, events);
            StringBuilder row = new StringBuilder("| `" + name + "_ms` | " + cell(name, "") + " | " + cell(name, "cpu_"));
            if (js) {
                String ratio = workload.equals("share") ? "share_key" : workload;
                row.append(" | ").append(cell("jssdk_" + name, "")).append(" | ").append(cell("jssdk_" + name, "cpu_"))
                        .append(String.format(Locale.ROOT, " | %.2f× (%.2f×) | %.2f× |",
                                results.get(ratio + "_ratio_vs_jssdk"), results.get(ratio + "_ratio_vs_jssdk_best"),
                                results.get(ratio + "_cpu_ratio_vs_jssdk")));
            } else {
                row.append(" |");
            }
            System.out.println(row);
        }
        System.out.printf(Locale.ROOT, "%n(ratio = matrix-js-sdk's time / mxj's; whole run %.0f s;"
                        + " 1-minute load average %.1f at the start, %.1f at the end, up to %.1f between blocks)%n",
                results.get("e2ee_bench_seconds"), results.get("load_average_at_start"),
                results.get("load_average_at_end"), results.get("load_average_max"));
    }

    private String cell(String name, String kind) {
        return String.format(Locale.ROOT, "%,.0f (%,.0f)", results.get(name + "_" + kind + "ms"),
                results.get(name + "_" + kind + "ms_best"));
    }

    /** The 1-minute load average: other work on the machine slows every wall-clock figure. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
