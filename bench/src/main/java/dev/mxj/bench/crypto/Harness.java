package dev.mxj.bench.crypto;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The measuring method, the same in Java, in the Python peers ({@code peer_common.measure}) and in
 * {@code bench/c/megolm_bench.c}: per iteration an untimed setup builds fresh state, one batch of
 * operations is timed, the state is released untimed. Warm-up iterations are discarded; of the
 * measured ones CryptoBench reports the fastest batch and the median. Time is the CPU time of the
 * measuring thread, so other work on a shared machine (and time spent descheduled) does not
 * count; on an idle machine it equals wall-clock time for this single-threaded work. A harness,
 * not JMH: no forking, no blackholes (each operation is a native call the JIT cannot remove).
 */
final class Harness {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Harness() {
    }

    /**
     * One workload.
     *
     * @param name     the RESULT name without the implementation suffix, e.g. {@code megolm_decrypt_per_s}
     * @param batch    operations per timed batch
     * @param setup    builds the state a batch works on (untimed)
     * @param run      performs {@code batch} operations (timed)
     * @param teardown releases the state (untimed)
     */
    record Workload<S>(String name, int batch, Supplier<S> setup, Consumer<S> run, Consumer<S> teardown) {
    }

    /** The rate (operations per second) of each of {@code iterations} timed batches after {@code warmup}. */
    static <S> double[] rates(Workload<S> workload, int warmup, int iterations) {
        double[] rates = new double[iterations];
        for (int i = 0; i < warmup + iterations; i++) {
            S state = workload.setup().get();
            long start = THREADS.getCurrentThreadCpuTime();
            workload.run().accept(state);
            long elapsed = THREADS.getCurrentThreadCpuTime() - start;
            workload.teardown().accept(state);
            if (i >= warmup) {
                rates[i - warmup] = workload.batch() * 1e9 / elapsed;
            }
        }
        return rates;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
