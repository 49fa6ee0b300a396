package dev.mxj.crypto.store;

import dev.mxj.crypto.CryptoException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PickleKeyTest {
    @Test
    void theSamePassphraseAndParamsGiveTheSameKey() {
        try (PickleKey created = PickleKey.create("correct horse".toCharArray(), 1000);
             PickleKey opened = PickleKey.open("correct horse".toCharArray(), created.params())) {
            assertEquals(32, created.bytes().length);
            assertArrayEquals(created.bytes(), opened.bytes());
            assertEquals(PickleKey.PBKDF2_HMAC_SHA512, created.params().algorithm());
            assertFalse(created.params().toString().contains(java.util.Base64.getEncoder().withoutPadding()
                    .encodeToString(created.bytes())), "the params never hold the key");
        }
    }

    @Test
    void aFreshSaltGivesAnotherKey() {
        try (PickleKey one = PickleKey.create("p".toCharArray(), 1000);
             PickleKey two = PickleKey.create("p".toCharArray(), 1000)) {
            assertNotEquals(one.params().salt(), two.params().salt());
            assertNotEquals(java.util.Arrays.toString(one.bytes()), java.util.Arrays.toString(two.bytes()));
        }
    }

    @Test
    void aWrongPassphraseIsToldApart() {
        PickleKeyParams params;
        try (PickleKey created = PickleKey.create("right".toCharArray(), 1000)) {
            params = created.params();
        }
        CryptoException e = assertThrows(CryptoException.class, () -> PickleKey.open("wrong".toCharArray(), params));
        assertEquals(PickleKey.WRONG_PASSPHRASE, e.errorName());
    }

    @Test
    void anUnknownDerivationIsRefused() {
        PickleKeyParams params = new PickleKeyParams("argon2id", "c2FsdA", 3, "Y2hlY2s");
        CryptoException e = assertThrows(CryptoException.class, () -> PickleKey.open("p".toCharArray(), params));
        assertEquals(CryptoException.UNKNOWN_PICKLE_VERSION, e.errorName());
    }

    @Test
    void aClosedKeyIsWiped() {
        PickleKey key = PickleKey.create("p".toCharArray(), 1000);
        key.close();
        assertThrows(IllegalStateException.class, key::bytes);
    }
}
