package dev.mxj.crypto.olm;

import dev.mxj.crypto.CryptoException;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;

import static dev.mxj.crypto.olm.OlmTesting.assertCryptoError;
import static dev.mxj.crypto.olm.OlmTesting.base64;
import static dev.mxj.crypto.olm.OlmTesting.unbase64;
import static dev.mxj.crypto.olm.OlmTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every {@link OlmBackend} must do for hashing and signature verification. */
public interface UtilityContract {
    OlmBackend backend();

    @Test
    default void sha256MatchesKnownVectors() {
        assertEquals("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", backend().sha256(new byte[0]));
        assertEquals("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0", backend().sha256(utf8("abc")));
    }

    @Test
    default void malformedKeysAndSignaturesAreRejected() {
        try (Account account = backend().createAccount()) {
            String key = account.identityKeys().ed25519();
            String signature = account.sign("m");
            assertDoesNotThrow(() -> backend().verifyEd25519(key, utf8("m"), signature));
            assertCryptoError(CryptoException.INVALID_BASE64, () -> backend().verifyEd25519(key + "A", utf8("m"), signature));
            assertCryptoError(CryptoException.INVALID_BASE64, () -> backend().verifyEd25519("!" + key.substring(1), utf8("m"), signature));
            assertCryptoError(CryptoException.BAD_MESSAGE_MAC, () -> backend().verifyEd25519(key, utf8("m"), signature + "AA"));
            assertCryptoError(CryptoException.BAD_MESSAGE_MAC, () -> backend().verifyEd25519(key, utf8("m"), signature.substring(0, 80)));
            assertCryptoError(CryptoException.INVALID_BASE64, () -> backend().verifyEd25519(key, utf8("m"), signature + "="));
        }
    }

    /** CVE-2024-45193: a signature (R, S + L) must not verify although (R, S) does. */
    @Test
    default void nonCanonicalSignaturesAreRejected() {
        BigInteger order = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
        try (Account account = backend().createAccount()) {
            String key = account.identityKeys().ed25519();
            byte[] signature = unbase64(account.sign("m"));
            byte[] s = reverse(Arrays.copyOfRange(signature, 32, 64));
            byte[] sPlusL = new BigInteger(1, s).add(order).toByteArray();
            byte[] little = reverse(sPlusL);
            byte[] malleated = Arrays.copyOf(signature, 64);
            Arrays.fill(malleated, 32, 64, (byte) 0);
            System.arraycopy(little, 0, malleated, 32, Math.min(32, little.length));
            assertCryptoError(CryptoException.BAD_MESSAGE_MAC,
                    () -> backend().verifyEd25519(key, utf8("m"), base64(malleated)));
        }
    }

    private static byte[] reverse(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}
