package dev.mxj.crypto.olm;

import org.junit.jupiter.api.Test;

import static dev.mxj.crypto.olm.Fuzzer.fuzz;
import static dev.mxj.crypto.olm.OlmTesting.text;
import static dev.mxj.crypto.olm.OlmTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Malformed input into every Olm and Megolm decryption and unpickling path: only
 * {@link dev.mxj.crypto.CryptoException}, never a crash. A success must give the original plaintext.
 */
public interface FuzzSessionsContract {
    OlmBackend backend();

    byte[] PICKLE_KEY = utf8("fuzz pickle key");

    /** Alice and Bob with an established session; Bob's state pickled so each iteration starts fresh. */
    private String[] conversation(Account alice, Account bob) {
        bob.generateOneTimeKeys(1);
        String otk = bob.oneTimeKeys().get(0).publicKey();
        String bobAccount = bob.pickle(PICKLE_KEY);
        try (Session a = alice.createOutboundSession(bob.identityKeys().curve25519(), otk)) {
            OlmMessage preKey = a.encrypt(utf8("pre-key secret"));
            OlmMessage preKey2 = a.encrypt(utf8("second pre-key"));
            InboundSessionResult in = bob.createInboundSession(alice.identityKeys().curve25519(), preKey);
            try (Session b = in.session()) {
                String bobBeforeSecond = b.pickle(PICKLE_KEY);
                a.decrypt(b.encrypt(utf8("ack")));
                OlmMessage normal = a.encrypt(utf8("normal secret"));
                return new String[] {bobAccount, preKey.ciphertext(), bobBeforeSecond, preKey2.ciphertext(),
                        b.pickle(PICKLE_KEY), normal.ciphertext()};
            }
        }
    }

    @Test
    default void olmDecryptionAndSessionCreation() {
        try (Account alice = backend().createAccount(); Account bob = backend().createAccount()) {
            String aliceKey = alice.identityKeys().curve25519();
            String[] c = conversation(alice, bob);
            fuzz("olm create inbound", c[1], input -> {
                try (Account fresh = backend().unpickleAccount(c[0], PICKLE_KEY)) {
                    InboundSessionResult r = fresh.createInboundSession(aliceKey, new OlmMessage(0, input));
                    r.session().close();
                    assertEquals("pre-key secret", text(r.plaintext()));
                }
            });
            fuzz("olm decrypt pre-key", c[3], input -> {
                try (Session fresh = backend().unpickleSession(c[2], PICKLE_KEY)) {
                    assertEquals("second pre-key", text(fresh.decrypt(new OlmMessage(0, input))));
                }
            });
            fuzz("olm decrypt normal", c[5], input -> {
                try (Session fresh = backend().unpickleSession(c[4], PICKLE_KEY)) {
                    assertEquals("normal secret", text(fresh.decrypt(new OlmMessage(1, input))));
                }
            });
            try (Session b = backend().unpickleSession(c[2], PICKLE_KEY)) {
                fuzz("olm matches inbound", c[3], input -> b.matchesInbound(new OlmMessage(0, input)));
                fuzz("olm matches inbound from", c[3], input -> b.matchesInbound(aliceKey, new OlmMessage(0, input)));
            }
        }
    }

    @Test
    default void olmUnpickling() {
        try (Account alice = backend().createAccount(); Account bob = backend().createAccount()) {
            String[] c = conversation(alice, bob);
            fuzz("unpickle account", c[0], input -> backend().unpickleAccount(input, PICKLE_KEY).close());
            fuzz("unpickle session", c[4], input -> backend().unpickleSession(input, PICKLE_KEY).close());
        }
    }

    @Test
    default void megolmDecryptionAndKeys() {
        try (OutboundGroupSession out = backend().createOutboundGroupSession()) {
            out.encrypt(utf8("skip index 0"));
            String sessionKey = out.sessionKey();
            String message = out.encrypt(utf8("megolm secret"));
            try (InboundGroupSession in = backend().createInboundGroupSession(sessionKey)) {
                String export = in.export(1);
                fuzz("megolm decrypt", message, input -> {
                    GroupDecryption d = in.decrypt(input);
                    assertEquals("megolm secret", text(d.plaintext()));
                    assertEquals(1, d.messageIndex());
                });
                fuzz("megolm session key", sessionKey, input -> {
                    try (InboundGroupSession s = backend().createInboundGroupSession(input)) {
                        assertEquals("megolm secret", text(s.decrypt(message).plaintext()));
                    }
                });
                // Exports are unsigned: a changed one may import, but must not decrypt to anything else.
                fuzz("megolm import", export, input -> {
                    try (InboundGroupSession s = backend().importInboundGroupSession(input)) {
                        assertEquals("megolm secret", text(s.decrypt(message).plaintext()));
                    }
                });
                fuzz("unpickle inbound group", in.pickle(PICKLE_KEY),
                        input -> backend().unpickleInboundGroupSession(input, PICKLE_KEY).close());
            }
            fuzz("unpickle outbound group", out.pickle(PICKLE_KEY),
                    input -> backend().unpickleOutboundGroupSession(input, PICKLE_KEY).close());
        }
    }
}
