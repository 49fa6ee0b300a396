package dev.mxj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time this process has used so far, split into the JIT compilers, the garbage collector and
 * everything else (the benchmark's own threads), read from {@code /proc/self/task}. On a 2-core
 * machine a cold JVM's compilers and collector compete with the work for the cores, so these say
 * where a cold run's time went. Linux only; elsewhere every figure is 0.
 */
final class ThreadCpu {
    private ThreadCpu() {
    }

    /** Milliseconds of CPU by kind: "jit", "gc", "other". */
    static Map<String, Long> snapshot() {
        Map<String, Long> ms = new LinkedHashMap<>(Map.of("jit", 0L, "gc", 0L, "other", 0L));
        long tick = 10; // USER_HZ is 100 on Linux
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    ms.merge(kind(name), ticks * tick, Long::sum);
                } catch (IOException | RuntimeException threadEnded) {
                    // the thread ended while being read
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            return ms;
        }
        return ms;
    }

    private static String kind(String threadName) {
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return "jit";
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.startsWith("VM Thread")) {
            return "gc";
        }
        return "other";
    }
}
