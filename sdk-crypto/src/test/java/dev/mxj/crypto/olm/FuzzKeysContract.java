package dev.mxj.crypto.olm;

import org.junit.jupiter.api.Test;

import static dev.mxj.crypto.olm.Fuzzer.fuzz;
import static dev.mxj.crypto.olm.OlmTesting.text;
import static dev.mxj.crypto.olm.OlmTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Malformed input into PK decryption, PK unpickling, SAS, signature verification, and every method
 * that takes a key: only {@link dev.mxj.crypto.CryptoException}, never a crash.
 */
public interface FuzzKeysContract {
    OlmBackend backend();

    @Test
    default void pkDecryption() {
        byte[] pickleKey = utf8("pk pickle key");
        try (PkDecryption decryption = backend().createPkDecryption();
             PkEncryption encryption = backend().createPkEncryption(decryption.publicKey())) {
            PkMessage m = encryption.encrypt(utf8("a backed-up room key, longer than one AES block"));
            String expected = "a backed-up room key, longer than one AES block";
            // The scheme's MAC covers nothing (see PkMessage): a changed ciphertext of whole blocks
            // "decrypts" to changed plaintext. What must hold is typed errors and no crash.
            fuzz("pk ciphertext", m.ciphertext(), input -> decryption.decrypt(new PkMessage(input, m.mac(), m.ephemeralKey())));
            fuzz("pk mac", m.mac(), input ->
                    assertEquals(expected, text(decryption.decrypt(new PkMessage(m.ciphertext(), input, m.ephemeralKey())))));
            fuzz("pk ephemeral key", m.ephemeralKey(), input ->
                    assertEquals(expected, text(decryption.decrypt(new PkMessage(m.ciphertext(), m.mac(), input)))));
            fuzz("unpickle pk decryption", decryption.pickle(pickleKey),
                    input -> backend().unpicklePkDecryption(input, pickleKey).close());
            fuzz("pk recipient key", decryption.publicKey(), input -> backend().createPkEncryption(input).close());
        }
    }

    @Test
    default void sasKeys() {
        try (Sas alice = backend().createSas(); Sas bob = backend().createSas()) {
            fuzz("sas their key", bob.publicKey(), input -> {
                try (Sas fresh = backend().createSas()) {
                    fresh.setTheirPublicKey(input);
                    fresh.generateBytes("info", 5);
                }
            });
            alice.setTheirPublicKey(bob.publicKey());
            fuzz("sas their key, set twice", bob.publicKey(), alice::setTheirPublicKey);
        }
    }

    @Test
    default void signaturesAndSessionKeys() {
        try (Account account = backend().createAccount(); Account other = backend().createAccount()) {
            String ed25519 = account.identityKeys().ed25519();
            String signature = account.sign("signed");
            fuzz("ed25519 signature", signature, input -> backend().verifyEd25519(ed25519, utf8("signed"), input));
            fuzz("ed25519 key", ed25519, input -> backend().verifyEd25519(input, utf8("signed"), signature));
            other.generateOneTimeKeys(1);
            String identity = other.identityKeys().curve25519();
            String otk = other.oneTimeKeys().get(0).publicKey();
            fuzz("olm their identity key", identity, input -> account.createOutboundSession(input, otk).close());
            fuzz("olm their one-time key", otk, input -> account.createOutboundSession(identity, input).close());
        }
    }
}
