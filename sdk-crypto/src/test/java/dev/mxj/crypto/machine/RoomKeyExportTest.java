package dev.mxj.crypto.machine;

import dev.mxj.crypto.keyexport.ExportedRoomKey;
import dev.mxj.crypto.keyexport.KeyExportException;
import dev.mxj.crypto.keyexport.KeyExportFormat;
import dev.mxj.crypto.olm.InboundGroupSession;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Room key export on one device and import on another: events undecryptable before decrypt after. */
class RoomKeyExportTest {
    static final RoomId ROOM = RoomId.of("!room:example.org");
    static final char[] FILE_PASSPHRASE = "export passphrase".toCharArray();
    private final TestNet net = new TestNet();
    private TestNet.Party alice;
    private TestNet.Party bob1;
    private RawJson first;
    private RawJson second;

    @BeforeEach
    void setUp() {
        alice = net.party("@alice:example.org", "ALICE1");
        bob1 = net.party("@bob:example.org", "BOB1");
        first = alice.send(ROOM, List.of(alice.user, bob1.user), EncryptionSettings.defaults(), "first");
        second = alice.send(ROOM, List.of(alice.user, bob1.user), EncryptionSettings.defaults(), "second");
        bob1.settle();
        assertEquals("first", body(bob1.decrypt(ROOM, first)));
    }

    @AfterEach
    void close() {
        net.close();
    }

    private static String body(DecryptionResult result) {
        return assertInstanceOf(DecryptionResult.Decrypted.class, result, result::toString).content()
                .string("body").orElseThrow();
    }

    private static String sessionId(RawJson event) {
        return event.object("content").orElseThrow().string("session_id").orElseThrow();
    }

    @Test
    void anImportDecryptsWhatWasUndecryptableAsUnauthenticated() {
        TestNet.Party bob2 = net.party("@bob:example.org", "BOB2");
        DecryptionResult.UnableToDecrypt utd = assertInstanceOf(DecryptionResult.UnableToDecrypt.class,
                bob2.decrypt(ROOM, first));
        assertEquals(UtdReason.MISSING_SESSION, utd.reason());
        assertEquals(1, bob2.store.keyRequests().size(), "the UTD asked our other devices");

        String export = bob1.machine.exportRoomKeys(FILE_PASSPHRASE, List.of(ROOM, RoomId.of("!other:example.org")),
                1000);
        assertTrue(export.startsWith(KeyExportFormat.HEADER));
        RoomKeyImport imported = bob2.machine.importRoomKeys(export, FILE_PASSPHRASE);
        assertEquals(new RoomKeyImport(1, 1, List.of(new RoomKeyInfo(ROOM, sessionId(first)))), imported);
        assertEquals(0, imported.skipped());
        assertEquals(List.of(), bob2.store.keyRequests(), "the key request is cancelled");

        DecryptionResult.Decrypted ok = assertInstanceOf(DecryptionResult.Decrypted.class, bob2.decrypt(ROOM, first));
        assertEquals("first", ok.content().string("body").orElseThrow());
        assertEquals(SenderTrust.UNAUTHENTICATED, ok.trust());
        assertTrue(ok.forwarded());
        assertEquals(alice.machine.identityKeys().curve25519(), ok.senderKey());
        assertEquals("second", body(bob2.decrypt(ROOM, second)));

        RoomKeyImport again = bob2.machine.importRoomKeys(export, FILE_PASSPHRASE);
        assertEquals(new RoomKeyImport(1, 0, List.of()), again, "nothing new the second time");

        bob2.restart();
        assertEquals("first", body(bob2.decrypt(ROOM, first)), "the import was saved");
    }

    @Test
    void theSendersOwnSessionExportsWithItsKeys() {
        List<ExportedRoomKey> keys = alice.machine.exportedRoomKeys(List.of(ROOM));
        assertEquals(1, keys.size());
        ExportedRoomKey k = keys.get(0);
        assertEquals(sessionId(first), k.sessionId());
        assertEquals(alice.machine.identityKeys().curve25519(), k.senderKey());
        assertEquals(Optional.of(alice.machine.identityKeys().ed25519()), k.claimedEd25519());
        assertEquals(List.of(), k.forwardingChain());
        assertEquals(ExportedRoomKey.MEGOLM_V1, k.algorithm());
    }

