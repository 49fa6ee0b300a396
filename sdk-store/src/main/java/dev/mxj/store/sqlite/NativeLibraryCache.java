package dev.mxj.store.sqlite;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * Extracts sqlite-jdbc's native library once per version into a cache folder and points
 * sqlite-jdbc at it, instead of letting it copy the library out of its jar into a new temporary
 * file on every JVM start (about 100 ms of a cold start, and a stray file in {@code /tmp} each
 * time a process is killed).
 *
 * <p>The cached file is named after the sqlite-jdbc version and the CRC-32 of the library in the
 * jar, and its CRC-32 is checked again before each use, so a truncated or altered copy is replaced,
 * never loaded. Nothing happens when the application already chose a library
 * ({@code org.sqlite.lib.path} or {@code org.sqlite.lib.name} set), when
 * {@code -Dmxj.sqlite.nativeCache=false}, or when the library is not in a jar; any failure falls
 * back to sqlite-jdbc's own extraction. The folder is {@code $MXJ_CACHE_DIR/sqlite-native}, else
 * {@code $XDG_CACHE_HOME/mxj/sqlite-native}, else {@code ~/.cache/mxj/sqlite-native}.
 */
final class NativeLibraryCache {
    static final String DISABLE_PROPERTY = "mxj.sqlite.nativeCache";
    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final Logger log = LoggerFactory.getLogger(NativeLibraryCache.class);
    private static boolean done;

    private NativeLibraryCache() {
    }

    /** Prepares the cached library once per JVM, before the first connection. */
    static synchronized void prepare() {
        if (done) {
            return;
        }
        done = true;
        if ("false".equalsIgnoreCase(System.getProperty(DISABLE_PROPERTY))
                || System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return;
        }
        Optional<Path> folder = cacheFolder().flatMap(NativeLibraryCache::cachedLibraryFolder);
        if (folder.isPresent()) {
            System.setProperty(PATH_PROPERTY, folder.get().toString());
            System.setProperty(NAME_PROPERTY, LibraryLoaderUtil.getNativeLibName());
        }
    }

    /**
     * Makes sure the library is extracted, intact, under {@code cacheRoot}, and returns its folder;
     * empty when there is nothing to cache or the copy does not match the jar.
     */
    static Optional<Path> cachedLibraryFolder(Path cacheRoot) {
        try {
            return extractOnce(cacheRoot);
        } catch (IOException | RuntimeException e) {
            log.debug("Could not cache SQLite's native library; sqlite-jdbc extracts it as usual", e);
            return Optional.empty();
        }
    }

    private static Optional<Path> extractOnce(Path cacheRoot) throws IOException {
        String name = LibraryLoaderUtil.getNativeLibName();
        URL url = commonPlatformFolder().map(folder -> SQLiteJDBCLoader.class.getResource(folder + "/" + name))
                .orElseGet(() -> SQLiteJDBCLoader.class.getResource(
                        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name));
        if (url == null) {
            return Optional.empty(); // no bundled library here: sqlite-jdbc looks on java.library.path
        }
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            return Optional.empty(); // not in a jar (an exploded class path): nothing is gained
        }
        connection.setUseCaches(false);
        JarEntry entry = jar.getJarEntry();
        long crc = entry.getCrc();
        if (crc < 0) {
            return Optional.empty();
        }
        Path folder = cacheRoot.resolve(SQLiteJDBCLoader.getVersion() + "-" + Long.toHexString(crc));
        Path library = folder.resolve(name);
        if (!matches(library, crc)) {
            extract(connection, folder, library);
            if (!matches(library, crc)) {
                log.debug("The cached SQLite library {} does not match the jar; sqlite-jdbc extracts it as usual",
                        library);
                return Optional.empty();
            }
        }
        return Optional.of(folder);
    }

    /** Copies the library to a temporary file beside {@code library}, then moves it in place. */
    private static void extract(URLConnection connection, Path folder, Path library) throws IOException {
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "extract-", ".tmp");
        try {
            try (InputStream in = connection.getInputStream(); OutputStream out = Files.newOutputStream(temporary)) {
                in.transferTo(out);
            }
            try {
                Files.move(temporary, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, library, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The jar folder of the library for the common platforms, from system properties alone.
     * sqlite-jdbc's own lookup ({@code OSInfo}) starts a process and reads every mapping of
     * {@code /proc/self} to tell Android and musl apart, which costs tens of milliseconds on each
     * start. Empty where the guess is not safe; sqlite-jdbc's lookup is used then. A wrong guess
     * costs nothing but time: sqlite-jdbc falls back to its own extraction when loading fails.
     */
    static Optional<String> commonPlatformFolder() {
        String os = System.getProperty("os.name", "");
        String arch = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        if (arch == null || System.getProperty("java.runtime.name", "").toLowerCase(Locale.ROOT).contains("android")) {
            return Optional.empty();
        }
        if (os.startsWith("Linux")) {
            return isMuslLinux() ? Optional.empty() : Optional.of("/org/sqlite/native/Linux/" + arch);
        }
        if (os.startsWith("Mac") || os.startsWith("Darwin")) {
            return Optional.of("/org/sqlite/native/Mac/" + arch);
        }
        if (os.startsWith("Windows")) {
            return Optional.of("/org/sqlite/native/Windows/" + arch);
        }
        return Optional.empty();
    }

    /** musl's dynamic loader is {@code /lib/ld-musl-<arch>.so.1}; glibc systems have none. */
    private static boolean isMuslLinux() {
        String[] lib = new File("/lib").list((dir, file) -> file.startsWith("ld-musl"));
        return lib == null || lib.length > 0;
    }

    private static boolean matches(Path file, long expectedCrc) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            CRC32 crc = new CRC32();
            crc.update(Files.readAllBytes(file));
            return crc.getValue() == expectedCrc;
        } catch (IOException e) {
            return false;
        }
    }

    static Optional<Path> cacheFolder() {
        String mxj = System.getenv("MXJ_CACHE_DIR");
        if (mxj != null && !mxj.isBlank()) {
            return Optional.of(Path.of(mxj, "sqlite-native"));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Optional.of(Path.of(xdg, "mxj", "sqlite-native"));
        }
        String home = System.getProperty("user.home");
        if (home == null || home.isBlank() || "?".equals(home)) {
            return Optional.empty();
        }
        return Optional.of(Path.of(home, ".cache", "mxj", "sqlite-native"));
    }
}
