package dev.mxj.crypto.olm.libolm;

import dev.mxj.crypto.CryptoException;
import dev.mxj.crypto.olm.OlmBackendUnavailableException;
import dev.mxj.crypto.olm.PkDecryption;
import dev.mxj.crypto.olm.PkEncryption;
import dev.mxj.crypto.olm.PkMessage;
import dev.mxj.crypto.olm.Sas;
import org.junit.jupiter.api.Test;

import static dev.mxj.crypto.olm.OlmTesting.assertCryptoError;
import static dev.mxj.crypto.olm.OlmTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inputs libolm itself would accept or mishandle, refused by mxj's glue before libolm sees them,
 * and the loader's advice when libolm is missing.
 */
class LibolmHardeningTest {
    private static final LibolmBackend OLM = LibolmBackend.create();

    @Test
    void reportsTheLibolmVersion() {
        assertTrue(OLM.libolmVersion().startsWith("3."), OLM.libolmVersion());
        assertEquals("libolm " + OLM.libolmVersion(), OLM.name());
    }

    /** libolm's olm_pk_decrypt writes up to 15 bytes past its own buffer for such a ciphertext. */
    @Test
    void pkCiphertextsOfPartialBlocksNeverReachLibolm() {
        try (PkDecryption decryption = OLM.createPkDecryption();
             PkEncryption encryption = OLM.createPkEncryption(decryption.publicKey())) {
            PkMessage m = encryption.encrypt(utf8("0123456789abcdefXYZ"));
            for (int length = 2; length < m.ciphertext().length(); length++) {
                if (length % 4 == 1) {
                    continue;
                }
                PkMessage cut = new PkMessage(m.ciphertext().substring(0, length), m.mac(), m.ephemeralKey());
                // 22 characters are exactly one block: libolm decrypts it, and its last byte ('f') is
                // not valid padding. Every other length is refused before libolm runs.
                assertCryptoError(length == 22 ? CryptoException.BAD_MESSAGE_MAC : CryptoException.BAD_MESSAGE_FORMAT,
                        () -> decryption.decrypt(cut));
            }
        }
    }

    /** libolm's base64 decoder maps any byte to some value; mxj accepts the alphabet only. */
    @Test
    void nonBase64CharactersAreRefused() {
        String key = "hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTm!";
        assertCryptoError(CryptoException.INVALID_BASE64, () -> OLM.createPkEncryption(key).close());
        assertCryptoError(CryptoException.INVALID_BASE64,
                () -> OLM.createPkEncryption("hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmoAAAA").close());
        try (Sas sas = OLM.createSas(); Sas other = OLM.createSas()) {
            assertCryptoError(CryptoException.INVALID_BASE64, () -> sas.setTheirPublicKey(other.publicKey() + "AAAA"));
            assertCryptoError(CryptoException.INVALID_BASE64, () -> sas.setTheirPublicKey(other.publicKey() + "="));
        }
    }

    @Test
    void aMissingLibolmNamesThePackageToInstall() {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError(
                "/tmp/libmxjolm123.so: libolm.so.3: cannot open shared object file: No such file or directory");
        OlmBackendUnavailableException e = NativeLoader.explain(error);
        assertEquals(OlmBackendUnavailableException.BACKEND_UNAVAILABLE, e.errorName());
        assertTrue(e.getMessage().contains("apt-get install libolm3"), e.getMessage());
        assertTrue(e.getMessage().contains("libolm-dev"), e.getMessage());
        assertEquals(error, e.getCause());
        assertTrue(NativeLoader.explain(new UnsatisfiedLinkError("other")).getMessage().contains("other"));
    }

    @Test
    void platformNamesMatchTheJarLayout() {
        String platform = NativeLoader.platform();
        assertTrue(platform.equals("linux-x86_64") || platform.equals("linux-aarch64")
                || !System.getProperty("os.name").toLowerCase().contains("linux"), platform);
    }
}
