package dev.mxj.crypto.machine;

import dev.mxj.crypto.store.LocalTrust;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key requests between a user's own devices, answered by trust; forwarded keys from verified own devices only. */
class KeyGossipTest {
    static final RoomId ROOM = RoomId.of("!room:example.org");
    private final TestNet net = new TestNet();
    private TestNet.Party alice;
    private TestNet.Party bob1;
    private TestNet.Party bob2;
    private RawJson early;

    @BeforeEach
    void setUp() {
        alice = net.party("@alice:example.org", "ALICE1");
        bob1 = net.party("@bob:example.org", "BOB1");
        early = alice.send(ROOM, List.of(alice.user, bob1.user), EncryptionSettings.defaults(), "before bob2");
        bob1.settle();
        bob2 = net.party("@bob:example.org", "BOB2");
        bob2.machine.updateTrackedUsers(List.of(alice.user));
        bob2.settle();
        bob1.settle(); // learns of BOB2
    }

    @AfterEach
    void close() {
        net.close();
    }

    private void verifyEachOther() {
        bob1.machine.setLocalTrust(bob1.user, bob2.device, LocalTrust.VERIFIED);
        bob2.machine.setLocalTrust(bob1.user, bob1.device, LocalTrust.VERIFIED);
    }

    private void requestAndExchange() {
        assertTrue(bob2.machine.requestRoomKey(ROOM, early.object("content").orElseThrow()));
        exchange();
    }

    private void exchange() {
        bob2.flush();
        bob1.sync();
        bob1.flush();
        bob2.sync();
        bob2.flush();
    }

    @Test
    void aVerifiedOwnDeviceGetsTheKeyAndTheRequestIsCancelled() {
        assertEquals(UtdReason.MISSING_SESSION, assertInstanceOf(DecryptionResult.UnableToDecrypt.class,
                bob2.decrypt(ROOM, early)).reason());
        assertEquals(1, bob2.store.keyRequests().size(), "the missing session was asked for on its own");
        assertFalse(bob2.machine.requestRoomKey(ROOM, early.object("content").orElseThrow()), "already asked");
        verifyEachOther();
        exchange();
        assertEquals(1, bob2.lastSync.roomKeysReceived().size());
        DecryptionResult.Decrypted d = assertInstanceOf(DecryptionResult.Decrypted.class, bob2.decrypt(ROOM, early));
        assertTrue(d.forwarded());
        assertEquals(SenderTrust.UNAUTHENTICATED, d.trust());
        assertEquals(java.util.Optional.of("before bob2"), d.content().string("body"));
        assertEquals(List.of(), bob2.store.keyRequests(), "done");
        Map<String, Object> last = Json.asObject(net.server.toDeviceBodies.get(net.server.toDeviceBodies.size() - 1)
                .tree()).orElseThrow();
        assertEquals("request_cancellation", Json.object(Json.object(Json.object(last, "messages"), "@bob:example.org"),
                "*").get("action"));
        assertFalse(bob2.machine.requestRoomKey(ROOM, early.object("content").orElseThrow()),
                "no request for a key we have");
        assertEquals(List.of(bob1.machine.identityKeys().curve25519()),
                bob2.store.inboundGroupSession(ROOM, d.sessionId()).orElseThrow().forwardingChain());
        assertEquals(java.util.Optional.of(new dev.mxj.crypto.store.KeySender(bob1.user,
                        bob1.machine.identityKeys().curve25519())),
                bob2.store.inboundGroupSession(ROOM, d.sessionId()).orElseThrow().keySender(),
                "the forwarder handed it over; alice's events still decrypt: a forwarded key binds no sender");
    }

    @Test
    void anUnverifiedOwnDeviceIsNotAnswered() {
        bob2.machine.setLocalTrust(bob1.user, bob1.device, LocalTrust.VERIFIED);
        requestAndExchange();
        assertEquals(UtdReason.MISSING_SESSION, assertInstanceOf(DecryptionResult.UnableToDecrypt.class,
                bob2.decrypt(ROOM, early)).reason());
    }

