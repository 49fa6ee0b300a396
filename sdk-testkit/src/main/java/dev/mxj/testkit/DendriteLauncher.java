package dev.mxj.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Generates keys and config in a fresh data dir and starts Dendrite under the script's watchdog. */
final class DendriteLauncher {

    /** A started server: the watchdog process, the server process inside it, and its settings. */
    record Running(Process watchdog, ProcessHandle server, URI baseUrl, Path dataDir,
            String sharedSecret) {
    }

    static final String SERVER_NAME = "localhost";
    static final String LOG_FILE = "dendrite.log";

    private static final Logger LOG = LoggerFactory.getLogger(DendriteLauncher.class);
    private static final int PORT_ATTEMPTS = 3;
    private static final int TAIL_LINES = 30;
    private static final String ADDRESS_IN_USE = "address already in use";

    private DendriteLauncher() {
    }

    static Running launch(boolean requiresToken, String logLevel, Duration startTimeout) {
        Path bin = DendriteBinaries.binDir();
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("mxj-dendrite-").toAbsolutePath();
        } catch (IOException e) {
            throw new DendriteException("cannot create a data dir for Dendrite", e);
        }
        Process watchdog = null;
        boolean started = false;
        try {
            run(dataDir, bin.resolve("generate-keys").toString(), "--private-key",
                    dataDir.resolve("matrix_key.pem").toString());
            String template = run(dataDir, bin.resolve("generate-config").toString(), "-ci",
                    "-dir", dataDir.toString(), "-server", SERVER_NAME);
            String secret = SharedSecret.random(24);
            for (int attempt = 1; ; attempt++) {
                int port = freePort();
                URI baseUrl = URI.create("http://127.0.0.1:" + port);
                Files.writeString(dataDir.resolve("dendrite.yaml"),
                        DendriteConfig.edit(template, secret, baseUrl, logLevel, requiresToken));
                watchdog = start(bin, dataDir, port);
                if (waitReady(watchdog, baseUrl, dataDir.resolve(LOG_FILE), startTimeout)) {
                    Running running = new Running(watchdog, serverProcess(watchdog), baseUrl,
                            dataDir, secret);
                    started = true;
                    return running;
                }
                String what = watchdog.isAlive() ? "did not answer within " + startTimeout
                        : "exited with status " + watchdog.exitValue();
                stop(watchdog, null);
                String tail = LogTail.of(dataDir.resolve(LOG_FILE), TAIL_LINES);
                if (attempt == PORT_ATTEMPTS || !tail.contains(ADDRESS_IN_USE)) {
                    throw new DendriteException("Dendrite " + what + "; last lines of its log:\n"
                            + tail);
                }
                LOG.debug("port {} was taken before Dendrite could bind it; retrying", port);
            }
        } catch (IOException e) {
            throw new DendriteException("cannot start Dendrite: " + e, e);
        } finally {
            if (!started) {
                if (watchdog != null) {
                    stop(watchdog, null);
                }
                deleteTree(dataDir);
            }
        }
    }

    private static Process start(Path bin, Path dataDir, int port) throws IOException {
        List<String> command = List.of("bash", DendriteBinaries.script().toString(), "run",
                Long.toString(ProcessHandle.current().pid()), "--",
                bin.resolve("dendrite").toString(),
                "-config", dataDir.resolve("dendrite.yaml").toString(),
                "-http-bind-address", "127.0.0.1:" + port,
                "-really-enable-open-registration");
        Process process = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(LOG_FILE).toFile())
                .start();
        process.getOutputStream().close();
        return process;
    }

    private static boolean waitReady(Process watchdog, URI baseUrl, Path log, Duration timeout) {
        Http http = new Http(baseUrl);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && watchdog.isAlive()) {
            try {
                if (http.get("/_matrix/client/versions", null, Duration.ofSeconds(2)).ok()) {
                    // Make sure it was our server that answered, not one that won the port.
                    return watchdog.isAlive()
                            && !LogTail.of(log, TAIL_LINES).contains(ADDRESS_IN_USE);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(watchdog, null);
                throw new DendriteException("interrupted while waiting for Dendrite", e);
            }
        }
        return false;
    }

    /** The dendrite process the watchdog started (its pid is what {@link Dendrite#pid()} tells). */
    private static ProcessHandle serverProcess(Process watchdog) {
        return watchdog.toHandle().children()
                .filter(child -> child.info().command()
                        .map(c -> Path.of(c).getFileName().toString().equals("dendrite"))
                        .orElse(false))
                .findFirst()
                .orElseThrow(() -> new DendriteException("cannot find the dendrite process under"
                        + " watchdog " + watchdog.pid()));
    }

    /** Stops the watchdog (which stops Dendrite: TERM, then KILL), then the server if need be. */
    static void stop(Process watchdog, ProcessHandle server) {
        try {
            if (watchdog.isAlive()) {
                watchdog.destroy();
                if (!watchdog.waitFor(15, TimeUnit.SECONDS)) {
                    LOG.warn("Dendrite watchdog {} did not stop; killing it", watchdog.pid());
                    watchdog.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            if (server != null && server.isAlive()) {
                server.destroyForcibly();
                server.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("stopping Dendrite: {}", e.toString());
        }
    }

    /** Runs a setup tool in {@code dir} and returns its stdout. */
    private static String run(Path dir, String... command) throws IOException {
        Path stderr = dir.resolve("setup.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new DendriteException("interrupted while running " + command[0], e);
        }
        if (process.isAlive() || process.exitValue() != 0) {
            throw new DendriteException(Path.of(command[0]).getFileName() + " failed:\n"
                    + LogTail.of(stderr, TAIL_LINES));
        }
        return out;
    }

    /** A loopback port that was free a moment ago (Dendrite may still lose a race for it). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** Deletes a directory tree, best effort. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot delete Dendrite data dir {}: {}", dir, e.toString());
        }
    }
}
