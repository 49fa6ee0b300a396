package dev.mxj.store.sqlite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sdk-store depends on sdk-crypto for the crypto store's types, but an app that only stores its
 * session and sync state, builds a client on it (whose ServiceLoader finds sdk-crypto's provider),
 * or even uses the crypto store's tables, never loads libolm: a child JVM
 * ({@link PlainStoreMain}), whose libolm path points nowhere, does all of that and has no libolm
 * mapped at the end (Linux's /proc/self/maps). It runs in its own JVM because other tests of this
 * module load libolm.
 */
@Timeout(60)
class PlainStoreNeedsNoLibolmTest {
    @TempDir
    Path dir;

    @Test
    void aPlainStoreUserNeverLoadsLibolm() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-Dmxj.olm.library=" + dir.resolve("no-such-libmxjolm.so"),
                "-cp", System.getProperty("java.class.path"),
                PlainStoreMain.class.getName(), dir.resolve("plain.db").toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(50, TimeUnit.SECONDS), "the child did not finish:\n" + output);
        assertEquals(0, child.exitValue(), "the child failed:\n" + output);
        assertTrue(output.contains("CLIENT encryption=false"), "the client found an encryption module:\n" + output);
        assertTrue(output.contains("NO-LIBOLM"), "the child loaded libolm:\n" + output);
    }
}
