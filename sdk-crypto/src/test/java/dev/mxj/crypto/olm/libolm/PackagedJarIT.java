package dev.mxj.crypto.olm.libolm;

import dev.mxj.crypto.olm.Account;
import org.junit.jupiter.api.Test;

import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failsafe runs against the packaged sdk-crypto jar: the JNI library must load from inside it. */
class PackagedJarIT {

    @Test
    void theJniLibraryLoadsFromTheJar() throws Exception {
        String location = LibolmBackend.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertTrue(location.endsWith(".jar"), "not running from the jar: " + location);
        try (ZipFile jar = new ZipFile(location)) {
            assertNotNull(jar.getEntry("dev/mxj/crypto/olm/native/" + NativeLoader.platform() + "/libmxjolm.so"));
        }
        LibolmBackend olm = LibolmBackend.create();
        assertEquals("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0", olm.sha256("abc".getBytes()));
        try (Account account = olm.createAccount()) {
            assertEquals(43, account.identityKeys().ed25519().length());
        }
    }
}
