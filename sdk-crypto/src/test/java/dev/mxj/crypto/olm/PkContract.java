package dev.mxj.crypto.olm;

import dev.mxj.crypto.CryptoException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.mxj.crypto.olm.OlmTesting.assertCryptoError;
import static dev.mxj.crypto.olm.OlmTesting.base64;
import static dev.mxj.crypto.olm.OlmTesting.hex;
import static dev.mxj.crypto.olm.OlmTesting.text;
import static dev.mxj.crypto.olm.OlmTesting.unbase64;
import static dev.mxj.crypto.olm.OlmTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What every {@link OlmBackend} must do for PK encryption (key backup) and signing (cross-signing).
 * The known answers are the RFC 7748 Alice key with libolm's published PK test vector, and RFC 8032's
 * Ed25519 test vectors 1 and 2.
 */
public interface PkContract {
    OlmBackend backend();

    String ALICE_PRIVATE = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    String ALICE_PUBLIC = "hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo";

    @Test
    default void encryptedMessagesDecrypt() {
        try (PkDecryption decryption = backend().createPkDecryption();
             PkEncryption encryption = backend().createPkEncryption(decryption.publicKey())) {
            PkMessage message = encryption.encrypt(utf8("{\"session_key\":\"...\"}"));
            assertEquals(32, unbase64(message.ephemeralKey()).length);
            assertEquals(8, unbase64(message.mac()).length);
            assertEquals("{\"session_key\":\"...\"}", text(decryption.decrypt(message)));
            PkMessage again = encryption.encrypt(utf8("{\"session_key\":\"...\"}"));
            assertNotEquals(message.ephemeralKey(), again.ephemeralKey());
            assertEquals("", text(decryption.decrypt(encryption.encrypt(new byte[0]))));
        }
    }

    @Test
    default void aKnownMessageDecryptsWithAKnownPrivateKey() {
        try (PkDecryption decryption = backend().pkDecryptionFromPrivateKey(hex(ALICE_PRIVATE))) {
            assertEquals(ALICE_PUBLIC, decryption.publicKey());
            assertArrayEquals(hex(ALICE_PRIVATE), decryption.privateKey());
            PkMessage known = new PkMessage("ntk49j/KozVFtSqJXhCejg", "zpzU6BkZcNI",
                    "3p7bfXt9wbTTW2HC7OQ1Nz+DQ8hbeGdNrfx+FG+IK08");
            assertEquals("This is a test", text(decryption.decrypt(known)));
            PkMessage wrongMac = new PkMessage(known.ciphertext(), "zpzU6BkZcNA", known.ephemeralKey());
            assertCryptoError(CryptoException.BAD_MESSAGE_MAC, () -> decryption.decrypt(wrongMac));
        }
    }

    /**
     * Compatibility, not a virtue: the spec's backup MAC is computed over an empty input (see
     * PkMessage), so a changed ciphertext still "decrypts". Flipping a bit of the first AES-CBC
     * block garbles plaintext block 1 and flips the same bit of block 2, leaving the padding valid.
     */
    @Test
    default void theBackupMacDoesNotCoverTheCiphertext() {
        try (PkDecryption decryption = backend().createPkDecryption();
             PkEncryption encryption = backend().createPkEncryption(decryption.publicKey())) {
            PkMessage message = encryption.encrypt(utf8("0123456789abcdefXYZ")); // two AES blocks
            byte[] raw = unbase64(message.ciphertext());
            assertEquals(32, raw.length);
            raw[0] ^= 1;
            PkMessage changed = new PkMessage(base64(raw), message.mac(), message.ephemeralKey());
            byte[] plaintext = decryption.decrypt(changed);
            assertEquals('X' ^ 1, plaintext[16]);
            assertEquals("YZ", text(Arrays.copyOfRange(plaintext, 17, 19)));
        }
    }

