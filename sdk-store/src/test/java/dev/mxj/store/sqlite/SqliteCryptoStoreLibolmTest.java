package dev.mxj.store.sqlite;

import dev.mxj.crypto.CryptoException;
import dev.mxj.crypto.olm.Account;
import dev.mxj.crypto.olm.InboundGroupSession;
import dev.mxj.crypto.olm.InboundSessionResult;
import dev.mxj.crypto.olm.OlmBackend;
import dev.mxj.crypto.olm.OlmMessage;
import dev.mxj.crypto.olm.OneTimeKey;
import dev.mxj.crypto.olm.OutboundGroupSession;
import dev.mxj.crypto.olm.Session;
import dev.mxj.crypto.olm.libolm.LibolmBackend;
import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.PickleKey;
import dev.mxj.crypto.store.StoredAccount;
import dev.mxj.crypto.store.StoredInboundGroupSession;
import dev.mxj.crypto.store.StoredOlmSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.mxj.crypto.store.CryptoStoreFixtures.ALICE;
import static dev.mxj.crypto.store.CryptoStoreFixtures.ALICE_DEVICE;
import static dev.mxj.crypto.store.CryptoStoreFixtures.ROOM;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Real libolm pickles, encrypted with a {@link PickleKey} from a passphrase, through the SQLite
 * store and a restart: the account whose one-time key made an Olm session is saved with that
 * session, so after reopening the key cannot be used a second time, the session decrypts on, and
 * a room key still decrypts. Another passphrase does not open the stored key.
 */
class SqliteCryptoStoreLibolmTest {
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    /** Few iterations: the test is about storage, not key stretching. */
    private static final int ITERATIONS = 1000;

    @TempDir
    Path dir;

    @Test
    void aUsedOneTimeKeyStaysUsedAndSessionsStayUsableAcrossAReopen() {
        OlmBackend olm = LibolmBackend.create();
        Path file = dir.resolve("alice.db");
        String bobKey;
        OneTimeKey aliceOtk;
        String roomMessage;
        OlmMessage secondOlmMessage;
        try (Account bob = olm.createAccount(); OutboundGroupSession roomSession = olm.createOutboundGroupSession()) {
            bobKey = bob.identityKeys().curve25519();
            try (SqliteStore store = SqliteStore.open(file); PickleKey key = PickleKey.create(PASSPHRASE, ITERATIONS);
                 Account alice = olm.createAccount()) {
                CryptoStore keys = store.cryptoStore();
                alice.generateOneTimeKeys(5);
                aliceOtk = alice.oneTimeKeys().get(0);
                alice.markKeysAsPublished();
                keys.save(CryptoChanges.builder().pickleKeyParams(key.params())
                        .account(account(alice.pickle(key.bytes()))).build());

                // Bob claims the one-time key and sends a pre-key message carrying a room key.
                Session bobToAlice = bob.createOutboundSession(alice.identityKeys().curve25519(), aliceOtk.publicKey());
                OlmMessage preKey = bobToAlice.encrypt(roomSession.sessionKey().getBytes(StandardCharsets.UTF_8));
                secondOlmMessage = bobToAlice.encrypt(bytes("second"));
                roomMessage = roomSession.encrypt(bytes("hello room"));

                // Alice: the session the key made, the account without the key, the room key: one save.
                InboundSessionResult made = alice.createInboundSession(bobKey, preKey);
                try (Session aliceSession = made.session();
                     InboundGroupSession roomKey = olm.createInboundGroupSession(
                             new String(made.plaintext(), StandardCharsets.UTF_8))) {
                    keys.save(CryptoChanges.builder().account(account(alice.pickle(key.bytes())))
                            .olmSession(new StoredOlmSession(bobKey, aliceSession.sessionId(),
                                    aliceSession.pickle(key.bytes()), 1, 1))
                            .inboundGroupSession(new StoredInboundGroupSession(ROOM, roomKey.sessionId(), bobKey,
                                    bob.identityKeys().ed25519(), List.of(), false, roomKey.firstKnownIndex(),
                                    roomKey.pickle(key.bytes())))
                            .build());
                }
            }
        }

        try (SqliteStore store = SqliteStore.open(file);
             Account bobAgain = olm.createAccount()) {
            CryptoStore keys = store.cryptoStore();
            CryptoException wrong = assertThrows(CryptoException.class,
                    () -> PickleKey.open("another passphrase".toCharArray(), keys.pickleKeyParams().orElseThrow()));
            assertEquals(PickleKey.WRONG_PASSPHRASE, wrong.errorName());
            try (PickleKey key = PickleKey.open(PASSPHRASE, keys.pickleKeyParams().orElseThrow());
                 Account alice = olm.unpickleAccount(keys.account().orElseThrow().pickle(), key.bytes())) {
                // A second pre-key message on the same one-time key is refused: the key is gone.
                Session replay = bobAgain.createOutboundSession(alice.identityKeys().curve25519(),
                        aliceOtk.publicKey());
                OlmMessage reused = replay.encrypt(bytes("reuse"));
                CryptoException e = assertThrows(CryptoException.class,
                        () -> alice.createInboundSession(bobAgain.identityKeys().curve25519(), reused));
                assertEquals(CryptoException.BAD_MESSAGE_KEY_ID, e.errorName());
                replay.close();

                List<StoredOlmSession> sessions = keys.olmSessions(bobKey);
                assertEquals(1, sessions.size());
                try (Session aliceSession = olm.unpickleSession(sessions.get(0).pickle(), key.bytes())) {
                    assertArrayEquals(bytes("second"), aliceSession.decrypt(secondOlmMessage));
                }
                StoredInboundGroupSession stored = keys.inboundGroupSessions(ROOM).get(0);
                try (InboundGroupSession roomKey = olm.unpickleInboundGroupSession(stored.pickle(), key.bytes())) {
                    assertArrayEquals(bytes("hello room"), roomKey.decrypt(roomMessage).plaintext());
                }
                assertFalse(keys.account().orElseThrow().pickle().contains(aliceOtk.publicKey()),
                        "the pickle is encrypted: no key shows in the clear");
            }
        }
    }

    private static StoredAccount account(String pickle) {
        return new StoredAccount(ALICE, ALICE_DEVICE, pickle, true, 5, Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