    @Test
    void aWrongPassphraseOrTamperedFileImportsNothing() {
        TestNet.Party bob2 = net.party("@bob:example.org", "BOB2");
        String export = bob1.machine.exportRoomKeys(FILE_PASSPHRASE, List.of(ROOM), 1000);
        KeyExportException wrong = assertThrows(KeyExportException.class,
                () -> bob2.machine.importRoomKeys(export, "guess".toCharArray()));
        assertEquals(KeyExportException.Reason.WRONG_PASSPHRASE_OR_CORRUPTED, wrong.reason());
        String[] lines = export.split("\n");
        char c = lines[2].charAt(5);
        lines[2] = lines[2].substring(0, 5) + (c == 'A' ? 'B' : 'A') + lines[2].substring(6);
        KeyExportException tampered = assertThrows(KeyExportException.class,
                () -> bob2.machine.importRoomKeys(String.join("\n", lines), FILE_PASSPHRASE));
        assertEquals(KeyExportException.Reason.WRONG_PASSPHRASE_OR_CORRUPTED, tampered.reason());
        assertInstanceOf(DecryptionResult.UnableToDecrypt.class, bob2.decrypt(ROOM, first));
    }

    @Test
    void anImportNeverReplacesACopyThatDecryptsFromEarlier() {
        ExportedRoomKey full = bob1.machine.exportedRoomKeys(List.of(ROOM)).get(0);
        ExportedRoomKey later;
        try (InboundGroupSession s = TestNet.OLM.importInboundGroupSession(full.sessionKey())) {
            later = new ExportedRoomKey(full.algorithm(), full.roomId(), full.senderKey(), full.sessionId(), s.export(1),
                    full.senderClaimedKeys(), full.forwardingChain());
        }
        // bob1 holds index 0: the later copy is refused
        assertEquals(0, bob1.machine.importRoomKeys(List.of(later)).imported());
        assertEquals("first", body(bob1.decrypt(ROOM, first)));

        TestNet.Party bob2 = net.party("@bob:example.org", "BOB2");
        assertEquals(1, bob2.machine.importRoomKeys(List.of(later)).imported());
        assertEquals("second", body(bob2.decrypt(ROOM, second)));
        assertInstanceOf(DecryptionResult.UnableToDecrypt.class, bob2.decrypt(ROOM, first), "index 0 is before the copy");
        assertEquals(1, bob2.machine.importRoomKeys(List.of(full)).imported(), "an earlier copy replaces it");
        assertEquals("first", body(bob2.decrypt(ROOM, first)));
        assertEquals(0, bob2.machine.importRoomKeys(List.of(later)).imported());
        assertEquals("first", body(bob2.decrypt(ROOM, first)));
    }

    @Test
    void sessionsThatDoNotImportAreSkippedAndCounted() {
        ExportedRoomKey full = bob1.machine.exportedRoomKeys(List.of(ROOM)).get(0);
        ExportedRoomKey garbled = new ExportedRoomKey(full.algorithm(), full.roomId(), full.senderKey(),
                full.sessionId(), "not a key", full.senderClaimedKeys(), List.of());
        ExportedRoomKey otherAlgorithm = new ExportedRoomKey("m.olm.v1.curve25519-aes-sha2", full.roomId(),
                full.senderKey(), full.sessionId(), full.sessionKey(), full.senderClaimedKeys(), List.of());
        ExportedRoomKey wrongId = new ExportedRoomKey(full.algorithm(), full.roomId(), full.senderKey(),
                "another session", full.sessionKey(), full.senderClaimedKeys(), List.of());
        TestNet.Party bob2 = net.party("@bob:example.org", "BOB2");
        RoomKeyImport result = bob2.machine.importRoomKeys(List.of(garbled, otherAlgorithm, wrongId, full));
        assertEquals(4, result.total());
        assertEquals(1, result.imported());
        assertEquals(3, result.skipped());
        assertEquals("first", body(bob2.decrypt(ROOM, first)));
    }
}
