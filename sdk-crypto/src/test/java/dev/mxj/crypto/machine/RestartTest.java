package dev.mxj.crypto.machine;

import dev.mxj.crypto.CryptoException;
import dev.mxj.crypto.store.MemoryCryptoStore;
import dev.mxj.crypto.store.PickleKey;
import dev.mxj.crypto.store.StoredAccount;
import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A machine reopened on its store loses nothing; the store holds encrypted pickles only. */
class RestartTest {
    static final RoomId ROOM = RoomId.of("!room:example.org");
    private final TestNet net = new TestNet();

    @AfterEach
    void close() {
        net.close();
    }

    @Test
    void bothSidesRestartMidConversationAndGoOn() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        List<UserId> members = List.of(alice.user, bob.user);
        RawJson m1 = alice.send(ROOM, members, EncryptionSettings.defaults(), "before");
        bob.settle();
        assertInstanceOf(DecryptionResult.Decrypted.class, bob.decrypt(ROOM, m1));
        String session = alice.machine.outboundSessionId(ROOM).orElseThrow();
        String aliceKeys = alice.machine.identityKeys().toString();
        int bobKeysOnServer = net.server.oneTimeKeyCount(bob.key());

        alice.restart();
        bob.restart();
        assertEquals(aliceKeys, alice.machine.identityKeys().toString());
        RawJson m2 = alice.send(ROOM, members, EncryptionSettings.defaults(), "after");
        assertEquals(session, alice.machine.outboundSessionId(ROOM).orElseThrow(), "the same Megolm session");
        assertEquals(bobKeysOnServer, net.server.oneTimeKeyCount(bob.key()), "no new Olm session was needed");
        bob.settle();
        assertInstanceOf(DecryptionResult.Decrypted.class, bob.decrypt(ROOM, m1));
        DecryptionResult.Decrypted d = assertInstanceOf(DecryptionResult.Decrypted.class, bob.decrypt(ROOM, m2));
        assertEquals(1, d.messageIndex(), "the index went on from where it was");
        assertEquals(UtdReason.REPLAYED_INDEX, assertInstanceOf(DecryptionResult.UnableToDecrypt.class,
                bob.decrypt(ROOM, TestNet.withEventId(m1, "$again"))).reason(), "replay records survive too");

        // Olm continues as well: bob writes to alice over the old session
        bob.machine.encryptToDevice(alice.user, alice.device, "org.example", RawJson.emptyObject()).orElseThrow();
        bob.flush();
        assertInstanceOf(ToDeviceResult.Received.class, alice.sync().toDevice().get(0));
    }

    @Test
    void aRoomKeyNotYetSentGoesOutAfterARestart() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob = net.party("@bob:example.org", "BOB1");
        List<UserId> members = List.of(alice.user, bob.user);
        alice.machine.updateTrackedUsers(members);
        alice.flush();
        alice.machine.missingSessions(members).ifPresent(alice::send);
        List<OutgoingRequest.ToDevice> unsent = alice.machine.shareRoomKey(ROOM, members, EncryptionSettings.defaults());
        RawJson content = alice.machine.encryptRoomEvent(ROOM, "m.room.message", Json.raw(Json.obj("body", "hi")));
        alice.restart(); // crash before the to-device request went out

        List<OutgoingRequest> again = alice.machine.outgoingRequests();
        assertEquals(unsent.get(0).id(), again.get(0).id(), "the same request, the same transaction id");
        assertEquals(unsent.get(0).body(), again.get(0).body());
        alice.flush();
        bob.settle();
        assertInstanceOf(DecryptionResult.Decrypted.class, bob.decrypt(ROOM, alice.event(content)));
    }

    @Test
    void thePicklesAreEncryptedWithTheKeyFromThePassphrase() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        StoredAccount stored = alice.store.account().orElseThrow();
        assertThrows(CryptoException.class, () -> TestNet.OLM.unpickleAccount(stored.pickle(), new byte[32]));
        try (PickleKey key = PickleKey.open(TestNet.PASSPHRASE, alice.store.pickleKeyParams().orElseThrow());
             var account = TestNet.OLM.unpickleAccount(stored.pickle(), key.bytes())) {
            assertEquals(alice.machine.identityKeys(), account.identityKeys());
        }
        assertTrue(alice.store.pickleKeyParams().orElseThrow().iterations() >= 1000);
        String text = stored.pickle();
        assertTrue(!text.contains(alice.machine.identityKeys().ed25519()), "no public key in the clear either");
    }

    @Test
    void aWrongPassphraseOrAnotherDevicesStoreIsRefused() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        alice.machine.close();
        CryptoException wrong = assertThrows(CryptoException.class, () -> OlmMachine.open(TestNet.OLM, alice.store,
                alice.user, alice.device, "wrong".toCharArray(), alice.config));
        assertEquals(PickleKey.WRONG_PASSPHRASE, wrong.errorName());
        assertThrows(IllegalStateException.class, () -> OlmMachine.open(TestNet.OLM, alice.store, alice.user,
                DeviceId.of("OTHER"), TestNet.PASSPHRASE, alice.config));
        alice.machine = OlmMachine.open(TestNet.OLM, alice.store, alice.user, alice.device, TestNet.PASSPHRASE,
                alice.config);
    }

    @Test
    void aNewStoreGetsAFreshSaltAndAccount() {
        MemoryCryptoStore one = new MemoryCryptoStore();
        MemoryCryptoStore two = new MemoryCryptoStore();
        MachineConfig config = MachineConfig.defaults().withPickleIterations(1000);
        try (OlmMachine a = OlmMachine.open(TestNet.OLM, one, UserId.of("@a:x"), DeviceId.of("A"), "p".toCharArray(), config);
             OlmMachine b = OlmMachine.open(TestNet.OLM, two, UserId.of("@a:x"), DeviceId.of("A"), "p".toCharArray(), config)) {
            assertTrue(!a.identityKeys().equals(b.identityKeys()));
            assertTrue(!one.pickleKeyParams().orElseThrow().salt().equals(two.pickleKeyParams().orElseThrow().salt()));
        }
    }
}
