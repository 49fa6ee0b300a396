package dev.mxj.crypto.olm;

import dev.mxj.crypto.CryptoException;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.mxj.crypto.olm.OlmTesting.assertCryptoError;
import static dev.mxj.crypto.olm.OlmTesting.unbase64;
import static dev.mxj.crypto.olm.OlmTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link OlmBackend} must do for accounts. Implement {@link #backend()}. */
public interface AccountContract {
    OlmBackend backend();

    @Test
    default void identityKeysAreUnpaddedBase64Of32Bytes() {
        try (Account account = backend().createAccount()) {
            IdentityKeys keys = account.identityKeys();
            assertEquals(32, unbase64(keys.curve25519()).length);
            assertEquals(32, unbase64(keys.ed25519()).length);
            assertEquals(keys, account.identityKeys());
        }
    }

    @Test
    default void signaturesVerifyWithTheEd25519IdentityKey() {
        try (Account account = backend().createAccount()) {
            String signature = account.sign("{\"a\":1}");
            assertEquals(64, unbase64(signature).length);
            String ed25519 = account.identityKeys().ed25519();
            assertDoesNotThrow(() -> backend().verifyEd25519(ed25519, utf8("{\"a\":1}"), signature));
            assertCryptoError(CryptoException.BAD_MESSAGE_MAC,
                    () -> backend().verifyEd25519(ed25519, utf8("{\"a\":2}"), signature));
        }
    }

    @Test
    default void oneTimeKeysAreListedUntilPublished() {
        try (Account account = backend().createAccount()) {
            assertTrue(account.oneTimeKeys().isEmpty());
            account.generateOneTimeKeys(5);
            List<OneTimeKey> keys = account.oneTimeKeys();
            assertEquals(5, keys.size());
            Set<String> ids = new HashSet<>();
            for (OneTimeKey key : keys) {
                assertTrue(ids.add(key.keyId()));
                assertEquals(32, unbase64(key.publicKey()).length);
            }
            account.markKeysAsPublished();
            assertTrue(account.oneTimeKeys().isEmpty());
            account.generateOneTimeKeys(0);
            assertTrue(account.oneTimeKeys().isEmpty());
        }
    }

    @Test
    default void generatingBeyondTheMaximumDiscardsTheOldest() {
        try (Account account = backend().createAccount()) {
            int max = account.maxOneTimeKeys();
            assertTrue(max >= 50, "max " + max);
            account.generateOneTimeKeys(3);
            List<OneTimeKey> oldest = account.oneTimeKeys();
            account.generateOneTimeKeys(max);
            List<OneTimeKey> keys = account.oneTimeKeys();
            assertEquals(max, keys.size());
            assertFalse(keys.stream().anyMatch(oldest::contains));
            assertThrows(IllegalArgumentException.class, () -> account.generateOneTimeKeys(-1));
        }
    }

    @Test
    default void fallbackKeyIsListedUntilPublishedAndReplaced() {
        try (Account account = backend().createAccount()) {
            assertEquals(Optional.empty(), account.unpublishedFallbackKey());
            account.generateFallbackKey();
            OneTimeKey first = account.unpublishedFallbackKey().orElseThrow();
            assertEquals(32, unbase64(first.publicKey()).length);
            account.markKeysAsPublished();
            assertEquals(Optional.empty(), account.unpublishedFallbackKey());
            account.generateFallbackKey();
            OneTimeKey second = account.unpublishedFallbackKey().orElseThrow();
            assertNotEquals(first.publicKey(), second.publicKey());
            assertNotEquals(first.keyId(), second.keyId());
            account.forgetOldFallbackKey();
            assertEquals(Optional.of(second), account.unpublishedFallbackKey());
        }
    }

    @Test
    default void accountPicklesRoundTripWithTheRightKeyOnly() {
        byte[] key = utf8("a pickle key of any length");
        try (Account account = backend().createAccount()) {
            account.generateOneTimeKeys(3);
            account.generateFallbackKey();
            String pickle = account.pickle(key);
            try (Account restored = backend().unpickleAccount(pickle, key)) {
                assertEquals(account.identityKeys(), restored.identityKeys());
                assertEquals(account.oneTimeKeys(), restored.oneTimeKeys());
                assertEquals(account.unpublishedFallbackKey(), restored.unpublishedFallbackKey());
                assertEquals(account.sign("x"), restored.sign("x"));
            }
            assertCryptoError(CryptoException.BAD_ACCOUNT_KEY,
                    () -> backend().unpickleAccount(pickle, utf8("another key")).close());
            assertCryptoError(CryptoException.BAD_ACCOUNT_KEY,
                    () -> backend().unpickleAccount(pickle, new byte[0]).close());
        }
    }

    @Test
    default void aClosedAccountRefusesWork() {
        Account account = backend().createAccount();
        assertFalse(account.isClosed());
        account.close();
        account.close();
        assertTrue(account.isClosed());
        assertThrows(IllegalStateException.class, account::identityKeys);
        assertThrows(IllegalStateException.class, () -> account.sign("x"));
        assertThrows(IllegalStateException.class, () -> account.pickle(new byte[32]));
        assertThrows(IllegalStateException.class, () -> account.generateOneTimeKeys(1));
    }
}
