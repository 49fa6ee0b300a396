package dev.mxj.crypto.machine;

import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Megolm: sharing a room key over Olm, encrypting, decrypting on the other side. */
class MegolmTest {
    static final RoomId ROOM = RoomId.of("!room:example.org");
    private final TestNet net = new TestNet();

    @AfterEach
    void close() {
        net.close();
    }

    @Test
    void aSharedKeyDecryptsOnTheOtherSide() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        net.settleAll();
        List<UserId> members = List.of(alice.user, bob.user);

        RawJson event = alice.send(ROOM, members, EncryptionSettings.defaults(), "hello bob");
        Json.asObject(event.tree()).ifPresent(e -> assertFalse(e.toString().contains("hello bob")));
        bob.sync();
        assertEquals(List.of(new RoomKeyInfo(ROOM, alice.machine.outboundSessionId(ROOM).orElseThrow())),
                bob.lastSync.roomKeysReceived());
        DecryptionResult early = bob.decrypt(ROOM, event);
        assertEquals(SenderTrust.UNKNOWN_DEVICE, assertInstanceOf(DecryptionResult.Decrypted.class, early).trust(),
                "before bob queried alice's devices");
        bob.flush(); // the room key made bob track and query alice
        DecryptionResult result = bob.decrypt(ROOM, event);
        DecryptionResult.Decrypted d = assertInstanceOf(DecryptionResult.Decrypted.class, result);
        assertEquals("m.room.message", d.type());
        assertEquals(Optional.of("hello bob"), d.content().string("body"));
        assertEquals(alice.user, d.sender());
        assertEquals(Optional.of(alice.device), d.senderDevice());
        assertEquals(alice.machine.identityKeys().curve25519(), d.senderKey());
        assertFalse(d.forwarded());
        assertEquals(SenderTrust.UNVERIFIED, d.trust());
        assertEquals(0, d.messageIndex());

        // and alice reads her own message
        DecryptionResult own = alice.decrypt(ROOM, event);
        assertEquals(SenderTrust.VERIFIED, assertInstanceOf(DecryptionResult.Decrypted.class, own).trust());
    }
}