    @Test
    void aForwardedKeyFromAnUnverifiedOwnDeviceIsRefused() {
        bob1.machine.setLocalTrust(bob1.user, bob2.device, LocalTrust.VERIFIED); // bob1 answers, bob2 trusts nobody
        requestAndExchange();
        ToDeviceResult.Failed refused = bob2.lastSync.toDevice().stream()
                .filter(ToDeviceResult.Failed.class::isInstance).map(ToDeviceResult.Failed.class::cast).findFirst()
                .orElseThrow();
        assertEquals("m.forwarded_room_key", refused.type());
        assertEquals(UtdReason.UNKNOWN_DEVICE, refused.reason());
        assertEquals(UtdReason.MISSING_SESSION, assertInstanceOf(DecryptionResult.UnableToDecrypt.class,
                bob2.decrypt(ROOM, early)).reason());
    }

    @Test
    void anotherUsersRequestIsNotAnswered() {
        alice.machine.setLocalTrust(bob1.user, bob2.device, LocalTrust.VERIFIED);
        // bob2 asks alice's devices directly (a misbehaving client): alice does not answer other users
        Map<String, Object> request = Json.obj("action", "request", "request_id", "r1",
                "requesting_device_id", bob2.device.value(),
                "body", Json.obj("algorithm", "m.megolm.v1.aes-sha2", "room_id", ROOM.value(),
                        "session_id", early.object("content").orElseThrow().string("session_id").orElseThrow(),
                        "sender_key", alice.machine.identityKeys().curve25519()));
        net.server.deliver(alice.key(), "m.room_key_request", bob2.user, request);
        int before = net.server.toDeviceBodies.size();
        alice.sync();
        alice.flush();
        assertEquals(before, net.server.toDeviceBodies.size(), "nothing was sent to bob2");
    }

    @Test
    void forwardedKeysFromOtherUsersAreRefusedAndForgedSenderKeysCaught() {
        try (RawOlmPeer eve = new RawOlmPeer("@eve:example.org", "EVE");
             RawOlmPeer fakeOwn = new RawOlmPeer("@bob:example.org", "BOB3");
             var session = TestNet.OLM.createOutboundGroupSession()) {
            eve.upload(net.server);
            fakeOwn.upload(net.server);
            bob2.machine.updateTrackedUsers(List.of(eve.user));
            bob2.settle();
            Map<String, Object> forwarded = Json.obj("algorithm", "m.megolm.v1.aes-sha2", "room_id", ROOM.value(),
                    "sender_key", alice.machine.identityKeys().curve25519(), "session_id", session.sessionId(),
                    "session_key", exportOf(session), "sender_claimed_ed25519_key", eve.ed(),
                    "forwarding_curve25519_key_chain", List.of());

            eve.connect(net.server, bob2);
            eve.sendOlm(net.server, bob2, eve.user, eve.plaintext(bob2, "m.forwarded_room_key", forwarded));
            assertEquals(UtdReason.UNKNOWN_DEVICE, assertInstanceOf(ToDeviceResult.Failed.class,
                    bob2.sync().toDevice().get(0)).reason(), "eve is not bob");

            // one of bob's own devices, verified, forwards a key claiming to be alice's with eve's signing key
            bob2.machine.setLocalTrust(bob2.user, fakeOwn.device, LocalTrust.VERIFIED);
            fakeOwn.connect(net.server, bob2);
            fakeOwn.sendOlm(net.server, bob2, fakeOwn.user, fakeOwn.plaintext(bob2, "m.forwarded_room_key", forwarded));
            assertInstanceOf(ToDeviceResult.Received.class, bob2.sync().toDevice().get(0));
            String ct = session.encrypt(Json.write(Json.obj("type", "m.room.message", "content", Json.obj("body", "x"),
                    "room_id", ROOM.value())).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            RawJson event = Json.raw(Json.obj("event_id", "$forged", "sender", alice.user.value(),
                    "content", Json.obj("algorithm", "m.megolm.v1.aes-sha2", "ciphertext", ct,
                            "session_id", session.sessionId())));
            assertEquals(UtdReason.SENDER_MISMATCH, assertInstanceOf(DecryptionResult.UnableToDecrypt.class,
                    bob2.decrypt(ROOM, event)).reason(), "alice's device does not sign with eve's key");
        }
    }

    private static String exportOf(dev.mxj.crypto.olm.OutboundGroupSession session) {
        try (var inbound = TestNet.OLM.createInboundGroupSession(session.sessionKey())) {
            return inbound.export(inbound.firstKnownIndex());
        }
    }
}
