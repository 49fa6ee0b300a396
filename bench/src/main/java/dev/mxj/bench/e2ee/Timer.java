package dev.mxj.bench.e2ee;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Sums the wall-clock time and the CPU time of the whole process over the sections between
 * {@link #resume()} and {@link #pause()}. Process CPU time includes the JIT compilers and the
 * garbage collector, as Node's {@code process.cpuUsage()} on the matrix-js-sdk side includes
 * V8's; time spent waiting for a core on a busy machine does not count.
 *
 * <p>The JVM's own process CPU time ({@code OperatingSystemMXBean.getProcessCpuTime}) counts in
 * clock ticks (10 ms here), too coarse for a 100 ms workload. So on Linux this adds up the
 * nanosecond run times of every thread in {@code /proc/self/task/}{@code *}{@code /schedstat}.
 * Reading them costs about 0.3 ms, part of which lands in the measurement: time each workload
 * in one section.
 */
final class Timer {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long wallNanos;
    private long cpuNanos;
    private long wallStart;
    private long cpuStart;

    void resume() {
        wallStart = System.nanoTime();
        cpuStart = processCpuNanos();
    }

    void pause() {
        long wallEnd = System.nanoTime();
        cpuNanos += processCpuNanos() - cpuStart;
        wallNanos += wallEnd - wallStart;
    }

    /** The CPU time of all threads of this process so far, in nanoseconds. */
    static long processCpuNanos() {
        long sum = 0;
        int read = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("schedstat"));
                    sum += Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                    read++;
                } catch (IOException | RuntimeException threadEnded) {
                    // the thread ended while being read
                }
            }
            return read > 0 ? sum : OS.getProcessCpuTime();
        } catch (IOException | RuntimeException noSchedstat) {
            return OS.getProcessCpuTime();
        }
    }

    /** The measured times. */
    Sample sample() {
        return new Sample(wallNanos / 1e6, cpuNanos / 1e6);
    }

    /** One measured round: wall-clock and process CPU milliseconds. */
    record Sample(double wallMs, double cpuMs) {
    }
}
