package dev.mxj.crypto.olm.libolm;

import dev.mxj.crypto.olm.OlmBackendUnavailableException;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user without libolm sees, in a real JVM: a copy of the JNI library whose dependency is
 * renamed to {@code libolm.so.0} (which no system has) is loaded in a child process.
 */
class MissingLibolmTest {

    /** Run in the child JVM. */
    public static final class Probe {
        public static void main(String[] args) {
            try {
                LibolmBackend.create();
                System.out.println("loaded");
            } catch (OlmBackendUnavailableException e) {
                System.out.println(e.errorName() + ": " + e.getMessage());
            }
        }
    }

    @Test
    void theErrorNamesThePackageToInstall() throws Exception {
        byte[] library;
        try (InputStream in = MissingLibolmTest.class.getResourceAsStream(
                "/dev/mxj/crypto/olm/native/" + NativeLoader.platform() + "/libmxjolm.so")) {
            library = in.readAllBytes();
        }
        byte[] needle = "libolm.so.3".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(library, needle);
        assertTrue(at >= 0, "no libolm.so.3 dependency in the JNI library");
        library[at + needle.length - 1] = '0';
        Path patched = Files.createTempFile("libmxjolm-missing", ".so");
        try {
            Files.write(patched, library);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-D" + NativeLoader.LIBRARY_PROPERTY + "=" + patched, Probe.class.getName())
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            System.out.println("child JVM said: " + output.strip());
            assertTrue(output.startsWith("BACKEND_UNAVAILABLE: libolm 3 is not installed"), output);
            assertTrue(output.contains("libolm.so.0"), output);
            assertTrue(output.contains("apt-get install libolm3"), output);
        } finally {
            Files.deleteIfExists(patched);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
