package dev.mxj.crypto.olm.libolm;

import dev.mxj.crypto.olm.OlmBackendUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads mxj's JNI library ({@code libmxjolm.so}) from the sdk-crypto jar: copies it to a private
 * temporary file, {@link System#load}s it and deletes the file (the mapping stays). The system
 * property {@value #LIBRARY_PROPERTY} names a library file to load instead (for packagers, or a
 * temp directory mounted noexec).
 */
final class NativeLoader {
    static final String LIBRARY_PROPERTY = "mxj.olm.library";

    private static final Logger LOG = LoggerFactory.getLogger(NativeLoader.class);
    private static boolean loaded;
    private static OlmBackendUnavailableException failure;

    private NativeLoader() {
    }

    /** Loads the library once; later calls return at once or rethrow the first failure. */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        if (failure != null) {
            throw new OlmBackendUnavailableException(failure.getMessage(), failure);
        }
        try {
            String override = System.getProperty(LIBRARY_PROPERTY);
            if (override != null) {
                System.load(override);
            } else {
                loadFromJar();
            }
            loaded = true;
        } catch (UnsatisfiedLinkError | IOException e) {
            failure = explain(e);
            throw failure;
        }
    }

    private static void loadFromJar() throws IOException {
        String resource = "/dev/mxj/crypto/olm/native/" + platform() + "/libmxjolm.so";
        try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new OlmBackendUnavailableException("The sdk-crypto jar has no libolm JNI library for "
                        + platform() + " (looked for " + resource + "). Build sdk-crypto on this platform, "
                        + "or set -D" + LIBRARY_PROPERTY + "=/path/to/libmxjolm.so");
            }
            Path file = Files.createTempFile("libmxjolm", ".so");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                System.load(file.toAbsolutePath().toString());
                LOG.debug("Loaded the libolm JNI library for {}", platform());
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The jar directory for this machine, e.g. {@code linux-x86_64}. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osPart = os.contains("linux") ? "linux" : os.contains("mac") ? "macos" : os.replace(' ', '_');
        String archPart = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
        return osPart + "-" + archPart;
    }

    /** Turns a link failure into an exception that says what to install. */
    static OlmBackendUnavailableException explain(Throwable e) {
        String detail = String.valueOf(e.getMessage());
        if (detail.contains("libolm.so")) {
            return new OlmBackendUnavailableException("libolm 3 is not installed (" + detail + "). Install it: "
                    + "apt-get install libolm3 (Debian, Ubuntu), dnf install libolm (Fedora), pacman -S libolm "
                    + "(Arch), brew install libolm (macOS); to build mxj from source install libolm-dev "
                    + "(libolm-devel on Fedora)", e);
        }
        return new OlmBackendUnavailableException("Could not load mxj's libolm JNI library: " + detail, e);
    }
}
