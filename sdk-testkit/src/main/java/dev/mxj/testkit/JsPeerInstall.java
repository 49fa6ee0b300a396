package dev.mxj.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the matrix-js-sdk peer where Node can run it. The jar carries the peer's scripts and its
 * npm lock file as resources under {@code dev/mxj/testkit/jspeer/}; they are copied into
 * {@code <cache>/jspeer/<hash of package-lock.json>/}, where {@code npm ci} installs the packages
 * once (scripts/setup does the same ahead of time), and each version of the scripts goes into an
 * {@code app-<hash>} folder inside it, so Node finds the packages in the parent folder.
 *
 * <p>Every folder is filled under a temporary name and renamed into place, so concurrent test
 * JVMs never see half an install.
 */
final class JsPeerInstall {

    /** The files of {@code src/main/js/jspeer} that the jar carries (checked by a unit test). */
    static final List<String> FILES = List.of("package.json", "package-lock.json", "peer.mjs",
            "stdio.mjs", "waits.mjs", "client.mjs", "inbox.mjs", "attachments.mjs");
    static final String ENTRY = "peer.mjs";
    static final int MIN_NODE_MAJOR = 20;

    private static final Logger LOG = LoggerFactory.getLogger(JsPeerInstall.class);
    private static final String RESOURCES = "jspeer/";
    private static final Pattern NODE_VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final long NPM_TIMEOUT_MINUTES = 10;
    private static final String INSTALL_HINT = "install Node.js " + MIN_NODE_MAJOR
            + " or newer with npm (scripts/setup does: apt-get install nodejs npm)";

    private static Path entry;

    private JsPeerInstall() {
    }

    /** The peer's entry script, ready to run with {@code node}; installs on first call. */
    static synchronized Path entry() {
        if (entry == null) {
            checkNode();
            Map<String, byte[]> files = resources();
            Path deps = DendriteBinaries.cacheDir().resolve("jspeer")
                    .resolve(hash(files.get("package-lock.json")));
            installPackages(deps, files);
            entry = installScripts(deps, files).resolve(ENTRY);
        }
        return entry;
    }

    /** @return the major version of {@code node --version} */
    static int checkNode() {
        String output;
        try {
            output = run(Path.of("."), List.of("node", "--version"), 1).trim();
        } catch (IOException e) {
            throw new JsPeerUnavailableException("cannot run 'node' (" + e.getMessage()
                    + "): the matrix-js-sdk peer needs it; " + INSTALL_HINT, e);
        }
        int major = nodeMajor(output);
        if (major < MIN_NODE_MAJOR) {
            throw new JsPeerUnavailableException("node " + output + " is too old for matrix-js-sdk"
                    + " 37 (needs " + MIN_NODE_MAJOR + " or newer); " + INSTALL_HINT);
        }
        return major;
    }

    /** The major version in {@code node --version} output such as {@code v20.20.2}, or -1. */
    static int nodeMajor(String version) {
        Matcher m = NODE_VERSION.matcher(version.trim());
        return m.lookingAt() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The first 16 hex digits of the SHA-256 of {@code bytes}, as {@code sha256sum | cut -c1-16}. */
    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static Map<String, byte[]> resources() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : FILES) {
            try (InputStream in = JsPeerInstall.class.getResourceAsStream(RESOURCES + name)) {
                if (in == null) {
                    throw new JsPeerException(JsPeerException.FAILED, null, "resource dev/mxj/testkit/"
                            + RESOURCES + name + " is missing from the classpath; build sdk-testkit"
                            + " with Maven so that src/main/js/jspeer is copied in");
                }
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new JsPeerException("cannot read resource " + RESOURCES + name, e);
            }
        }
        return files;
    }

    private static void installPackages(Path deps, Map<String, byte[]> files) {
        if (Files.isRegularFile(deps.resolve("node_modules/matrix-js-sdk/package.json"))) {
            return;
        }
        LOG.info("installing the matrix-js-sdk peer's npm packages into {} (once)", deps);
        try {
            Files.createDirectories(deps.getParent());
            Path tmp = Files.createTempDirectory(deps.getParent(), deps.getFileName() + ".tmp-");
            try {
                Files.write(tmp.resolve("package.json"), files.get("package.json"));
                Files.write(tmp.resolve("package-lock.json"), files.get("package-lock.json"));
                try {
                    run(tmp, List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund",
                            "--ignore-scripts"), NPM_TIMEOUT_MINUTES);
                } catch (IOException e) {
                    throw new JsPeerUnavailableException("'npm ci' for the matrix-js-sdk peer failed"
                            + " in " + tmp + ": " + e.getMessage() + "\nIt needs npm and the npm"
                            + " registry (or an npm cache filled by scripts/setup); " + INSTALL_HINT,
                            e);
                }
                if (Files.exists(deps)) { // a broken install, or another JVM won the race
                    if (Files.isRegularFile(deps.resolve("node_modules/matrix-js-sdk/package.json"))) {
                        return;
                    }
                    deleteTree(deps);
                }
                moveIntoPlace(tmp, deps);
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new JsPeerException("cannot install the matrix-js-sdk peer into " + deps, e);
        }
    }

    private static Path installScripts(Path deps, Map<String, byte[]> files) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        files.forEach((name, bytes) -> {
            all.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            all.writeBytes(bytes);
        });
        Path app = deps.resolve("app-" + hash(all.toByteArray()));
        if (Files.isRegularFile(app.resolve(ENTRY))) {
            return app;
        }
        try {
            Path tmp = Files.createTempDirectory(deps, "app.tmp-");
            try {
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    Files.write(tmp.resolve(file.getKey()), file.getValue());
                }
                moveIntoPlace(tmp, app);
            } finally {
                deleteTree(tmp);
            }
            return app;
        } catch (IOException e) {
            throw new JsPeerException("cannot copy the matrix-js-sdk peer's scripts into " + app, e);
        }
    }

    /** Renames {@code from} to {@code to}; if another JVM got there first, keeps theirs. */
    private static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            if (!Files.exists(to)) {
                throw e;
            }
        } catch (IOException e) {
            if (!Files.exists(to)) { // "directory not empty" when another JVM renamed first
                throw e;
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", dir, e.toString());
        }
    }

    /** Runs a command, returning its output; throws with the output's tail if it fails. */
    private static String run(Path dir, List<String> command, long timeoutMinutes)
            throws IOException {
        Path output = Files.createTempFile("mxj-jspeer-", ".out");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " took over " + timeoutMinutes
                        + " minutes");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with "
                        + process.exitValue() + ":\n" + LogTail.of(output, 30));
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
