package dev.mxj.crypto.olm;

import dev.mxj.crypto.CryptoException;
import org.junit.jupiter.api.Test;

import static dev.mxj.crypto.olm.OlmTesting.assertCryptoError;
import static dev.mxj.crypto.olm.OlmTesting.unbase64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link OlmBackend} must do for SAS verification. Implement {@link #backend()}. */
public interface SasContract {
    OlmBackend backend();

    String INFO = "MATRIX_KEY_VERIFICATION_SAS|@alice:example.org|ALICEDEVICE|a|@bob:example.org|BOBDEVICE|b|txn";
    String MAC_INFO = "MATRIX_KEY_VERIFICATION_MAC@alice:example.orgALICEDEVICE@bob:example.orgBOBDEVICEtxned25519:ALICEDEVICE";

    @Test
    default void bothSidesDeriveTheSameBytesAndMacs() {
        try (Sas alice = backend().createSas(); Sas bob = backend().createSas()) {
            assertEquals(32, unbase64(alice.publicKey()).length);
            assertFalse(alice.isTheirKeySet());
            alice.setTheirPublicKey(bob.publicKey());
            bob.setTheirPublicKey(alice.publicKey());
            assertTrue(alice.isTheirKeySet());

            byte[] emoji = alice.generateBytes(INFO, 6);
            assertEquals(6, emoji.length);
            assertArrayEquals(emoji, bob.generateBytes(INFO, 6));
            assertNotEquals(java.util.HexFormat.of().formatHex(emoji),
                    java.util.HexFormat.of().formatHex(bob.generateBytes(INFO + "x", 6)));
            assertEquals(0, alice.generateBytes(INFO, 0).length);

            String key = "aj40p+aw64yPIdsxoog8jhPu9i7l7NcFRecuOQblE3Y";
            String mac = alice.calculateMac(key, MAC_INFO);
            assertEquals(mac, bob.calculateMac(key, MAC_INFO));
            assertEquals(32, unbase64(mac).length, "hkdf-hmac-sha256.v2 MACs are proper base64");
            assertNotEquals(mac, alice.calculateMac(key, MAC_INFO + "x"));

            String legacy = alice.calculateMacInvalidBase64(key, MAC_INFO);
            assertEquals(legacy, bob.calculateMacInvalidBase64(key, MAC_INFO));
            assertEquals(mac.length(), legacy.length());
            assertNotEquals(mac, legacy);
        }
    }

    @Test
    default void differentKeysGiveDifferentSecrets() {
        try (Sas alice = backend().createSas(); Sas bob = backend().createSas(); Sas mallory = backend().createSas()) {
            alice.setTheirPublicKey(mallory.publicKey());
            bob.setTheirPublicKey(alice.publicKey());
            assertNotEquals(alice.calculateMac("k", "i"), bob.calculateMac("k", "i"));
        }
    }

    @Test
    default void nothingIsDerivedBeforeTheirKeyIsSet() {
        try (Sas sas = backend().createSas()) {
            assertCryptoError(CryptoException.SAS_THEIR_KEY_NOT_SET, () -> sas.generateBytes(INFO, 5));
            assertCryptoError(CryptoException.SAS_THEIR_KEY_NOT_SET, () -> sas.calculateMac("k", "i"));
            assertCryptoError(CryptoException.INVALID_BASE64, () -> sas.setTheirPublicKey("not a key!"));
            assertThrows(IllegalArgumentException.class, () -> sas.generateBytes(INFO, -1));
            assertThrows(IllegalArgumentException.class, () -> sas.generateBytes(INFO, 8161));
        }
    }
}
