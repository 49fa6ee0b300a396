package dev.mxj.crypto.machine;

import dev.mxj.crypto.store.LocalTrust;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Room event decryption: every failure is a value with a reason, replays are refused. */
class DecryptionTest {
    static final RoomId ROOM = RoomId.of("!room:example.org");
    private final TestNet net = new TestNet();
    private TestNet.Party alice;
    private TestNet.Party bob;
    private List<UserId> members;

    @BeforeEach
    void setUp() {
        alice = net.party("@alice:example.org", "ALICE1");
        bob = net.party("@bob:example.org", "BOB1");
        members = List.of(alice.user, bob.user);
        bob.machine.updateTrackedUsers(members);
        bob.flush();
    }

    @AfterEach
    void close() {
        net.close();
    }

    private UtdReason reason(DecryptionResult result) {
        return assertInstanceOf(DecryptionResult.UnableToDecrypt.class, result).reason();
    }

    private static String ciphertext(RawJson event) {
        return event.object("content").orElseThrow().string("ciphertext").orElseThrow();
    }

    /** The ciphertext with one bit flipped in byte {@code index} (negative: from the end). */
    private static String flip(String ciphertext, int index) {
        byte[] bytes = Base64.getDecoder().decode(ciphertext);
        int i = index >= 0 ? index : bytes.length + index;
        bytes[i] ^= 0x01;
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void aReplayedIndexUnderAnotherEventIdIsRefused() {
        RawJson event = alice.send(ROOM, members, EncryptionSettings.defaults(), "once");
        bob.sync();
        assertInstanceOf(DecryptionResult.Decrypted.class, bob.decrypt(ROOM, event));
        assertInstanceOf(DecryptionResult.Decrypted.class, bob.decrypt(ROOM, event), "the same event again is fine");
        RawJson replay = TestNet.withEventId(event, "$replayed");
        DecryptionResult.UnableToDecrypt utd = assertInstanceOf(DecryptionResult.UnableToDecrypt.class,
                bob.decrypt(ROOM, replay));
        assertEquals(UtdReason.REPLAYED_INDEX, utd.reason());
        assertEquals(alice.machine.outboundSessionId(ROOM), utd.sessionId());
    }

    @Test
    void tamperedCiphertextFailsTheMac() {
        RawJson event = alice.send(ROOM, members, EncryptionSettings.defaults(), "tamper me");
        bob.sync();
        String ct = ciphertext(event);
        // byte 10 is inside the AES ciphertext: the MAC no longer matches
        assertEquals(UtdReason.BAD_MAC, reason(bob.decrypt(ROOM,
                TestNet.withContent(event, "ciphertext", flip(ct, 10)))));
        // the last byte is in the Ed25519 signature
        assertEquals(UtdReason.BAD_MAC, reason(bob.decrypt(ROOM,
                TestNet.withContent(event, "ciphertext", flip(ct, -1)))));
        assertEquals(UtdReason.MALFORMED, reason(bob.decrypt(ROOM,
                TestNet.withContent(event, "ciphertext", "not*base64"))));
        assertEquals(UtdReason.MALFORMED, reason(bob.decrypt(ROOM,
                TestNet.withContent(event, "ciphertext", ct.substring(0, 20)))));
        assertInstanceOf(DecryptionResult.Decrypted.class, bob.decrypt(ROOM, event), "the original still decrypts");
    }

    @Test
    void unknownAlgorithmsMissingSessionsAndMalformedEventsAreReasons() {
        RawJson event = alice.send(ROOM, members, EncryptionSettings.defaults(), "x");
        assertEquals(UtdReason.MISSING_SESSION, reason(bob.decrypt(ROOM, event)), "before bob synced");
        bob.sync();
        assertEquals(UtdReason.UNKNOWN_ALGORITHM, reason(bob.decrypt(ROOM,
                TestNet.withContent(event, "algorithm", "m.megolm.v2.future"))));
        assertEquals(UtdReason.UNKNOWN_ALGORITHM, reason(bob.decrypt(ROOM,
                TestNet.withContent(event, "algorithm", "m.olm.v1.curve25519-aes-sha2"))));
        assertEquals(UtdReason.MALFORMED, reason(bob.decrypt(ROOM, TestNet.withContent(event, "session_id", 5L))));
        assertEquals(UtdReason.MISSING_SESSION, reason(bob.decrypt(ROOM,
                TestNet.withContent(event, "session_id", "unknownSession"))));
        assertEquals(UtdReason.MISSING_SESSION, reason(bob.decrypt(RoomId.of("!other:example.org"), event)),
                "keys are per room");
        assertEquals(UtdReason.MALFORMED, reason(bob.machine.decryptRoomEvent(ROOM, RawJson.parse("[1,2]"))));
        assertEquals(UtdReason.MALFORMED, reason(bob.machine.decryptRoomEvent(ROOM,
                RawJson.parse("{\"event_id\":\"$x\",\"sender\":\"not a user\",\"content\":{}}"))));
    }

    @Test
    void senderTrustFollowsTheDeviceAndThePolicy() {
        RawJson event = alice.send(ROOM, members, EncryptionSettings.defaults(), "who am i");
        bob.sync();
        assertEquals(SenderTrust.UNVERIFIED, assertInstanceOf(DecryptionResult.Decrypted.class,
                bob.decrypt(ROOM, event)).trust());
        bob.machine.setLocalTrust(alice.user, alice.device, LocalTrust.VERIFIED);
        assertEquals(SenderTrust.VERIFIED, assertInstanceOf(DecryptionResult.Decrypted.class,
                bob.decrypt(ROOM, event)).trust());
        bob.machine.setLocalTrust(alice.user, alice.device, LocalTrust.BLACKLISTED);
        assertEquals(SenderTrust.BLACKLISTED, assertInstanceOf(DecryptionResult.Decrypted.class,
                bob.decrypt(ROOM, event)).trust());
    }

    @Test
    void onlyVerifiedSendersPolicyHidesUnverifiedOnes() {
        TestNet.Party carol = net.party("@carol:example.org", "CAROL1",
                MachineConfig.defaults().withOnlyVerifiedSenders(true));
        List<UserId> all = List.of(alice.user, bob.user, carol.user);
        carol.machine.updateTrackedUsers(all);
        carol.flush();
        RawJson event = alice.send(ROOM, all, EncryptionSettings.defaults(), "verified eyes only");
        carol.sync();
        assertEquals(UtdReason.UNVERIFIED_SENDER, reason(carol.decrypt(ROOM, event)));
        carol.machine.setLocalTrust(alice.user, alice.device, LocalTrust.VERIFIED);
        assertInstanceOf(DecryptionResult.Decrypted.class, carol.decrypt(ROOM, event));
    }

    @Test
    void aSessionInTheWrongRoomIsRefused() {
        // eve shares a session for room A whose plaintext claims room B
        try (RawOlmPeer eve = new RawOlmPeer("@eve:example.org", "EVE");
             var session = TestNet.OLM.createOutboundGroupSession()) {
            eve.upload(net.server);
            bob.machine.updateTrackedUsers(List.of(eve.user));
            bob.settle();
            eve.connect(net.server, bob);
            eve.sendOlm(net.server, bob, eve.user, eve.plaintext(bob, "m.room_key", Json.obj(
                    "algorithm", "m.megolm.v1.aes-sha2", "room_id", ROOM.value(),
                    "session_id", session.sessionId(), "session_key", session.sessionKey())));
            bob.sync();
            String ct = session.encrypt(Json.write(Json.obj("type", "m.room.message", "content", Json.obj("body", "x"),
                    "room_id", "!elsewhere:example.org")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            RawJson event = Json.raw(Json.obj("event_id", "$w", "sender", eve.user.value(), "type", "m.room.encrypted",
                    "content", Json.obj("algorithm", "m.megolm.v1.aes-sha2", "ciphertext", ct,
                            "session_id", session.sessionId(), "sender_key", eve.curve(), "device_id", "EVE")));
            assertEquals(UtdReason.WRONG_ROOM, reason(bob.decrypt(ROOM, event)));
            String good = session.encrypt(Json.write(Json.obj("type", "m.room.message",
                    "content", Json.obj("body", "y"), "room_id", ROOM.value()))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            DecryptionResult.Decrypted d = assertInstanceOf(DecryptionResult.Decrypted.class, bob.decrypt(ROOM,
                    TestNet.withContent(TestNet.withEventId(event, "$g"), "ciphertext", good)));
            assertEquals(Optional.of(eve.device), d.senderDevice());
            assertEquals(SenderTrust.UNVERIFIED, d.trust());
        }
    }

    @Test
    void aSessionUsedUnderAnotherSenderIsRefused() {
        RawJson event = alice.send(ROOM, members, EncryptionSettings.defaults(), "mine");
        bob.sync();
        // the server (or anyone relaying) claims the event came from carol
        RawJson forged = Json.raw(Json.obj("event_id", "$f", "sender", "@carol:example.org",
                "content", event.object("content").orElseThrow()));
        DecryptionResult.UnableToDecrypt utd = assertInstanceOf(DecryptionResult.UnableToDecrypt.class,
                bob.decrypt(ROOM, forged));
        assertEquals(UtdReason.SENDER_MISMATCH, utd.reason(), "alice's session does not belong to carol");
        assertTrue(utd.message().contains("@alice:example.org"), utd.message());
        assertInstanceOf(DecryptionResult.Decrypted.class, bob.decrypt(ROOM, event), "alice's own event still reads");
    }

    @Test
    void relatesToStaysInTheClear() {
        alice.share(ROOM, members, EncryptionSettings.defaults());
        RawJson content = Json.raw(Json.obj("msgtype", "m.text", "body", "* edit",
                "m.relates_to", Json.obj("rel_type", "m.replace", "event_id", "$orig")));
        RawJson encrypted = alice.machine.encryptRoomEvent(ROOM, "m.room.message", content);
        assertEquals(Optional.of("m.replace"), encrypted.object("m.relates_to").orElseThrow().string("rel_type"));
        assertEquals(Optional.of("m.megolm.v1.aes-sha2"), encrypted.string("algorithm"));
        assertEquals(Optional.of("ALICE1"), encrypted.string("device_id"));
        assertEquals(Optional.of(alice.machine.identityKeys().curve25519()), encrypted.string("sender_key"));
    }
}
