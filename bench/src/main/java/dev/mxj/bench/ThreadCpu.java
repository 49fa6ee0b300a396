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
 * where a cold run's time went. "other" is further split by who did it: {@code http} (OkHttp's
 * threads: reading and parsing the response), {@code sync} (mxj's sync worker: processing and the
 * store transaction) and {@code sqlite} (the store's background checkpoints). Threads that ended
 * between two snapshots are missing from the later one. Linux only; elsewhere every figure is 0.
 */
final class ThreadCpu {
    private ThreadCpu() {
    }

    /** Milliseconds of CPU by kind: "jit", "gc", "other", and of "other": "http", "sync", "sqlite". */
    static Map<String, Long> snapshot() {
        Map<String, Long> ms = new LinkedHashMap<>();
        for (String kind : new String[] {"jit", "gc", "other", "http", "sync", "sqlite"}) {
            ms.put(kind, 0L);
        }
        long tick = 10; // USER_HZ is 100 on Linux
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    String kind = kind(name);
                    ms.merge(kind, ticks * tick, Long::sum);
                    if (kind.equals("other")) {
                        String part = part(name);
                        if (part != null) {
                            ms.merge(part, ticks * tick, Long::sum);
                        }
                    }
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

    /** Which part of "other" a thread is (Linux truncates thread names to 15 characters). */
    private static String part(String threadName) {
        if (threadName.startsWith("OkHttp")) {
            return "http";
        }
        if (threadName.startsWith("mxj-sync")) {
            return "sync";
        }
        if (threadName.startsWith("mxj-sqlite")) {
            return "sqlite";
        }
        return null;
    }
}
