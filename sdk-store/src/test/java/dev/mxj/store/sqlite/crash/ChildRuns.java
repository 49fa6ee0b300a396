package dev.mxj.store.sqlite.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The child JVMs of a crash test: started with what they print in one log ({@code children.log}
 * in the test's folder), waited on, killed with SIGKILL, and the store files a killed child left,
 * copied for checking.
 */
final class ChildRuns {
    private final Path dir;
    private final Path log;

    ChildRuns(Path dir) {
        this.dir = dir;
        this.log = dir.resolve("children.log");
    }

    Path log() {
        return log;
    }

    /**
     * A child JVM running {@code main} with {@code args}, with a small heap and a fast start; the
     * log gets a {@code === life ===} header. The caller says where its output goes.
     */
    ProcessBuilder java(String life, String maxHeap, String logLevel, Class<?> main, List<String> args)
            throws IOException {
        Files.writeString(log, "=== " + life + " ===\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java,
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx" + maxHeap,
                // sqlite-jdbc unpacks its native library at every start; a killed JVM leaves it behind.
                "-Dorg.sqlite.tmpdir=" + Files.createDirectories(dir.resolve("native")),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=" + logLevel,
                "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    /** Starts {@link #java} with everything the child prints going to the log. */
    Process start(String life, String maxHeap, Class<?> main, String... args) throws IOException {
        return java(life, maxHeap, "info", main, List.of(args))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /**
     * Waits, checking every {@code everyNanos}, until {@code done} holds; fails with the log's tail
     * if the child exits first or {@code timeout} passes. {@code what} names what is awaited
     * ("its first save", "saving msg-9"), {@code state} says where the child is.
     */
    void await(Process child, String who, String what, BooleanSupplier done, Duration timeout, long everyNanos,
            Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (!child.isAlive()) {
                throw new AssertionError(who + ": the child exited (" + child.exitValue() + ") before " + what
                        + ". Log:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(who + ": waited " + timeout + " for " + what + " in vain (" + state.get()
                        + "). Log:\n" + tail());
            }
            LockSupport.parkNanos(everyNanos);
        }
    }

    /** Kills the child with SIGKILL; it must die of it, not have exited on its own before. */
    void kill(Process child, String who) throws InterruptedException {
        child.destroyForcibly();
        assertTrue(child.waitFor(10, TimeUnit.SECONDS), who + ": the child did not die");
        assertEquals(137, child.exitValue(), who + ": the child must die by SIGKILL; it exited on its own"
                + " (did the store fail to open or save?). Log:\n" + tail());
    }

    /** Kills the child if it still runs, for a {@code finally}. */
    static void destroy(Process child) throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Copies a killed child's files (database, WAL, shared memory) to a folder of their own and
     * returns the copy's database, so that the next child recovers the original itself, as an
     * application restarted after a crash would.
     */
    Path copyOf(Path storeFile) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("check")).resolve(storeFile.getFileName());
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path from = Path.of(storeFile + suffix);
            Path target = Path.of(copy + suffix);
            Files.deleteIfExists(target);
            if (Files.exists(from)) {
                Files.copy(from, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return copy;
    }

    /** The last lines the children printed. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }
}
