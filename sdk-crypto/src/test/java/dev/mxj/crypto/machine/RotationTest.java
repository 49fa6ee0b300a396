package dev.mxj.crypto.machine;

import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** When the outbound Megolm session is replaced, and when it is not. */
class RotationTest {
    static final RoomId ROOM = RoomId.of("!room:example.org");
    private final TestNet net = new TestNet();

    @AfterEach
    void close() {
        net.close();
    }

    private String session(TestNet.Party p) {
        return p.machine.outboundSessionId(ROOM).orElseThrow();
    }

    private static String sessionOf(RawJson event) {
        return event.object("content").orElseThrow().string("session_id").orElseThrow();
    }

    @Test
    void nothingChangedMeansTheSameSessionAndNoNewRequests() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        List<UserId> members = List.of(alice.user, bob.user);
        alice.send(ROOM, members, EncryptionSettings.defaults(), "one");
        String first = session(alice);
        alice.share(ROOM, members, EncryptionSettings.defaults());
        assertEquals(List.of(), alice.machine.shareRoomKey(ROOM, members, EncryptionSettings.defaults()));
        assertEquals(first, session(alice));
    }

    @Test
    void rotatesAfterRotationPeriodMsgs() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        List<UserId> members = List.of(alice.user, bob.user);
        EncryptionSettings three = new EncryptionSettings(EncryptionSettings.DEFAULT_ROTATION_MS, 3, false);
        RawJson m1 = alice.send(ROOM, members, three, "1");
        RawJson m2 = alice.send(ROOM, members, three, "2");
        RawJson m3 = alice.send(ROOM, members, three, "3");
        assertEquals(sessionOf(m1), sessionOf(m3));
        assertThrows(IllegalStateException.class, () -> alice.machine.encryptRoomEvent(ROOM, "m.room.message",
                RawJson.emptyObject()), "a fourth message needs a share first");
        RawJson m4 = alice.send(ROOM, members, three, "4");
        assertNotEquals(sessionOf(m3), sessionOf(m4));
        bob.settle();
        for (RawJson m : List.of(m1, m2, m3, m4)) {
            assertInstanceOf(DecryptionResult.Decrypted.class, bob.decrypt(ROOM, m));
        }
    }

    @Test
    void rotatesAfterRotationPeriodMs() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        List<UserId> members = List.of(alice.user, bob.user);
        EncryptionSettings hour = new EncryptionSettings(3_600_000, 100, false);
        RawJson m1 = alice.send(ROOM, members, hour, "1");
        net.clock.advance(Duration.ofMinutes(59));
        RawJson m2 = alice.send(ROOM, members, hour, "2");
        assertEquals(sessionOf(m1), sessionOf(m2));
        net.clock.advance(Duration.ofMinutes(2));
        RawJson m3 = alice.send(ROOM, members, hour, "3");
        assertNotEquals(sessionOf(m2), sessionOf(m3));
    }

    @Test
    void rotatesWhenTheRoomSettingsChange() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        net.party("@bob:example.org", "BOB1");
        List<UserId> members = List.of(alice.user, UserId.of("@bob:example.org"));
        RawJson m1 = alice.send(ROOM, members, EncryptionSettings.defaults(), "1");
        RawJson m2 = alice.send(ROOM, members, new EncryptionSettings(1000, 10, false), "2");
        assertNotEquals(sessionOf(m1), sessionOf(m2));
    }

    @Test
    void rotatesWhenAMemberLeavesAndTheLeaverCannotReadWhatFollows() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        TestNet.Party carol = net.party("@carol:example.org", "CAROL1");
        RawJson before = alice.send(ROOM, List.of(alice.user, bob.user, carol.user), EncryptionSettings.defaults(), "all");
        RawJson after = alice.send(ROOM, List.of(alice.user, bob.user), EncryptionSettings.defaults(), "no carol");
        assertNotEquals(sessionOf(before), sessionOf(after));
        carol.settle();
        bob.settle();
        assertInstanceOf(DecryptionResult.Decrypted.class, carol.decrypt(ROOM, before));
        DecryptionResult.UnableToDecrypt utd = assertInstanceOf(DecryptionResult.UnableToDecrypt.class,
                carol.decrypt(ROOM, after));
        assertEquals(UtdReason.MISSING_SESSION, utd.reason());
        assertInstanceOf(DecryptionResult.Decrypted.class, bob.decrypt(ROOM, after));
    }

    @Test
    void rotatesWhenADeviceThatHadTheKeyIsRemoved() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        net.party("@bob:example.org", "BOB2");
        List<UserId> members = List.of(alice.user, bob.user);
        RawJson m1 = alice.send(ROOM, members, EncryptionSettings.defaults(), "1");
        net.server.deleteDevice(bob.user, dev.mxj.id.DeviceId.of("BOB2"));
        alice.sync();
        RawJson m2 = alice.send(ROOM, members, EncryptionSettings.defaults(), "2");
        assertNotEquals(sessionOf(m1), sessionOf(m2));
    }

    @Test
    void aNewDeviceGetsTheKeyFromTheCurrentIndexWithoutRotation() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        List<UserId> members = List.of(alice.user, bob.user);
        RawJson m1 = alice.send(ROOM, members, EncryptionSettings.defaults(), "1");
        TestNet.Party bob2 = net.party("@bob:example.org", "BOB2");
        alice.sync();
        RawJson m2 = alice.send(ROOM, members, EncryptionSettings.defaults(), "2");
        assertEquals(sessionOf(m1), sessionOf(m2), "a device joining is no reason to rotate");
        bob2.settle();
        assertEquals(UtdReason.UNKNOWN_MESSAGE_INDEX, assertInstanceOf(DecryptionResult.UnableToDecrypt.class,
                bob2.decrypt(ROOM, m1)).reason());
        assertInstanceOf(DecryptionResult.Decrypted.class, bob2.decrypt(ROOM, m2));
    }

    @Test
    void discardingTheRoomKeyForcesANewSession() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        net.party("@bob:example.org", "BOB1");
        List<UserId> members = List.of(alice.user, UserId.of("@bob:example.org"));
        RawJson m1 = alice.send(ROOM, members, EncryptionSettings.defaults(), "1");
        alice.machine.discardRoomKey(ROOM);
        assertThrows(IllegalStateException.class, () -> alice.machine.encryptRoomEvent(ROOM, "m.room.message",
                RawJson.emptyObject()));
        RawJson m2 = alice.send(ROOM, members, EncryptionSettings.defaults(), "2");
        assertNotEquals(sessionOf(m1), sessionOf(m2));
    }
}
