package dev.mxj.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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

    private static Path script;
    private static Path binDir;

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
        if (binDir != null) {
            return binDir;
        }
        Path cached = cacheDir().resolve("dendrite-" + VERSION).resolve("bin");
        if (System.getenv("MXJ_DENDRITE_BIN") == null && !Files.isExecutable(cached.resolve("dendrite"))) {
            LOG.info("Building Dendrite {} into {} (first run only; this takes a few minutes)",
                    VERSION, cached);
        }
        Path stderr = null;
        try {
            stderr = Files.createTempFile("mxj-dendrite-build", ".log");
            Process process = new ProcessBuilder("bash", script().toString(), "build")
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectError(stderr.toFile())
                    .start();
            process.getOutputStream().close();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new DendriteException("building Dendrite took over " + BUILD_TIMEOUT_MINUTES
                        + " minutes:\n" + LogTail.of(stderr, 40));
            }
            int status = process.exitValue();
            if (status == EXIT_NO_GO) {
                throw new DendriteUnavailableException(message(stderr));
            }
            List<String> lines = stdout.lines().filter(l -> !l.isBlank()).toList();
            if (status != 0 || lines.isEmpty()) {
                throw new DendriteException("building Dendrite " + VERSION + " failed (exit " + status
                        + "):\n" + LogTail.of(stderr, 40));
            }
            binDir = Path.of(lines.get(lines.size() - 1).trim());
            LOG.debug("Dendrite binaries in {}", binDir);
            return binDir;
        } catch (IOException e) {
            throw new DendriteException("cannot run the dendrite build script (is bash installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DendriteException("interrupted while building Dendrite", e);
        } finally {
            deleteQuietly(stderr);
        }
    }

    private static String message(Path stderr) throws IOException {
        return Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
                .map(line -> line.startsWith("dendrite: ") ? line.substring(10) : line)
                .collect(Collectors.joining("\n"));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("cannot delete {}", file, e);
            }
        }
    }
}
