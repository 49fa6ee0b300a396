package dev.mxj.crypto.machine;

import dev.mxj.crypto.olm.OutboundGroupSession;
import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.KeySender;
import dev.mxj.crypto.store.StoredInboundGroupSession;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Megolm session belongs to the user who handed it over by Olm: events of another sender under
 * it are refused, and a member who got the key cannot take the session over by sending it as their
 * own.
 */
class SenderBindingTest {
    static final RoomId ROOM = RoomId.of("!room:example.org");
    private final TestNet net = new TestNet();
    private TestNet.Party carol;
    private RawOlmPeer alice;
    private RawOlmPeer mallory;
    private OutboundGroupSession session;
    private int events;

    @BeforeEach
    void setUp() {
        carol = net.party("@carol:example.org", "CAROL1");
        alice = new RawOlmPeer("@alice:example.org", "ALICE1").upload(net.server);
        mallory = new RawOlmPeer("@mallory:example.org", "MALLORY1").upload(net.server);
        carol.machine.updateTrackedUsers(List.of(alice.user, mallory.user));
        carol.settle();
        alice.connect(net.server, carol);
        mallory.connect(net.server, carol);
        session = TestNet.OLM.createOutboundGroupSession();
    }

    @AfterEach
    void close() {
        session.close();
        alice.close();
        mallory.close();
        net.close();
    }

    private void shareKey(RawOlmPeer from, String sessionKey) {
        from.sendOlm(net.server, carol, from.user, from.plaintext(carol, "m.room_key", Json.obj(
                "algorithm", "m.megolm.v1.aes-sha2", "room_id", ROOM.value(),
                "session_id", session.sessionId(), "session_key", sessionKey)));
        carol.sync();
    }

    private String encrypt(String body) {
        return session.encrypt(Json.write(Json.obj("type", "m.room.message", "content", Json.obj("body", body),
                "room_id", ROOM.value())).getBytes(StandardCharsets.UTF_8));
    }

    /** An event of {@code sender} carrying {@code ciphertext} of the session. */
    private RawJson event(RawOlmPeer sender, String ciphertext) {
        return Json.raw(Json.obj("event_id", "$e" + (++events), "sender", sender.user.value(),
                "type", "m.room.encrypted", "content", Json.obj("algorithm", "m.megolm.v1.aes-sha2",
                        "ciphertext", ciphertext, "session_id", session.sessionId(), "sender_key", sender.curve(),
                        "device_id", sender.device.value())));
    }

    private UtdReason reason(DecryptionResult result) {
        return assertInstanceOf(DecryptionResult.UnableToDecrypt.class, result).reason();
    }

    @Test
    void theKeySenderIsStoredAndAnotherSendersEventIsRefused() {
        shareKey(alice, session.sessionKey());
        String hello = encrypt("hello from alice");
        StoredInboundGroupSession stored = carol.store.inboundGroupSession(ROOM, session.sessionId()).orElseThrow();
        assertEquals(Optional.of(new KeySender(alice.user, alice.curve())), stored.keySender());

        DecryptionResult.Decrypted genuine = assertInstanceOf(DecryptionResult.Decrypted.class,
                carol.decrypt(ROOM, event(alice, hello)));
        assertEquals(alice.user, genuine.sender());
        // mallory posts alice's ciphertext as his own event (a member, or the server, can do that)
        DecryptionResult.UnableToDecrypt refused = assertInstanceOf(DecryptionResult.UnableToDecrypt.class,
                carol.decrypt(ROOM, event(mallory, hello)));
        assertEquals(UtdReason.SENDER_MISMATCH, refused.reason());
        assertTrue(refused.message().contains(alice.user.value()), refused.message());
    }

    @Test
    void aMemberCannotTakeOverASessionBySendingAnEarlierCopyAsTheirOwn() {
        String atZero = session.sessionKey(); // mallory, a member since the start, got this from alice
        String first = encrypt("m0");
        encrypt("m1");
        String laterKey = session.sessionKey(); // carol joined later: alice shared the key from index 2
        shareKey(alice, laterKey);
        String third = encrypt("m2");

        // mallory offers carol the better (earlier) copy, as if the session were his
        shareKey(mallory, atZero);
        StoredInboundGroupSession stored = carol.store.inboundGroupSession(ROOM, session.sessionId()).orElseThrow();
        assertEquals(Optional.of(new KeySender(alice.user, alice.curve())), stored.keySender(), "alice's copy stays");
        assertEquals(2, stored.firstKnownIndex());

        assertEquals(UtdReason.SENDER_MISMATCH, reason(carol.decrypt(ROOM, event(mallory, first))),
                "mallory cannot pass alice's earlier message off as his");
        assertEquals(UtdReason.UNKNOWN_MESSAGE_INDEX, reason(carol.decrypt(ROOM, event(alice, first))));
        assertInstanceOf(DecryptionResult.Decrypted.class, carol.decrypt(ROOM, event(alice, third)));
    }

    @Test
    void aKeySavedBeforeSendersWereRecordedGetsItsSenderWhenItsCreatorSendsItAgain() {
        String key = session.sessionKey();
        shareKey(alice, key);
        String hello = encrypt("hello");
        // the row as an older mxj saved it: no key sender
        StoredInboundGroupSession stored = carol.store.inboundGroupSession(ROOM, session.sessionId()).orElseThrow();
        carol.store.save(CryptoChanges.builder().inboundGroupSession(new StoredInboundGroupSession(stored.roomId(),
                stored.sessionId(), stored.senderKey(), stored.signingKey(), stored.forwardingChain(), false,
                stored.firstKnownIndex(), stored.pickle())).build());
        carol.restart();
        DecryptionResult.Decrypted old = assertInstanceOf(DecryptionResult.Decrypted.class,
                carol.decrypt(ROOM, event(mallory, hello)));
        assertEquals(SenderTrust.UNKNOWN_DEVICE, old.trust(), "without a recorded sender only the device check applies");

        shareKey(alice, key); // the same room key again (a replayed sync)
        assertEquals(Optional.of(new KeySender(alice.user, alice.curve())),
                carol.store.inboundGroupSession(ROOM, session.sessionId()).orElseThrow().keySender());
        assertEquals(UtdReason.SENDER_MISMATCH, reason(carol.decrypt(ROOM, event(mallory, hello))));
        assertInstanceOf(DecryptionResult.Decrypted.class, carol.decrypt(ROOM, event(alice, encrypt("again"))));
    }
}
