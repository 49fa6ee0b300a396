package dev.mxj.crypto.machine;

import dev.mxj.json.RawJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Olm: claims, to-device encryption both ways, plaintext checks, wedged-session recovery. */
class OlmSessionTest {
    private final TestNet net = new TestNet();

    @AfterEach
    void close() {
        net.close();
    }

    private TestNet.Party[] pair() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        alice.machine.updateTrackedUsers(List.of(bob.user));
        bob.machine.updateTrackedUsers(List.of(alice.user));
        net.settleAll();
        return new TestNet.Party[]{alice, bob};
    }

    private static ToDeviceResult only(SyncResult sync) {
        assertEquals(1, sync.toDevice().size(), sync.toString());
        return sync.toDevice().get(0);
    }

    @Test
    void aClaimHasTheSpecShapeAndStartsASession() {
        TestNet.Party[] p = pair();
        OutgoingRequest.KeysClaim claim = p[0].machine.missingSessions(List.of(p[1].user)).orElseThrow();
        assertEquals("/v3/keys/claim", claim.path());
        assertEquals(Map.of("@bob:example.org", Map.of("BOB1", "signed_curve25519")),
                Json.object(Json.asObject(claim.body().tree()).orElseThrow(), "one_time_keys"));
        int before = net.server.oneTimeKeyCount(p[1].key());
        p[0].send(claim);
        assertEquals(before - 1, net.server.oneTimeKeyCount(p[1].key()));
        assertEquals(Optional.empty(), p[0].machine.missingSessions(List.of(p[1].user)), "a session exists now");
    }

    @Test
    void olmRoundTripWithPreKeyThenNormalMessages() {
        TestNet.Party[] p = pair();
        TestNet.Party alice = p[0];
        TestNet.Party bob = p[1];
        alice.machine.missingSessions(List.of(bob.user)).ifPresent(alice::send);
        RawJson ping = Json.raw(Json.obj("n", 1L));
        alice.machine.encryptToDevice(bob.user, bob.device, "org.example.ping", ping).orElseThrow();
        alice.flush();
        Map<String, Object> sent = Json.asObject(net.server.toDeviceBodies.get(0).tree()).orElseThrow();
        Map<String, Object> olm = Json.object(Json.object(Json.object(sent, "messages"), "@bob:example.org"), "BOB1");
        assertEquals("m.olm.v1.curve25519-aes-sha2", olm.get("algorithm"));
        assertEquals(alice.machine.identityKeys().curve25519(), olm.get("sender_key"));
        Map<String, Object> ct = Json.object(Json.object(olm, "ciphertext"), bob.machine.identityKeys().curve25519());
        assertEquals(0L, ct.get("type"), "the first message is a pre-key message");

        ToDeviceResult.Received got = assertInstanceOf(ToDeviceResult.Received.class, only(bob.sync()));
        assertEquals("org.example.ping", got.type());
        assertEquals(ping, got.content());
        assertTrue(got.encrypted());
        assertEquals(Optional.of(alice.device), got.senderDevice());

        // bob answers over the same session: alice decrypts a normal (type 1) message
        bob.machine.encryptToDevice(alice.user, alice.device, "org.example.pong", Json.raw(Json.obj("n", 2L)))
                .orElseThrow();
        bob.flush();
        assertEquals("org.example.pong", assertInstanceOf(ToDeviceResult.Received.class, only(alice.sync())).type());
        alice.machine.encryptToDevice(bob.user, bob.device, "org.example.ping", Json.raw(Json.obj("n", 3L)));
        alice.flush();
        Map<String, Object> third = Json.asObject(net.server.toDeviceBodies.get(2).tree()).orElseThrow();
        Map<String, Object> ct3 = Json.object(Json.object(Json.object(Json.object(Json.object(third, "messages"),
                "@bob:example.org"), "BOB1"), "ciphertext"), bob.machine.identityKeys().curve25519());
        assertEquals(1L, ct3.get("type"), "after a reply, normal messages");
        assertInstanceOf(ToDeviceResult.Received.class, only(bob.sync()));
    }

    @Test
    void aPreKeyMessageSeenTwiceIsNotTakenForAWedgedSession() {
        TestNet.Party[] p = pair();
        TestNet.Party alice = p[0];
        TestNet.Party bob = p[1];
        alice.machine.missingSessions(List.of(bob.user)).ifPresent(alice::send);
        alice.machine.encryptToDevice(bob.user, bob.device, "org.example", RawJson.emptyObject()).orElseThrow();
        alice.flush();
        List<dev.mxj.event.ToDeviceEvent> inbox = net.server.takeInbox(bob.key());
        SyncResult first = bob.machine.receiveSyncChanges(inbox, java.util.Set.of(), java.util.Set.of(), Map.of(),
                Optional.empty());
        assertInstanceOf(ToDeviceResult.Received.class, only(first));
        // the same sync handed over again, as after a crash before the sync token was saved
        SyncResult again = bob.machine.receiveSyncChanges(inbox, java.util.Set.of(), java.util.Set.of(), Map.of(),
                Optional.empty());
        assertInstanceOf(ToDeviceResult.Failed.class, only(again));
        assertFalse(bob.machine.outgoingRequests().stream().anyMatch(OutgoingRequest.KeysClaim.class::isInstance),
                "no new session for a duplicate");
    }

    @Test
    void aClaimedKeyWithABadSignatureIsRefused() {
        TestNet.Party[] p = pair();
        OutgoingRequest.KeysClaim claim = p[0].machine.missingSessions(List.of(p[1].user)).orElseThrow();
        Map<String, Object> answer = new LinkedHashMap<>(Json.asObject(net.server.handle(p[0].key(), claim).tree())
                .orElseThrow());
        Map<String, Object> keys = Json.object(Json.object(Json.object(answer, "one_time_keys"), "@bob:example.org"),
                "BOB1");
        String keyId = keys.keySet().iterator().next();
        Map<String, Object> key = new LinkedHashMap<>(Json.asObject(keys.get(keyId)).orElseThrow());
        try (RawOlmPeer eve = new RawOlmPeer("@eve:example.org", "EVE")) {
            key.put("key", eve.curve()); // another key under bob's signature
        }
        answer.put("one_time_keys", Json.obj("@bob:example.org", Json.obj("BOB1", Json.obj(keyId, key))));
        p[0].machine.markRequestAsSent(claim.id(), Json.raw(answer));
        assertEquals(Optional.empty(), p[0].machine.encryptToDevice(p[1].user, p[1].device, "x", RawJson.emptyObject()),
                "no session was made");
    }

    @Test
    void plaintextFieldsAreChecked() {
        TestNet.Party[] p = pair();
        TestNet.Party bob = p[1];
        try (RawOlmPeer eve = new RawOlmPeer("@eve:example.org", "EVE")) {
            eve.upload(net.server);
            bob.machine.updateTrackedUsers(List.of(eve.user));
            bob.settle();
            eve.connect(net.server, bob);

            Map<String, Object> wrongRecipient = eve.plaintext(bob, "org.example", Json.obj());
            wrongRecipient.put("recipient", "@carol:example.org");
            eve.sendOlm(net.server, bob, eve.user, wrongRecipient);
            assertEquals(UtdReason.SENDER_MISMATCH, assertInstanceOf(ToDeviceResult.Failed.class, only(bob.sync()))
                    .reason());

            Map<String, Object> wrongRecipientKey = eve.plaintext(bob, "org.example", Json.obj());
            wrongRecipientKey.put("recipient_keys", Json.obj("ed25519", eve.ed()));
            eve.sendOlm(net.server, bob, eve.user, wrongRecipientKey);
            assertEquals(UtdReason.SENDER_MISMATCH, assertInstanceOf(ToDeviceResult.Failed.class, only(bob.sync()))
                    .reason());

            Map<String, Object> wrongSender = eve.plaintext(bob, "org.example", Json.obj());
            eve.sendOlm(net.server, bob, p[0].user, wrongSender); // the envelope claims alice
            assertEquals(UtdReason.SENDER_MISMATCH, assertInstanceOf(ToDeviceResult.Failed.class, only(bob.sync()))
                    .reason());

            Map<String, Object> wrongKeys = eve.plaintext(bob, "org.example", Json.obj());
            wrongKeys.put("keys", Json.obj("ed25519", p[0].machine.identityKeys().ed25519()));
            eve.sendOlm(net.server, bob, eve.user, wrongKeys);
            assertEquals(UtdReason.SENDER_MISMATCH, assertInstanceOf(ToDeviceResult.Failed.class, only(bob.sync()))
                    .reason(), "the Ed25519 key is not the one of eve's device");

            eve.sendOlm(net.server, bob, eve.user, eve.plaintext(bob, "org.example", Json.obj("ok", true)));
            assertInstanceOf(ToDeviceResult.Received.class, only(bob.sync()), "the honest message goes through");
        }
    }

    @Test
    void aWedgedSessionIsReplacedWithADummyAtMostOncePerInterval() {
        TestNet.Party[] p = pair();
        TestNet.Party alice = p[0];
        TestNet.Party bob = p[1];
        alice.machine.missingSessions(List.of(bob.user)).ifPresent(alice::send);
        alice.machine.encryptToDevice(bob.user, bob.device, "org.example", RawJson.emptyObject());
        alice.flush();
        bob.sync();

        // a normal message from alice that no session decrypts (e.g. bob restored an old backup)
        net.server.deliver(bob.key(), "m.room.encrypted", alice.user, Json.obj(
                "algorithm", "m.olm.v1.curve25519-aes-sha2", "sender_key", alice.machine.identityKeys().curve25519(),
                "ciphertext", Json.obj(bob.machine.identityKeys().curve25519(),
                        Json.obj("type", 1L, "body", "AwogAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))));
        ToDeviceResult.Failed failed = assertInstanceOf(ToDeviceResult.Failed.class, only(bob.sync()));
        assertEquals(UtdReason.OLM_DECRYPTION_FAILED, failed.reason());
        List<OutgoingRequest> requests = bob.machine.outgoingRequests();
        assertTrue(requests.stream().anyMatch(OutgoingRequest.KeysClaim.class::isInstance),
                "a claim for a new session: " + requests);
        bob.flush();
        ToDeviceResult.Received dummy = assertInstanceOf(ToDeviceResult.Received.class, only(alice.sync()));
        assertEquals("m.dummy", dummy.type());

        // a second failure within the interval: no new session
        net.server.deliver(bob.key(), "m.room.encrypted", alice.user, Json.obj(
                "algorithm", "m.olm.v1.curve25519-aes-sha2", "sender_key", alice.machine.identityKeys().curve25519(),
                "ciphertext", Json.obj(bob.machine.identityKeys().curve25519(),
                        Json.obj("type", 1L, "body", "AwogAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))));
        bob.sync();
        assertFalse(bob.machine.outgoingRequests().stream().anyMatch(OutgoingRequest.KeysClaim.class::isInstance),
                "rate-limited");
        net.clock.advance(Duration.ofHours(2));
        net.server.deliver(bob.key(), "m.room.encrypted", alice.user, Json.obj(
                "algorithm", "m.olm.v1.curve25519-aes-sha2", "sender_key", alice.machine.identityKeys().curve25519(),
                "ciphertext", Json.obj(bob.machine.identityKeys().curve25519(),
                        Json.obj("type", 1L, "body", "AwogAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))));
        bob.sync();
        assertTrue(bob.machine.outgoingRequests().stream().anyMatch(OutgoingRequest.KeysClaim.class::isInstance),
                "recovered again after the interval");
    }

    @Test
    void toDeviceGarbageNeverThrows() {
        TestNet.Party[] p = pair();
        TestNet.Party bob = p[1];
        net.server.deliver(bob.key(), "m.room.encrypted", p[0].user, Json.obj("algorithm", "m.unknown"));
        net.server.deliver(bob.key(), "m.room.encrypted", p[0].user, Json.obj("algorithm",
                "m.olm.v1.curve25519-aes-sha2", "sender_key", 12L, "ciphertext", "nope"));
        net.server.deliver(bob.key(), "m.room.encrypted", p[0].user, Json.obj("algorithm",
                "m.olm.v1.curve25519-aes-sha2", "sender_key", "abc",
                "ciphertext", Json.obj(bob.machine.identityKeys().curve25519(), Json.obj("type", 0L, "body", "!!!"))));
        net.server.deliver(bob.key(), "m.room_key", p[0].user, Json.obj("room_id", "!r:x", "session_key", "k"));
        net.server.deliver(bob.key(), "m.room_key.withheld", p[0].user, Json.obj("code", 5L));
        net.server.deliver(bob.key(), "m.room_key_request", p[0].user, Json.obj("action", "request"));
        SyncResult sync = bob.sync();
        assertEquals(6, sync.toDevice().size());
        assertEquals(UtdReason.UNKNOWN_ALGORITHM, ((ToDeviceResult.Failed) sync.toDevice().get(0)).reason());
        assertEquals(UtdReason.MALFORMED, ((ToDeviceResult.Failed) sync.toDevice().get(1)).reason());
        assertEquals(UtdReason.OLM_DECRYPTION_FAILED, ((ToDeviceResult.Failed) sync.toDevice().get(2)).reason());
        assertEquals(UtdReason.MALFORMED, ((ToDeviceResult.Failed) sync.toDevice().get(3)).reason(),
                "a room key in the clear is refused");
    }
}
