package dev.mxj.crypto.machine;

import dev.mxj.event.ToDeviceEvent;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Normal (type 1) Olm messages handed over again, as after a crash between the machine's save and
 * the client dropping them from its inbox: known by their hash, never taken for a wedged session.
 */
class ReplayedOlmTest {
    private final TestNet net = new TestNet();
    private TestNet.Party alice;
    private TestNet.Party bob;

    @BeforeEach
    void setUp() {
        alice = net.party("@alice:example.org", "ALICE1");
        bob = net.party("@bob:example.org", "BOB1");
        alice.machine.updateTrackedUsers(List.of(bob.user));
        bob.machine.updateTrackedUsers(List.of(alice.user));
        net.settleAll();
        // a pre-key message and an answer: from now on alice sends bob normal messages
        alice.machine.missingSessions(List.of(bob.user)).ifPresent(alice::send);
        alice.machine.encryptToDevice(bob.user, bob.device, "org.example.ping", Json.raw(Json.obj("n", 1L)));
        alice.flush();
        bob.sync();
        bob.machine.encryptToDevice(alice.user, alice.device, "org.example.pong", Json.raw(Json.obj("n", 2L)));
        bob.flush();
        alice.sync();
    }

    @AfterEach
    void close() {
        net.close();
    }

    /** Alice sends bob {@code count} normal messages; returns bob's inbox. */
    private List<ToDeviceEvent> normalMessages(int count) {
        for (int i = 0; i < count; i++) {
            alice.machine.encryptToDevice(bob.user, bob.device, "org.example.ping", Json.raw(Json.obj("i", (long) i)));
        }
        alice.flush();
        List<ToDeviceEvent> inbox = net.server.takeInbox(bob.key());
        Map<String, Object> first = Json.asObject(inbox.get(0).raw().tree()).orElseThrow();
        Map<String, Object> ct = Json.object(Json.object(Json.object(first, "content"), "ciphertext"),
                bob.machine.identityKeys().curve25519());
        assertEquals(1L, ct.get("type"), "normal messages");
        return inbox;
    }

    private SyncResult handOver(List<ToDeviceEvent> inbox) {
        return bob.machine.receiveSyncChanges(inbox, Set.of(), Set.of(), Map.of(), Optional.empty());
    }

    private void assertNothingWedged() {
        assertFalse(bob.machine.outgoingRequests().stream().anyMatch(OutgoingRequest.KeysClaim.class::isInstance),
                "no new Olm session is claimed for a replay");
        bob.flush();
        assertEquals(List.of(), alice.sync().toDevice(), "alice gets no m.dummy");
    }

    @Test
    void aNormalMessageHandedOverAgainIsKnownAndNotWedged() {
        List<ToDeviceEvent> inbox = normalMessages(3);
        SyncResult first = handOver(inbox);
        assertEquals(3, first.toDevice().size());
        first.toDevice().forEach(r -> assertInstanceOf(ToDeviceResult.Received.class, r));

        SyncResult again = handOver(inbox);
        assertEquals(3, again.toDevice().size());
        for (ToDeviceResult r : again.toDevice()) {
            ToDeviceResult.Failed failed = assertInstanceOf(ToDeviceResult.Failed.class, r);
            assertEquals(UtdReason.OLM_DECRYPTION_FAILED, failed.reason());
            assertTrue(failed.message().contains("already"), failed.message());
        }
        assertFalse(bob.machine.outgoingRequests().stream().anyMatch(OutgoingRequest.KeysClaim.class::isInstance),
                "no new Olm session for a replay");
        assertNothingWedged();

        List<ToDeviceEvent> next = normalMessages(1);
        assertInstanceOf(ToDeviceResult.Received.class, handOver(next).toDevice().get(0),
                "the session goes on");
    }

    @Test
    void theHashesSurviveARestart() {
        List<ToDeviceEvent> inbox = normalMessages(2);
        handOver(inbox);
        bob.restart(); // the crash: the client still holds the events in its inbox
        SyncResult again = handOver(inbox);
        again.toDevice().forEach(r -> assertInstanceOf(ToDeviceResult.Failed.class, r));
        assertNothingWedged();
    }

    @Test
    void aSessionRemembersAtMostAHundredMessages() {
        handOver(normalMessages(OlmSessions.REMEMBERED_MESSAGES + 5));
        List<String> hashes = bob.store.olmSessions(alice.machine.identityKeys().curve25519()).stream()
                .flatMap(s -> s.recentMessageHashes().stream()).toList();
        assertEquals(OlmSessions.REMEMBERED_MESSAGES, hashes.size(), "the oldest ones are forgotten");
        assertEquals(hashes.size(), Set.copyOf(hashes).size(), "one hash per message");
    }

    @Test
    void aRealFailureStillRecoversTheSession() {
        RawJson garbage = Json.raw(Json.obj("algorithm", "m.olm.v1.curve25519-aes-sha2",
                "sender_key", alice.machine.identityKeys().curve25519(),
                "ciphertext", Json.obj(bob.machine.identityKeys().curve25519(),
                        Json.obj("type", 1L, "body", "AwogAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))));
        net.server.deliver(bob.key(), "m.room.encrypted", alice.user, garbage.tree());
        assertEquals(UtdReason.OLM_DECRYPTION_FAILED, assertInstanceOf(ToDeviceResult.Failed.class,
                bob.sync().toDevice().get(0)).reason());
        assertTrue(bob.machine.outgoingRequests().stream().anyMatch(OutgoingRequest.KeysClaim.class::isInstance),
                "a message never decrypted before still starts the recovery");
    }
}