    @Test
    default void privateKeysAndPicklesRestoreTheKeyPair() {
        byte[] key = utf8("secret_key");
        try (PkDecryption original = backend().createPkDecryption()) {
            byte[] privateKey = original.privateKey();
            assertEquals(32, privateKey.length);
            PkMessage message;
            try (PkEncryption encryption = backend().createPkEncryption(original.publicKey())) {
                message = encryption.encrypt(utf8("backup"));
            }
            try (PkDecryption fromKey = backend().pkDecryptionFromPrivateKey(privateKey);
                 PkDecryption fromPickle = backend().unpicklePkDecryption(original.pickle(key), key)) {
                assertEquals(original.publicKey(), fromKey.publicKey());
                assertEquals(original.publicKey(), fromPickle.publicKey());
                assertEquals("backup", text(fromKey.decrypt(message)));
                assertEquals("backup", text(fromPickle.decrypt(message)));
            }
            Arrays.fill(privateKey, (byte) 0);
            String pickle = original.pickle(key);
            assertCryptoError(CryptoException.BAD_ACCOUNT_KEY, () -> backend().unpicklePkDecryption(pickle, utf8("x")).close());
        }
        assertCryptoError(CryptoException.INPUT_BUFFER_TOO_SMALL, () -> backend().pkDecryptionFromPrivateKey(new byte[31]).close());
    }

    @Test
    default void libolmPicklesOfAKnownKeyOpen() {
        String pickle = "qx37WTQrjZLz5tId/uBX9B3/okqAbV1ofl9UnHKno1eipByCpXleAAlAZoJgYnCDOQZDQWzo3luTSfkF9pU1mOILCbbouubs6TVeDyPfgGD9i86J8irHjA";
        try (PkDecryption decryption = backend().unpicklePkDecryption(pickle, utf8("secret_key"))) {
            assertEquals(ALICE_PUBLIC, decryption.publicKey());
        }
    }

    @Test
    default void signingKeysFollowRfc8032() {
        String[][] vectors = {
            {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
             "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
             "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
            {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
             "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
             "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
        };
        for (String[] v : vectors) {
            try (PkSigning signing = backend().pkSigningFromSeed(hex(v[0]))) {
                assertEquals(base64(hex(v[1])), signing.publicKey());
                assertEquals(base64(hex(v[3])), signing.sign(hex(v[2])));
                assertArrayEquals(hex(v[0]), signing.seed());
                assertDoesNotThrow(() -> backend().verifyEd25519(signing.publicKey(), hex(v[2]), base64(hex(v[3]))));
            }
        }
    }

    @Test
    default void crossSigningSignaturesVerify() {
        try (PkSigning master = backend().createPkSigning()) {
            String json = "{\"keys\":{\"ed25519:abc\":\"abc\"},\"usage\":[\"master\"],\"user_id\":\"@a:b\"}";
            String signature = master.sign(json);
            assertDoesNotThrow(() -> backend().verifyEd25519(master.publicKey(), utf8(json), signature));
            assertCryptoError(CryptoException.BAD_MESSAGE_MAC,
                    () -> backend().verifyEd25519(master.publicKey(), utf8(json + " "), signature));
            try (PkSigning same = backend().pkSigningFromSeed(master.seed())) {
                assertEquals(master.publicKey(), same.publicKey());
                assertEquals(signature, same.sign(json));
            }
        }
        assertCryptoError(CryptoException.INPUT_BUFFER_TOO_SMALL, () -> backend().pkSigningFromSeed(new byte[16]).close());
    }

    @Test
    default void closedPkObjectsRefuseWork() {
        PkDecryption decryption = backend().createPkDecryption();
        PkEncryption encryption = backend().createPkEncryption(decryption.publicKey());
        PkSigning signing = backend().createPkSigning();
        decryption.close();
        encryption.close();
        signing.close();
        assertThrows(IllegalStateException.class, decryption::privateKey);
        assertThrows(IllegalStateException.class, () -> encryption.encrypt(new byte[1]));
        assertThrows(IllegalStateException.class, signing::seed);
    }
}
