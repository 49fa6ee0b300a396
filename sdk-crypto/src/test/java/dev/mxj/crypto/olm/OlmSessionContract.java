package dev.mxj.crypto.olm;

import dev.mxj.crypto.CryptoException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.mxj.crypto.olm.OlmTesting.assertCryptoError;
import static dev.mxj.crypto.olm.OlmTesting.text;
import static dev.mxj.crypto.olm.OlmTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link OlmBackend} must do for Olm sessions. Implement {@link #backend()}. */
public interface OlmSessionContract {
    OlmBackend backend();

    /** Bob publishes one one-time key; Alice starts a session to it. */
    private Session outboundTo(Account alice, Account bob) {
        bob.generateOneTimeKeys(1);
        OneTimeKey otk = bob.oneTimeKeys().get(0);
        bob.markKeysAsPublished();
        return alice.createOutboundSession(bob.identityKeys().curve25519(), otk.publicKey());
    }

    @Test
    default void preKeyThenNormalMessagesBothWays() {
        try (Account alice = backend().createAccount(); Account bob = backend().createAccount();
             Session aliceSession = outboundTo(alice, bob)) {
            String aliceKey = alice.identityKeys().curve25519();
            assertFalse(aliceSession.hasReceivedMessage());
            OlmMessage first = aliceSession.encrypt(utf8("hello bob"));
            OlmMessage second = aliceSession.encrypt(utf8("still there?"));
            assertEquals(OlmMessage.TYPE_PRE_KEY, first.type());
            assertEquals(OlmMessage.TYPE_PRE_KEY, second.type());

            InboundSessionResult inbound = bob.createInboundSession(aliceKey, first);
            try (Session bobSession = inbound.session()) {
                assertEquals("hello bob", text(inbound.plaintext()));
                assertEquals(aliceSession.sessionId(), bobSession.sessionId());
                assertTrue(bobSession.matchesInbound(second));
                assertTrue(bobSession.matchesInbound(aliceKey, second));
                assertEquals("still there?", text(bobSession.decrypt(second)));

                OlmMessage reply = bobSession.encrypt(utf8("hi alice"));
                assertEquals(OlmMessage.TYPE_MESSAGE, reply.type());
                assertEquals("hi alice", text(aliceSession.decrypt(reply)));
                assertTrue(aliceSession.hasReceivedMessage());

                for (int i = 0; i < 5; i++) {
                    OlmMessage a = aliceSession.encrypt(utf8("a" + i));
                    assertEquals(OlmMessage.TYPE_MESSAGE, a.type());
                    assertEquals("a" + i, text(bobSession.decrypt(a)));
                    OlmMessage b = bobSession.encrypt(utf8("b" + i));
                    assertEquals("b" + i, text(aliceSession.decrypt(b)));
                }
            }
        }
    }

    @Test
    default void messagesDecryptOutOfOrderButNotTwice() {
        try (Account alice = backend().createAccount(); Account bob = backend().createAccount();
             Session aliceSession = outboundTo(alice, bob)) {
            InboundSessionResult inbound = bob.createInboundSession(alice.identityKeys().curve25519(),
                    aliceSession.encrypt(utf8("start")));
            try (Session bobSession = inbound.session()) {
                aliceSession.decrypt(bobSession.encrypt(utf8("ack")));
                List<OlmMessage> sent = List.of(aliceSession.encrypt(utf8("0")),
                        aliceSession.encrypt(utf8("1")), aliceSession.encrypt(utf8("2")));
                assertEquals("2", text(bobSession.decrypt(sent.get(2))));
                assertEquals("0", text(bobSession.decrypt(sent.get(0))));
                assertEquals("1", text(bobSession.decrypt(sent.get(1))));
                assertThrows(CryptoException.class, () -> bobSession.decrypt(sent.get(1)));
            }
        }
    }

    @Test
    default void aOneTimeKeyIsConsumedOnlyBySuccessfulDecryption() {
        try (Account alice = backend().createAccount(); Account bob = backend().createAccount()) {
            bob.generateOneTimeKeys(2);
            List<OneTimeKey> keys = bob.oneTimeKeys();
            String aliceKey = alice.identityKeys().curve25519();
            try (Session out = alice.createOutboundSession(bob.identityKeys().curve25519(), keys.get(0).publicKey())) {
                OlmMessage message = out.encrypt(utf8("once"));
                // A message whose MAC fails must not cost Bob his key.
                String body = message.ciphertext();
                int at = body.length() - 3; // inside the MAC, and every bit of it significant
                OlmMessage damaged = new OlmMessage(0, body.substring(0, at) + (body.charAt(at) == 'A' ? 'z' : 'A')
                        + body.substring(at + 1));
                assertThrows(CryptoException.class, () -> bob.createInboundSession(aliceKey, damaged).session().close());
                assertEquals(keys, bob.oneTimeKeys());
                // Neither may a message from someone else's identity key.
                String mallory;
                try (Account other = backend().createAccount()) {
                    mallory = other.identityKeys().curve25519();
                }
                assertThrows(CryptoException.class, () -> bob.createInboundSession(mallory, message).session().close());
                assertEquals(keys, bob.oneTimeKeys());

                bob.createInboundSession(aliceKey, message).session().close();
                assertEquals(List.of(keys.get(1)), bob.oneTimeKeys());
                assertCryptoError(CryptoException.BAD_MESSAGE_KEY_ID,
                        () -> bob.createInboundSession(aliceKey, message).session().close());
            }
        }
    }

    @Test
    default void fallbackKeysStartSessionsUntilForgotten() {
        try (Account bob = backend().createAccount(); Account alice = backend().createAccount();
             Account carol = backend().createAccount(); Account dave = backend().createAccount()) {
            bob.generateFallbackKey();
            String fallback = bob.unpublishedFallbackKey().orElseThrow().publicKey();
            bob.markKeysAsPublished();
            String bobKey = bob.identityKeys().curve25519();
            for (Account sender : List.of(alice, carol)) {
                try (Session out = sender.createOutboundSession(bobKey, fallback)) {
                    InboundSessionResult in = bob.createInboundSession(sender.identityKeys().curve25519(),
                            out.encrypt(utf8("via fallback")));
                    in.session().close();
                    assertEquals("via fallback", text(in.plaintext()));
                }
            }
            bob.generateFallbackKey();
            try (Session out = dave.createOutboundSession(bobKey, fallback)) {
                OlmMessage message = out.encrypt(utf8("late"));
                bob.forgetOldFallbackKey();
                assertCryptoError(CryptoException.BAD_MESSAGE_KEY_ID,
                        () -> bob.createInboundSession(dave.identityKeys().curve25519(), message).session().close());
            }
        }
    }

    /** libolm 3.2.13's olm_create_inbound_session_from crashes (NULL dereference) on such a message. */
    @Test
    default void aPreKeyMessageWithoutTheSendersIdentityKeyIsRejected() {
        try (Account alice = backend().createAccount(); Account bob = backend().createAccount();
             Session out = outboundTo(alice, bob)) {
            OlmMessage original = out.encrypt(utf8("x"));
            byte[] raw = OlmTesting.unbase64(original.ciphertext());
            java.io.ByteArrayOutputStream stripped = new java.io.ByteArrayOutputStream();
            stripped.write(raw[0]); // version
            int i = 1;
            while (i < raw.length) { // protobuf-style fields: tag, varint length, bytes
                int start = i;
                int tag = raw[i++] & 0xff;
                int length = 0;
                for (int shift = 0; ; shift += 7) {
                    int b = raw[i++] & 0xff;
                    length |= (b & 0x7f) << shift;
                    if (b < 0x80) {
                        break;
                    }
                }
                i += length;
                if (tag != 0x1A) { // 0x1A: the identity key
                    stripped.write(raw, start, i - start);
                }
            }
            OlmMessage withoutIdentity = new OlmMessage(0, OlmTesting.base64(stripped.toByteArray()));
            assertThrows(CryptoException.class, () ->
                    bob.createInboundSession(alice.identityKeys().curve25519(), withoutIdentity).session().close());
            // Nothing was consumed: the untouched message still starts the session.
            bob.createInboundSession(alice.identityKeys().curve25519(), original).session().close();
        }
    }

    @Test
    default void matchesInboundTellsSessionsApart() {
        try (Account alice = backend().createAccount(); Account bob = backend().createAccount();
             Account carol = backend().createAccount();
             Session fromAlice = outboundTo(alice, bob); Session fromCarol = outboundTo(carol, bob)) {
            OlmMessage aliceMessage = fromAlice.encrypt(utf8("a"));
            OlmMessage carolMessage = fromCarol.encrypt(utf8("c"));
            try (Session bobSession = bob.createInboundSession(alice.identityKeys().curve25519(), aliceMessage).session()) {
                assertTrue(bobSession.matchesInbound(aliceMessage));
                assertFalse(bobSession.matchesInbound(carolMessage));
                assertFalse(bobSession.matchesInbound(carol.identityKeys().curve25519(), aliceMessage));
                OlmMessage normal = bobSession.encrypt(utf8("x"));
                assertThrows(IllegalArgumentException.class, () -> bobSession.matchesInbound(normal));
            }
        }
    }

    @Test
    default void sessionPicklesRoundTripWithTheRightKeyOnly() {
        byte[] key = new byte[32];
        try (Account alice = backend().createAccount(); Account bob = backend().createAccount();
             Session aliceSession = outboundTo(alice, bob)) {
            InboundSessionResult in = bob.createInboundSession(alice.identityKeys().curve25519(),
                    aliceSession.encrypt(utf8("first")));
            String pickle = in.session().pickle(key);
            in.session().close();
            try (Session restored = backend().unpickleSession(pickle, key)) {
                assertEquals(aliceSession.sessionId(), restored.sessionId());
                assertEquals("next", text(restored.decrypt(aliceSession.encrypt(utf8("next")))));
                assertEquals("back", text(aliceSession.decrypt(restored.encrypt(utf8("back")))));
            }
            assertCryptoError(CryptoException.BAD_ACCOUNT_KEY, () -> backend().unpickleSession(pickle, new byte[31]).close());
        }
    }

    @Test
    default void aClosedSessionRefusesWork() {
        try (Account alice = backend().createAccount(); Account bob = backend().createAccount()) {
            Session session = outboundTo(alice, bob);
            session.close();
            assertTrue(session.isClosed());
            assertThrows(IllegalStateException.class, session::sessionId);
            assertThrows(IllegalStateException.class, () -> session.encrypt(utf8("x")));
            assertThrows(IllegalStateException.class, () -> session.decrypt(new OlmMessage(1, "AAAA")));
        }
    }
}
