package dev.mxj.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one measurement in a fresh JVM (same java, class path and heap flags as this one), so that
 * its heap, RSS and start-up figures are its own. The child prints {@code VALUE <name> <number>}
 * lines; other output is passed through to stderr. Extra JVM flags for the children (e.g. to
 * profile them with JFR) come from the environment variable {@code MXJ_BENCH_CHILD_OPTS}.
 */
final class ChildJvm {
    static final String VALUE = "VALUE";

    private ChildJvm() {
    }

    /** Runs {@code SyncBench <args...>} in a new JVM; returns its VALUE lines, name to numbers (in order). */
    static Map<String, List<Double>> run(List<String> args, int timeoutSeconds)
            throws IOException, InterruptedException {
        return run(List.of(), args, timeoutSeconds);
    }

    /** {@link #run(List, int)} with extra JVM options for this child, before those of the environment. */
    static Map<String, List<Double>> run(List<String> jvmOptions, List<String> args, int timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Xm") || arg.startsWith("-XX:+Use") || arg.startsWith("-Xss")) {
                command.add(arg);
            }
        }
        command.addAll(jvmOptions);
        String extra = System.getenv("MXJ_BENCH_CHILD_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SyncBench.class.getName());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 3 && parts[0].equals(VALUE)) {
                    values.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(Double.parseDouble(parts[2]));
                } else {
                    other.add(line);
                    System.err.println("  | " + line);
                }
            }
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("SyncBench " + args + " did not finish in " + timeoutSeconds + " s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("SyncBench " + args + " failed (exit " + p.exitValue() + "):\n"
                    + String.join("\n", other));
        }
        return values;
    }

    /** Prints one value for the parent to collect. */
    static void report(String name, double value) {
        System.out.println(VALUE + " " + name + " " + value);
    }
}
