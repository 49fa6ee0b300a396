package dev.mxj.crypto.machine;

import dev.mxj.crypto.store.LocalTrust;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Trust decides who gets a room key; the others are told why with m.room_key.withheld. */
class WithheldTest {
    static final RoomId ROOM = RoomId.of("!room:example.org");
    private final TestNet net = new TestNet();

    @AfterEach
    void close() {
        net.close();
    }

    private static Map<String, Object> withheldTo(FakeKeyServer server, String user, String device) {
        for (RawJson body : server.toDeviceBodies) {
            Map<String, Object> m = Json.object(Json.object(Json.asObject(body.tree()).orElseThrow(), "messages"), user);
            Map<String, Object> content = Json.object(m, device);
            if (content.containsKey("code")) {
                return content;
            }
        }
        throw new AssertionError("no withheld notice to " + user + " " + device);
    }

    @Test
    void aBlacklistedDeviceGetsAWithheldNoticeAndSeesWhy() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        List<UserId> members = List.of(alice.user, bob.user);
        alice.machine.updateTrackedUsers(members);
        alice.flush();
        alice.machine.setLocalTrust(bob.user, bob.device, LocalTrust.BLACKLISTED);
        RawJson event = alice.send(ROOM, members, EncryptionSettings.defaults(), "secret");

        Map<String, Object> notice = withheldTo(net.server, "@bob:example.org", "BOB1");
        assertEquals("m.blacklisted", notice.get("code"));
        assertEquals("m.megolm.v1.aes-sha2", notice.get("algorithm"));
        assertEquals(ROOM.value(), notice.get("room_id"));
        assertEquals(alice.machine.outboundSessionId(ROOM).orElseThrow(), notice.get("session_id"));
        assertEquals(alice.machine.identityKeys().curve25519(), notice.get("sender_key"));

        bob.sync();
        assertEquals(1, bob.lastSync.roomKeysWithheld().size());
        DecryptionResult.UnableToDecrypt utd = assertInstanceOf(DecryptionResult.UnableToDecrypt.class,
                bob.decrypt(ROOM, event));
        assertEquals(UtdReason.WITHHELD, utd.reason());
        assertEquals(Optional.of("m.blacklisted"), utd.withheldCode());
    }

    @Test
    void withSharingToUnverifiedOffOnlyVerifiedDevicesGetTheKey() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1",
                MachineConfig.defaults().withShareWithUnverified(false));
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        TestNet.Party bob2 = net.party("@bob:example.org", "BOB2");
        List<UserId> members = List.of(alice.user, bob.user);
        alice.machine.updateTrackedUsers(members);
        alice.flush();
        alice.machine.setLocalTrust(bob.user, bob.device, LocalTrust.VERIFIED);
        RawJson event = alice.send(ROOM, members, EncryptionSettings.defaults(), "verified only");
        assertEquals("m.unverified", withheldTo(net.server, "@bob:example.org", "BOB2").get("code"));
        bob.settle();
        bob2.settle();
        assertInstanceOf(DecryptionResult.Decrypted.class, bob.decrypt(ROOM, event));
        assertEquals(Optional.of("m.unverified"), assertInstanceOf(DecryptionResult.UnableToDecrypt.class,
                bob2.decrypt(ROOM, event)).withheldCode());

        // verifying BOB2 later shares the same session with it from the current index
        alice.machine.setLocalTrust(bob.user, bob2.device, LocalTrust.VERIFIED);
        RawJson next = alice.send(ROOM, members, EncryptionSettings.defaults(), "now you too");
        bob2.settle();
        assertInstanceOf(DecryptionResult.Decrypted.class, bob2.decrypt(ROOM, next));
    }

    @Test
    void aRoomCanAskForVerifiedDevicesOnlyWhateverTheGlobalPolicy() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        List<UserId> members = List.of(alice.user, bob.user);
        RawJson event = alice.send(ROOM, members,
                new EncryptionSettings(EncryptionSettings.DEFAULT_ROTATION_MS, 100, true), "strict room");
        bob.settle();
        assertEquals(UtdReason.WITHHELD, assertInstanceOf(DecryptionResult.UnableToDecrypt.class,
                bob.decrypt(ROOM, event)).reason());
    }

    @Test
    void blacklistingADeviceThatHadTheKeyRotatesTheSession() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        List<UserId> members = List.of(alice.user, bob.user);
        alice.send(ROOM, members, EncryptionSettings.defaults(), "1");
        String first = alice.machine.outboundSessionId(ROOM).orElseThrow();
        alice.machine.setLocalTrust(bob.user, bob.device, LocalTrust.BLACKLISTED);
        alice.share(ROOM, members, EncryptionSettings.defaults());
        assertNotEquals(first, alice.machine.outboundSessionId(ROOM).orElseThrow());
    }

    @Test
    void aDeviceWithoutOneTimeKeysGetsNoOlm() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        net.server.exhaustKeys(bob.user, bob.device);
        List<UserId> members = List.of(alice.user, bob.user);
        RawJson event = alice.send(ROOM, members, EncryptionSettings.defaults(), "nobody home");
        assertEquals("m.no_olm", withheldTo(net.server, "@bob:example.org", "BOB1").get("code"));
        bob.sync();
        assertEquals(Optional.of("m.no_olm"), assertInstanceOf(DecryptionResult.UnableToDecrypt.class,
                bob.decrypt(ROOM, event)).withheldCode());
    }
}
