package dev.mxj.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds or builds the Dendrite binaries through the {@code dendrite} script, which the jar carries
 * as a resource and which is extracted into the cache directory so it runs outside the repo too.
 */
final class DendriteBinaries {

    static final String VERSION = "v0.13.8";
    /** The script's exit status for "the Go toolchain is missing". */
    static final int EXIT_NO_GO = 3;

    private static final Logger LOG = LoggerFactory.getLogger(DendriteBinaries.class);
    private static final String SCRIPT_RESOURCE = "dendrite";
    private static final long BUILD_TIMEOUT_MINUTES = 30;

    private static final String PREFIX = "dendrite: ";

    private static Path script;
    private static Path binDir;
    private static DendriteException failure;

    private DendriteBinaries() {
    }

    /** The cache root: {@code $MXJ_CACHE_DIR}, else {@code $XDG_CACHE_HOME/mxj}, else ~/.cache/mxj. */
    static Path cacheDir() {
        String explicit = System.getenv("MXJ_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "mxj");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "mxj");
    }

    /** The extracted script, named by a hash of its content so that versions never clash. */
    static synchronized Path script() {
        if (script != null) {
            return script;
        }
        try (InputStream in = DendriteBinaries.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new DendriteException("resource dev/mxj/testkit/dendrite is missing from the"
                        + " classpath; build sdk-testkit with Maven so that it is copied in");
            }
            byte[] content = in.readAllBytes();
            String hash = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 16);
            Path dir = Files.createDirectories(cacheDir().resolve("scripts"));
            Path target = dir.resolve("dendrite-" + hash);
            if (!Files.exists(target)) {
                Path tmp = Files.createTempFile(dir, "dendrite-", ".tmp");
                Files.write(tmp, content);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            script = target;
            return target;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new DendriteException("cannot extract the dendrite script into " + cacheDir(), e);
        }
    }

    /**
     * The directory holding dendrite, generate-keys, generate-config and create-account; builds
     * them on first use (minutes) unless {@code MXJ_DENDRITE_BIN} names prebuilt ones.
     *
     * @throws DendriteUnavailableException if Go is not installed
     */
    static synchronized Path binDir() {
        if (binDir == null && failure == null) {
            try {
                binDir = build();
                LOG.debug("Dendrite binaries in {}", binDir);
            } catch (DendriteException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                failure = e; // a failed build (minutes) is not retried by every test class
            }
        }
        if (failure instanceof DendriteUnavailableException) {
            throw new DendriteUnavailableException(failure.getMessage());
        } else if (failure != null) {
            throw new DendriteException(failure.getMessage(), failure);
        }
        return binDir;
    }

    private static Path build() {
        List<String> errors = new ArrayList<>();
        Path stdout = null;
        try {
            stdout = Files.createTempFile("mxj-dendrite-build", ".out");
            Process process = new ProcessBuilder("bash", script().toString(), "build")
                    .redirectOutput(stdout.toFile()).start();
            process.getOutputStream().close();
            Thread stderr = new Thread(() -> forward(process.getErrorStream(), errors),
                    "mxj-dendrite-build");
            stderr.setDaemon(true);
            stderr.start();
            if (!process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new DendriteException("building Dendrite took over " + BUILD_TIMEOUT_MINUTES
                        + " minutes:\n" + tail(errors));
            }
            stderr.join(TimeUnit.SECONDS.toMillis(10));
            int status = process.exitValue();
            if (status == EXIT_NO_GO) {
                throw new DendriteUnavailableException(tail(errors));
            }
            List<String> lines = Files.readAllLines(stdout).stream()
                    .filter(l -> !l.isBlank()).toList();
            if (status != 0 || lines.isEmpty()) {
                throw new DendriteException("building Dendrite " + VERSION + " failed (exit " + status
                        + "):\n" + tail(errors));
            }
            return Path.of(lines.get(lines.size() - 1).trim());
        } catch (IOException e) {
            throw new DendriteException("cannot run the dendrite build script (is bash installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DendriteException("interrupted while building Dendrite", e);
        } finally {
            if (stdout != null) {
                stdout.toFile().delete();
            }
        }
    }

    /** Collects the script's stderr; its own build progress lines are logged at INFO. */
    private static void forward(InputStream in, List<String> sink) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                String text = line.startsWith(PREFIX) ? line.substring(PREFIX.length()) : line;
                if (line.startsWith(PREFIX + "buil")) { // building, build failed, built
                    LOG.info("{}", text);
                } else {
                    LOG.debug("{}", text);
                }
                synchronized (sink) {
                    sink.add(text);
                }
            }
        } catch (IOException e) {
            LOG.debug("reading the build script's output: {}", e.toString());
        }
    }

    private static String tail(List<String> lines) {
        synchronized (lines) {
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }
}
