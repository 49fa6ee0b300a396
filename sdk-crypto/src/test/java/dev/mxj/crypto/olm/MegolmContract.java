package dev.mxj.crypto.olm;

import dev.mxj.crypto.CryptoException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.mxj.crypto.olm.OlmTesting.assertCryptoError;
import static dev.mxj.crypto.olm.OlmTesting.text;
import static dev.mxj.crypto.olm.OlmTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What every {@link OlmBackend} must do for Megolm. Implement {@link #backend()}. */
public interface MegolmContract {
    OlmBackend backend();

    private List<String> encryptAll(OutboundGroupSession out, int count) {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(out.encrypt(utf8("message " + i)));
        }
        return messages;
    }

    @Test
    default void encryptedMessagesDecryptWithTheirIndices() {
        try (OutboundGroupSession out = backend().createOutboundGroupSession();
             InboundGroupSession in = backend().createInboundGroupSession(out.sessionKey())) {
            assertEquals(0, out.messageIndex());
            assertEquals(out.sessionId(), in.sessionId());
            assertEquals(0, in.firstKnownIndex());
            List<String> messages = encryptAll(out, 4);
            assertEquals(4, out.messageIndex());
            for (int i = 3; i >= 0; i--) { // any order, and again
                GroupDecryption result = in.decrypt(messages.get(i));
                assertEquals("message " + i, text(result.plaintext()));
                assertEquals(i, result.messageIndex());
            }
            assertEquals(2, in.decrypt(messages.get(2)).messageIndex());
        }
    }

    @Test
    default void aSessionKeyTakenLaterCannotReadEarlierMessages() {
        try (OutboundGroupSession out = backend().createOutboundGroupSession()) {
            List<String> early = encryptAll(out, 3);
            try (InboundGroupSession in = backend().createInboundGroupSession(out.sessionKey())) {
                assertEquals(3, in.firstKnownIndex());
                String later = out.encrypt(utf8("later"));
                assertEquals(3, in.decrypt(later).messageIndex());
                for (String message : early) {
                    assertCryptoError(CryptoException.UNKNOWN_MESSAGE_INDEX, () -> in.decrypt(message));
                }
            }
        }
    }

    @Test
    default void exportAtIndexThenImportStartsThere() {
        try (OutboundGroupSession out = backend().createOutboundGroupSession();
             InboundGroupSession in = backend().createInboundGroupSession(out.sessionKey())) {
            List<String> messages = encryptAll(out, 6);
            String export = in.export(4);
            try (InboundGroupSession imported = backend().importInboundGroupSession(export)) {
                assertEquals(4, imported.firstKnownIndex());
                assertEquals(in.sessionId(), imported.sessionId());
                assertEquals("message 4", text(imported.decrypt(messages.get(4)).plaintext()));
                assertEquals(5, imported.decrypt(messages.get(5)).messageIndex());
                assertCryptoError(CryptoException.UNKNOWN_MESSAGE_INDEX, () -> imported.decrypt(messages.get(3)));
                assertCryptoError(CryptoException.UNKNOWN_MESSAGE_INDEX, () -> imported.export(3));
                assertEquals(export, imported.export(4));
            }
            assertThrows(IllegalArgumentException.class, () -> in.export(-1));
            assertThrows(IllegalArgumentException.class, () -> in.export(1L << 32));
        }
    }

    @Test
    default void signedKeysAndExportsAreNotInterchangeable() {
        try (OutboundGroupSession out = backend().createOutboundGroupSession();
             InboundGroupSession in = backend().createInboundGroupSession(out.sessionKey())) {
            assertCryptoError(CryptoException.BAD_SESSION_KEY,
                    () -> backend().createInboundGroupSession(in.export(0)).close());
            assertCryptoError(CryptoException.BAD_SESSION_KEY,
                    () -> backend().importInboundGroupSession(out.sessionKey()).close());
        }
    }

    @Test
    default void messagesOfAnotherSessionDoNotDecrypt() {
        try (OutboundGroupSession one = backend().createOutboundGroupSession();
             OutboundGroupSession two = backend().createOutboundGroupSession();
             InboundGroupSession in = backend().createInboundGroupSession(one.sessionKey())) {
            String foreign = two.encrypt(utf8("not for you"));
            assertThrows(CryptoException.class, () -> in.decrypt(foreign));
        }
    }

    @Test
    default void groupPicklesRoundTripWithTheRightKeyOnly() {
        byte[] key = utf8("megolm pickle key");
        try (OutboundGroupSession out = backend().createOutboundGroupSession();
             InboundGroupSession in = backend().createInboundGroupSession(out.sessionKey())) {
            encryptAll(out, 2);
            String outPickle = out.pickle(key);
            String inPickle = in.pickle(key);
            try (OutboundGroupSession out2 = backend().unpickleOutboundGroupSession(outPickle, key);
                 InboundGroupSession in2 = backend().unpickleInboundGroupSession(inPickle, key)) {
                assertEquals(2, out2.messageIndex());
                assertEquals(out.sessionKey(), out2.sessionKey());
                GroupDecryption result = in2.decrypt(out2.encrypt(utf8("after restore")));
                assertEquals(2, result.messageIndex());
                assertEquals("after restore", text(result.plaintext()));
            }
            byte[] wrong = utf8("megolm pickle kez");
            assertCryptoError(CryptoException.BAD_ACCOUNT_KEY, () -> backend().unpickleOutboundGroupSession(outPickle, wrong).close());
            assertCryptoError(CryptoException.BAD_ACCOUNT_KEY, () -> backend().unpickleInboundGroupSession(inPickle, wrong).close());
        }
    }

    @Test
    default void closedGroupSessionsRefuseWork() {
        OutboundGroupSession out = backend().createOutboundGroupSession();
        InboundGroupSession in = backend().createInboundGroupSession(out.sessionKey());
        String message = out.encrypt(utf8("x"));
        out.close();
        in.close();
        assertThrows(IllegalStateException.class, () -> out.encrypt(utf8("y")));
        assertThrows(IllegalStateException.class, out::sessionKey);
        assertThrows(IllegalStateException.class, () -> in.decrypt(message));
        assertThrows(IllegalStateException.class, () -> in.export(0));
    }
}
