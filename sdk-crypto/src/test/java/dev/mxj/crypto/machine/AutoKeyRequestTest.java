package dev.mxj.crypto.machine;

import dev.mxj.crypto.store.LocalTrust;
import dev.mxj.crypto.store.StoredKeyRequest;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event whose session is missing makes the machine ask the user's other devices for the key on
 * its own, once per session, a few per minute, and cancel the request when the key arrives.
 */
class AutoKeyRequestTest {
    static final RoomId ROOM = RoomId.of("!room:example.org");
    private final TestNet net = new TestNet();
    private TestNet.Party alice;
    private TestNet.Party bob1;
    private RawJson early;

    @BeforeEach
    void setUp() {
        alice = net.party("@alice:example.org", "ALICE1");
        bob1 = net.party("@bob:example.org", "BOB1");
        early = alice.send(ROOM, List.of(alice.user, bob1.user), EncryptionSettings.defaults(), "before bob2");
        bob1.settle();
    }

    @AfterEach
    void close() {
        net.close();
    }

    private TestNet.Party bob2(MachineConfig config) {
        TestNet.Party bob2 = net.party("@bob:example.org", "BOB2", config);
        bob2.machine.updateTrackedUsers(List.of(alice.user));
        bob2.settle();
        bob1.settle();
        return bob2;
    }

    private static UtdReason reason(DecryptionResult result) {
        return assertInstanceOf(DecryptionResult.UnableToDecrypt.class, result).reason();
    }

    /** The m.room_key_request contents bob2 sent to his own devices, in order. */
    private List<Map<String, Object>> requestsSent() {
        return net.server.toDeviceBodies.stream().map(b -> Json.asObject(b.tree()).orElseThrow())
                .map(b -> Json.object(Json.object(b, "messages"), "@bob:example.org"))
                .filter(m -> m.containsKey("*")).map(m -> Json.object(m, "*"))
                .filter(c -> "BOB2".equals(c.get("requesting_device_id"))).toList();
    }

    @Test
    void aMissingSessionIsAskedForOnceAndTheOtherDeviceForwardsIt() {
        TestNet.Party bob2 = bob2(MachineConfig.defaults());
        assertEquals(UtdReason.MISSING_SESSION, reason(bob2.decrypt(ROOM, early)));
        assertEquals(UtdReason.MISSING_SESSION, reason(bob2.decrypt(ROOM, early)), "shown again: no second request");
        List<StoredKeyRequest> stored = bob2.store.keyRequests();
        assertEquals(1, stored.size());
        assertEquals(ROOM, stored.get(0).roomId());

        bob2.flush();
        List<Map<String, Object>> sent = requestsSent();
        assertEquals(1, sent.size());
        assertEquals("request", sent.get(0).get("action"));
        Map<String, Object> body = Json.object(sent.get(0), "body");
        assertEquals(ROOM.value(), body.get("room_id"));
        assertEquals(early.object("content").orElseThrow().string("session_id").orElseThrow(), body.get("session_id"));
        assertEquals("m.megolm.v1.aes-sha2", body.get("algorithm"));

        // bob1 trusts bob2 and answers; bob2 trusts bob1 and takes the forwarded key
        bob1.machine.setLocalTrust(bob1.user, bob2.device, LocalTrust.VERIFIED);
        bob2.machine.setLocalTrust(bob1.user, bob1.device, LocalTrust.VERIFIED);
        bob1.sync();
        bob1.flush();
        bob2.sync();
        bob2.flush();
        assertEquals(java.util.Optional.of("before bob2"), assertInstanceOf(DecryptionResult.Decrypted.class,
                bob2.decrypt(ROOM, early)).content().string("body"));
        assertEquals(List.of(), bob2.store.keyRequests());
        assertEquals("request_cancellation", requestsSent().get(requestsSent().size() - 1).get("action"));
    }

    @Test
    void theRequestIsCancelledWhenTheSenderSharesTheKeyAfterAll() {
        TestNet.Party bob2 = bob2(MachineConfig.defaults());
        alice.machine.updateTrackedUsers(List.of(bob2.user));
        alice.settle();
        RawJson sameSession = TestNet.withEventId(early, "$same");
        reason(bob2.decrypt(ROOM, sameSession));
        bob2.flush();
        alice.share(ROOM, List.of(alice.user, bob1.user), EncryptionSettings.defaults()); // bob2 gets the key now
        bob2.sync();
        bob2.flush();
        assertEquals(List.of(), bob2.store.keyRequests(), "the request is done");
        List<Map<String, Object>> sent = requestsSent();
        assertEquals(List.of("request", "request_cancellation"), sent.stream().map(c -> c.get("action")).toList());
        assertEquals(sent.get(0).get("request_id"), sent.get(1).get("request_id"));
    }

    @Test
    void nobodyIsAskedWithoutAnotherOwnDeviceOrWhenTurnedOff() {
        TestNet.Party carol = net.party("@carol:example.org", "CAROL1");
        reason(carol.decrypt(ROOM, early));
        assertEquals(List.of(), carol.store.keyRequests(), "carol has no other device to ask");

        TestNet.Party bob2 = bob2(MachineConfig.defaults().withAutoKeyRequests(false));
        reason(bob2.decrypt(ROOM, early));
        assertEquals(List.of(), bob2.store.keyRequests());
        assertTrue(bob2.machine.requestRoomKey(ROOM, early.object("content").orElseThrow()),
                "asking explicitly still works");
    }

    @Test
    void atMostTwentyAutomaticRequestsAMinute() {
        TestNet.Party bob2 = bob2(MachineConfig.defaults());
        for (int i = 0; i < KeyGossip.AUTO_REQUESTS_PER_MINUTE + 5; i++) {
            reason(bob2.decrypt(ROOM, TestNet.withContent(TestNet.withEventId(early, "$u" + i), "session_id",
                    "unknownSession" + i)));
        }
        assertEquals(KeyGossip.AUTO_REQUESTS_PER_MINUTE, bob2.store.keyRequests().size());
        net.clock.advance(Duration.ofSeconds(61));
        reason(bob2.decrypt(ROOM, TestNet.withContent(TestNet.withEventId(early, "$later"), "session_id",
                "unknownSession0-later")));
        assertEquals(KeyGossip.AUTO_REQUESTS_PER_MINUTE + 1, bob2.store.keyRequests().size(), "a minute later, again");
    }
}
