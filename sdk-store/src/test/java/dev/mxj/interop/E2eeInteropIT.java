package dev.mxj.interop;

import dev.mxj.crypto.store.ShareEntry;
import dev.mxj.crypto.store.StoredOutboundGroupSession;
import dev.mxj.event.DecryptionResult;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.UnableToDecrypt;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.interop.Ledger.Sent;
import dev.mxj.room.Membership;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.JsMessage;
import dev.mxj.testkit.JsNewRoom;
import dev.mxj.testkit.JsPeer;
import dev.mxj.testkit.JsSentFile;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * mxj's end-to-end encryption against the crypto Element uses: mxj clients (the real OlmMachine on
 * libolm) and matrix-js-sdk 37.5.0 peers with Rust crypto ({@link JsPeer}) talk in encrypted rooms
 * on Dendrite. Every message a party should be able to read is checked (text compared, files
 * downloaded, hash-checked and compared); one it cannot decrypt counts as a UTD. At the end the
 * run prints {@code RESULT interop_utd_count <n> events} and {@code RESULT interop_messages_checked
 * <n> messages}, and fails unless n is 0. The scenarios are issue #6's §4.
 */
@ExtendWith(DendriteExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class E2eeInteropIT {
    private static final Ledger LEDGER = new Ledger();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private int utdsBefore;

    @TempDir
    Path dir;

    @Test
    @Order(1)
    void mxjCreatesTheRoomAndJsJoins(Dendrite dendrite, TestUser aliceUser, TestUser bobUser) {
        MxjParty alice = mxj(MxjParty.inMemory("s1-alice", dendrite, aliceUser));
        JsPeer bob = js("s1-bob", dendrite, bobUser, "S1BOBJS");
        RoomId room = alice.createEncryptedRoom(UserId.of(bobUser.userId()));
        bob.join(room.value());
        alice.awaitMember(room, UserId.of(bobUser.userId()), Membership.JOIN);
        bob.waitForDevice(aliceUser.userId(), aliceUser.deviceId());

        talk(alice, bob, "s1-bob", room, 3);
        finish(List.of(bob), List.of("s1-bob"));
    }

    @Test
    @Order(2)
    void jsCreatesTheRoomAndMxjJoins(Dendrite dendrite, TestUser aliceUser, TestUser bobUser) {
        MxjParty alice = mxj(MxjParty.inMemory("s2-alice", dendrite, aliceUser));
        JsPeer bob = js("s2-bob", dendrite, bobUser, "S2BOBJS");
        RoomId room = RoomId.of(bob.createRoom(JsNewRoom.encrypted().invite(aliceUser.userId()).name("js's room")));
        alice.join(room);
        alice.awaitMember(room, UserId.of(bobUser.userId()), Membership.JOIN);
        bob.waitForMember(room.value(), aliceUser.userId(), "join");
        bob.waitForDevice(aliceUser.userId(), aliceUser.deviceId());

        talk(alice, bob, "s2-bob", room, 3);
        finish(List.of(bob), List.of("s2-bob"));
    }

    @Test
    @Order(3)
    void aSecondMxjDeviceReadsWhatIsSentAfterItAppeared(Dendrite dendrite, TestUser aliceUser, TestUser bobUser) {
        UserId aliceId = UserId.of(aliceUser.userId());
        MxjParty first = mxj(MxjParty.inMemory("s3-alice1", dendrite, aliceUser));
        JsPeer bob = js("s3-bob", dendrite, bobUser, "S3BOBJS");
        RoomId room = first.createEncryptedRoom(UserId.of(bobUser.userId()));
        bob.join(room.value());
        first.awaitMember(room, UserId.of(bobUser.userId()), Membership.JOIN);
        bob.waitForDevice(aliceUser.userId(), aliceUser.deviceId());
        talk(first, bob, "s3-bob", room, 1);

        MxjParty second = mxj(MxjParty.newDevice("s3-alice2", dendrite, aliceUser, "S3ALICE2"));
        second.follow(room);
        bob.waitForDevice(aliceUser.userId(), "S3ALICE2");
        first.awaitDevice(aliceId, DeviceId.of("S3ALICE2"));

        Sent fromBob = jsSend(bob, room, "s3 bob to both alices");
        Sent fromFirst = sendText(first, room, "s3 alice's first device to all");
        Sent fromSecond = sendText(second, room, "s3 alice's second device to all");
        LEDGER.mxjReads(second, room, fromBob, fromFirst);
        LEDGER.mxjReads(first, room, fromBob, fromSecond);
        LEDGER.jsReads(bob, "s3-bob", room, aliceId, fromFirst, fromSecond);
        finish(List.of(bob), List.of("s3-bob"));
    }

    @Test
    @Order(4)
    void aMemberWhoLeftCannotReadWhatFollows(Dendrite dendrite, TestUser aliceUser, TestUser bobUser,
                                             TestUser carolUser, TestUser daveUser) {
        UserId aliceId = UserId.of(aliceUser.userId());
        UserId bobId = UserId.of(bobUser.userId());
        UserId carolId = UserId.of(carolUser.userId());
        UserId daveId = UserId.of(daveUser.userId());
        MxjParty alice = mxj(MxjParty.inMemory("s4-alice", dendrite, aliceUser));
        MxjParty dave = mxj(MxjParty.inMemory("s4-dave", dendrite, daveUser));
        JsPeer bob = js("s4-bob", dendrite, bobUser, "S4BOBJS");
        JsPeer carol = js("s4-carol", dendrite, carolUser, "S4CAROLJS");
        RoomId room = alice.createEncryptedRoom(bobId, carolId, daveId);
        bob.join(room.value());
        carol.join(room.value());
        dave.join(room);
        for (UserId member : List.of(aliceId, bobId, carolId, daveId)) {
            alice.awaitMember(room, member, Membership.JOIN);
            dave.awaitMember(room, member, Membership.JOIN);
            bob.waitForMember(room.value(), member.value(), "join");
            carol.waitForMember(room.value(), member.value(), "join");
        }
        for (JsPeer peer : List.of(bob, carol)) {
            peer.waitForDevice(aliceUser.userId(), aliceUser.deviceId());
            peer.waitForDevice(daveUser.userId(), daveUser.deviceId());
        }

        // Everyone says something; everyone reads everyone.
        Sent a1 = sendText(alice, room, "s4 alice to all four");
        Sent d1 = sendText(dave, room, "s4 dave to all four");
        Sent b1 = jsSend(bob, room, "s4 bob to all four");
        Sent c1 = jsSend(carol, room, "s4 carol to all four");
        LEDGER.mxjReads(alice, room, d1, b1, c1);
        LEDGER.mxjReads(dave, room, a1, b1, c1);
        for (var reader : Map.of("s4-bob", bob, "s4-carol", carol).entrySet()) {
            LEDGER.jsReads(reader.getValue(), reader.getKey(), room, aliceId, a1);
            LEDGER.jsReads(reader.getValue(), reader.getKey(), room, daveId, d1);
        }
        LEDGER.jsReads(bob, "s4-bob", room, carolId, c1);
        LEDGER.jsReads(carol, "s4-carol", room, bobId, b1);

        // carol (js) leaves: mxj's next message goes under a new session that carol never got.
        carol.leave(room.value());
        alice.awaitMember(room, carolId, Membership.LEAVE);
        dave.awaitMember(room, carolId, Membership.LEAVE);
        bob.waitForMember(room.value(), carolUser.userId(), "leave");
        Sent a2 = sendText(alice, room, "s4 alice after carol left");
        Sent b2 = jsSend(bob, room, "s4 bob after carol left");
        assertNotEquals(session(alice, room, a1.eventId()), session(alice, room, a2.eventId()),
                "mxj rotated its room key when carol left");
        assertNotEquals(session(alice, room, b1.eventId()), session(alice, room, b2.eventId()),
                "js rotated its room key when carol left");
        assertNotSharedWith(alice.outboundSession(room).orElseThrow(), session(alice, room, a2.eventId()), carolId);
        LEDGER.mxjReads(dave, room, a2, b2);
        LEDGER.mxjReads(alice, room, b2);
        LEDGER.jsReads(bob, "s4-bob", room, aliceId, a2);
        Map<String, JsMessage> carolHas = Ledger.jsSnapshot(carol, room, aliceId);
        assertFalse(carolHas.containsKey(a2.eventId().value()) && carolHas.get(a2.eventId().value()).isDecrypted(),
                "carol cannot read alice's message after she left");

        // dave (mxj) leaves: js's and mxj's next messages are beyond him, even handed his copies.
        dave.leave(room);
        alice.awaitMember(room, daveId, Membership.LEAVE);
        bob.waitForMember(room.value(), daveUser.userId(), "leave");
        Sent a3 = sendText(alice, room, "s4 alice after dave left");
        Sent b3 = jsSend(bob, room, "s4 bob after dave left");
        LEDGER.mxjReads(alice, room, b3);
        LEDGER.jsReads(bob, "s4-bob", room, aliceId, a3);
        assertNotEquals(session(alice, room, b2.eventId()), session(alice, room, b3.eventId()),
                "js rotated its room key when dave left");
        assertNotSharedWith(alice.outboundSession(room).orElseThrow(), session(alice, room, a3.eventId()), daveId);
        for (Sent after : List.of(a3, b3)) {
            RoomEvent copy = alice.awaitStored(room, after.eventId());
            DecryptionResult daves = dave.decrypt(room, copy);
            UnableToDecrypt utd = assertInstanceOf(UnableToDecrypt.class, daves,
                    () -> "dave decrypted " + after.eventId() + " after leaving");
            assertEquals(UnableToDecrypt.Reason.MISSING_ROOM_KEY, utd.reason(), utd::toString);
        }
        finish(List.of(bob, carol), List.of("s4-bob", "s4-carol"));
    }

    @Test
    @Order(5)
    void anMxjClientRestartedMidConversationLosesNothing(Dendrite dendrite, TestUser aliceUser, TestUser bobUser) {
        UserId aliceId = UserId.of(aliceUser.userId());
        UserId bobId = UserId.of(bobUser.userId());
        Path file = dir.resolve("alice.db");
        MxjParty alice = MxjParty.onFile("s5-alice", dendrite, aliceUser, file);
        JsPeer bob = js("s5-bob", dendrite, bobUser, "S5BOBJS");
        RoomId room;
        Sent a1;
        Sent a2;
        Sent b1;
        Sent b2;
        try {
            room = alice.createEncryptedRoom(bobId);
            bob.join(room.value());
            alice.awaitMember(room, bobId, Membership.JOIN);
            bob.waitForDevice(aliceUser.userId(), aliceUser.deviceId());
            a1 = sendText(alice, room, "s5 alice before the restart");
            b1 = jsSend(bob, room, "s5 bob before the restart");
            LEDGER.mxjReads(alice, room, b1);
            LEDGER.jsReads(bob, "s5-bob", room, aliceId, a1);
            // Mid-conversation: alice sends and goes down at once, whether or not bob's answer came.
            a2 = sendText(alice, room, "s5 alice just before going down");
            b2 = jsSend(bob, room, "s5 bob while alice goes down");
        } finally {
            alice.close();
        }
        Sent b3 = jsSend(bob, room, "s5 bob while alice is down");
        LEDGER.jsReads(bob, "s5-bob", room, aliceId, a2);

        MxjParty restarted = mxj(MxjParty.onFile("s5-alice-restarted", dendrite, aliceUser, file));
        restarted.follow(room);
        assertEquals(DeviceId.of(aliceUser.deviceId()), restarted.deviceId(), "the same device after the restart");
        LEDGER.mxjReads(restarted, room, a1, b1, a2, b2, b3);
        Sent a3 = sendText(restarted, room, "s5 alice after the restart");
        Sent b4 = jsSend(bob, room, "s5 bob after alice's restart");
        assertEquals(session(restarted, room, a2.eventId()), session(restarted, room, a3.eventId()),
                "alice's Megolm session went on after the restart");
        LEDGER.mxjReads(restarted, room, b4);
        LEDGER.jsReads(bob, "s5-bob", room, aliceId, a3);
        List<EventId> stored = restarted.storedEncryptedEvents(room);
        assertEquals(List.of(a1, b1, a2, b2, b3, a3, b4).stream().map(Sent::eventId).toList(), stored,
                "alice's store holds every message of the conversation once, in order");
        finish(List.of(bob), List.of("s5-bob"));
    }

    @Test
    @Order(6)
    void encryptedAttachmentsBothWays(Dendrite dendrite, TestUser aliceUser, TestUser bobUser) {
        MxjParty alice = mxj(MxjParty.inMemory("s6-alice", dendrite, aliceUser));
        JsPeer bob = js("s6-bob", dendrite, bobUser, "S6BOBJS");
        RoomId room = alice.createEncryptedRoom(UserId.of(bobUser.userId()));
        bob.join(room.value());
        alice.awaitMember(room, UserId.of(bobUser.userId()), Membership.JOIN);
        bob.waitForDevice(aliceUser.userId(), aliceUser.deviceId());

        byte[] aliceBytes = bytes(150_000);
        byte[] bobBytes = bytes(48_321);
        Sent aliceFile = Sent.file(alice.sendFile(room, "alice-report.bin", aliceBytes), "alice-report.bin",
                aliceBytes);
        JsSentFile sent = bob.sendFile(room.value(), "bob-photo.bin", "application/octet-stream", bobBytes);
        assertTrue(sent.encrypted(), "js sends an encrypted attachment in an encrypted room");
        Sent bobFile = Sent.file(sent.eventId(), "bob-photo.bin", bobBytes);
        LEDGER.jsReads(bob, "s6-bob", room, UserId.of(aliceUser.userId()), aliceFile);
        assertArrayEquals(aliceBytes, bob.downloadFileBytes(room.value(), aliceFile.eventId().value()));
        LEDGER.mxjReads(alice, room, bobFile);
        finish(List.of(bob), List.of("s6-bob"));
    }

    @Test
    @Order(7)
    void twoMxjClientsTalkTheSameWay(Dendrite dendrite, TestUser aliceUser, TestUser bobUser) {
        MxjParty alice = mxj(MxjParty.inMemory("s7-alice", dendrite, aliceUser));
        MxjParty bob = mxj(MxjParty.inMemory("s7-bob", dendrite, bobUser));
        RoomId room = alice.createEncryptedRoom(bob.userId());
        bob.join(room);
        alice.awaitMember(room, bob.userId(), Membership.JOIN);

        for (int round = 1; round <= 3; round++) {
            Sent fromAlice = sendText(alice, room, "s7 alice to bob " + round);
            Sent fromBob = sendText(bob, room, "s7 bob to alice " + round);
            LEDGER.mxjReads(bob, room, fromAlice);
            LEDGER.mxjReads(alice, room, fromBob);
        }
        byte[] aliceBytes = bytes(70_000);
        byte[] bobBytes = bytes(1_234);
        Sent aliceFile = Sent.file(alice.sendFile(room, "alice.bin", aliceBytes), "alice.bin", aliceBytes);
        Sent bobFile = Sent.file(bob.sendFile(room, "bob.bin", bobBytes), "bob.bin", bobBytes);
        LEDGER.mxjReads(bob, room, aliceFile);
        LEDGER.mxjReads(alice, room, bobFile);
        finish(List.of(), List.of());
    }

    @AfterAll
    static void result() {
        if (LEDGER.checkedCount() == 0) {
            return; // no scenario got as far as a message (no Dendrite, say): nothing to report
        }
        System.out.println("RESULT interop_messages_checked " + LEDGER.checkedCount() + " messages");
        System.out.println("RESULT interop_utd_count " + LEDGER.utds().size() + " events");
        assertEquals(List.of(), LEDGER.utds(), "no party failed to decrypt a message it should read");
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** A message text, unique per run, without Markdown. */
    private static String text(String what) {
        return what + " " + HexFormat.of().formatHex(bytes(4));
    }

    private static Sent sendText(MxjParty from, RoomId room, String what) {
        String body = text(what);
        return Sent.text(from.send(room, body), body);
    }

    private static Sent jsSend(JsPeer from, RoomId room, String what) {
        String body = text(what);
        return Sent.text(from.send(room.value(), body), body);
    }

    /** mxj and js say {@code rounds} things each, alternating; each decrypts all the other said. */
    private void talk(MxjParty mxj, JsPeer js, String jsName, RoomId room, int rounds) {
        for (int round = 1; round <= rounds; round++) {
            Sent fromMxj = sendText(mxj, room, mxj.name() + " to " + jsName + " " + round);
            Sent fromJs = jsSend(js, room, jsName + " to " + mxj.name() + " " + round);
            LEDGER.jsReads(js, jsName, room, mxj.userId(), fromMxj);
            LEDGER.mxjReads(mxj, room, fromJs);
        }
    }

    /** Counts what the peers still cannot decrypt, and fails the scenario on its own UTDs. */
    private void finish(List<JsPeer> peers, List<String> names) {
        for (int i = 0; i < peers.size(); i++) {
            LEDGER.jsHoldsNoUtds(peers.get(i), names.get(i));
        }
        List<String> utds = LEDGER.utds();
        assertEquals(List.of(), utds.subList(utdsBefore, utds.size()), "UTDs in this scenario");
    }

    private static String session(MxjParty reader, RoomId room, EventId event) {
        return reader.awaitStored(room, event).raw().object("content").flatMap(c -> c.string("session_id"))
                .orElseThrow();
    }

    private static void assertNotSharedWith(StoredOutboundGroupSession outbound, String sessionId, UserId user) {
        assertEquals(sessionId, outbound.sessionId(), "the session the last message used is the current one");
        List<ShareEntry> toUser = outbound.sharedWith().stream().filter(e -> e.userId().equals(user))
                .filter(ShareEntry::sharedKey).toList();
        assertEquals(List.of(), toUser, "the new room key went to none of " + user + "'s devices");
        assertFalse(outbound.sharedWith().isEmpty(), "the new room key went to the remaining members");
    }

    private static byte[] bytes(int size) {
        byte[] data = new byte[size];
        RANDOM.nextBytes(data);
        return data;
    }

    private MxjParty mxj(MxjParty party) {
        open.push(party);
        return party;
    }

    private JsPeer js(String name, Dendrite dendrite, TestUser user, String deviceId) {
        JsPeer peer = JsPeer.builder(name).logDir(logDir()).start();
        open.push(peer);
        peer.login(dendrite.baseUrl(), user, deviceId);
        peer.startSync();
        return peer;
    }

    @BeforeEach
    void begin() {
        utdsBefore = LEDGER.utds().size();
    }

    @AfterEach
    void closeAll() throws Exception {
        while (!open.isEmpty()) {
            open.pop().close();
        }
    }

    /** {@code mxj.jspeer.logDir}, else {@code jspeer-logs} in this module's build directory. */
    private static Path logDir() {
        String configured = System.getProperty("mxj.jspeer.logDir");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path classes = Path.of(E2eeInteropIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().resolve("jspeer-logs");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
