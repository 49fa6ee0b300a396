package dev.mxj.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM killed with SIGKILL must not leave its Dendrite running. */
class OrphanIT {

    @Test
    void dendriteDiesWithItsJvm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OrphanMain.class.getName())
                .redirectErrorStream(true)
                .start();
        Path dataDir = null;
        long pid = -1;
        StringBuilder output = new StringBuilder();
        try {
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<Void> started = CompletableFuture.runAsync(() -> {
                try {
                    for (String line; (line = reader.readLine()) != null; ) {
                        output.append(line).append('\n');
                        if (line.startsWith("PID ")) {
                            return;
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            started.get(10, TimeUnit.MINUTES);
            for (String line : output.toString().split("\n")) {
                if (line.startsWith("DATA ")) {
                    dataDir = Path.of(line.substring(5));
                } else if (line.startsWith("PID ")) {
                    pid = Long.parseLong(line.substring(4).trim());
                }
            }
            if (pid < 0) {
                fail("child JVM printed no pid:\n" + output);
            }
            Optional<ProcessHandle> server = ProcessHandle.of(pid);
            assertTrue(server.isPresent() && server.get().isAlive(), "dendrite not running");

            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "child JVM did not die");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (server.get().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertFalse(server.get().isAlive(), "dendrite " + pid + " outlived its JVM");
        } finally {
            child.destroyForcibly();
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            // The killed JVM could not delete its data dir.
            DendriteLauncher.deleteTree(dataDir);
        }
    }
}
