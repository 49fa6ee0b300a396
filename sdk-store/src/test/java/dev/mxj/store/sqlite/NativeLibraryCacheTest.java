package dev.mxj.store.sqlite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sqlite-jdbc's native library is extracted once, intact, and a damaged copy is replaced. */
class NativeLibraryCacheTest {
    @TempDir
    Path cache;

    @Test
    void extractsTheLibraryOnceAndReusesIt() throws IOException {
        Path folder = NativeLibraryCache.cachedLibraryFolder(cache).orElseThrow();
        Path library = folder.resolve(LibraryLoaderUtil.getNativeLibName());
        assertTrue(folder.getFileName().toString().startsWith(SQLiteJDBCLoader.getVersion() + "-"), folder.toString());
        assertArrayEquals(jarCopy(), Files.readAllBytes(library));

        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(library, old);
        assertEquals(folder, NativeLibraryCache.cachedLibraryFolder(cache).orElseThrow());
        assertEquals(old, Files.getLastModifiedTime(library), "an intact copy is not written again");
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void aDamagedCopyIsReplaced() throws IOException {
        Path folder = NativeLibraryCache.cachedLibraryFolder(cache).orElseThrow();
        Path library = folder.resolve(LibraryLoaderUtil.getNativeLibName());
        byte[] damaged = Files.readAllBytes(library);
        damaged[damaged.length / 2] ^= 0x55;
        Files.write(library, damaged);

        assertEquals(folder, NativeLibraryCache.cachedLibraryFolder(cache).orElseThrow());
        assertArrayEquals(jarCopy(), Files.readAllBytes(library));

        Files.write(library, new byte[] {1, 2, 3});
        NativeLibraryCache.cachedLibraryFolder(cache).orElseThrow();
        assertArrayEquals(jarCopy(), Files.readAllBytes(library), "a truncated copy is replaced too");
    }

    @Test
    void theQuickPlatformGuessAgreesWithSqliteJdbc() {
        // sqlite-jdbc's own lookup is the reference; the guess may only decline, never differ.
        NativeLibraryCache.commonPlatformFolder().ifPresent(folder ->
                assertEquals(LibraryLoaderUtil.getNativeLibResourcePath(), folder));
        if (System.getProperty("os.name").startsWith("Linux") && "amd64".equals(System.getProperty("os.arch"))
                && !Files.exists(Path.of("/etc/alpine-release"))) {
            assertTrue(NativeLibraryCache.commonPlatformFolder().isPresent(), "glibc Linux on x86_64 is guessed");
        }
    }

    private static byte[] jarCopy() throws IOException {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
