package dev.mxj.crypto.olm.crosscheck;

import dev.mxj.crypto.CryptoException;
import dev.mxj.crypto.olm.Account;
import dev.mxj.crypto.olm.InboundGroupSession;
import dev.mxj.crypto.olm.InboundSessionResult;
import dev.mxj.crypto.olm.OlmBackend;
import dev.mxj.crypto.olm.OlmMessage;
import dev.mxj.crypto.olm.OneTimeKey;
import dev.mxj.crypto.olm.OutboundGroupSession;
import dev.mxj.crypto.olm.PkDecryption;
import dev.mxj.crypto.olm.PkEncryption;
import dev.mxj.crypto.olm.PkMessage;
import dev.mxj.crypto.olm.PkSigning;
import dev.mxj.crypto.olm.Sas;
import dev.mxj.crypto.olm.Session;
import dev.mxj.crypto.olm.libolm.LibolmBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.mxj.crypto.olm.OlmTesting.assertCryptoError;
import static dev.mxj.crypto.olm.OlmTesting.base64;
import static dev.mxj.crypto.olm.OlmTesting.unbase64;
import static dev.mxj.crypto.olm.OlmTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cross-implementation checks every peer runs: mxj's libolm backend ("ours") against another
 * Olm implementation in a Python process ("theirs"), both ways. Each check moves real data between
 * the two (keys, messages, session keys, MACs, signatures) and compares what comes out with what
 * went in, and each has a negative control that the other side must reject, so a peer that
 * accepted anything would fail.
 *
 * <p>One peer process serves the whole test class. Subclasses name the peer and add the checks
 * only it can do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CrossCheckSuite {
    /** Plaintexts are fixed-seed random bytes (not UTF-8), so the bindings must be byte-exact. */
    private final Random random = new Random(0x6d786a);

    protected final OlmBackend ours = LibolmBackend.create();
    protected PythonPeer theirs;

    /** Which peer this class checks against. */
    protected abstract PythonPeer.Spec peer();

    /** Why the peer is missing, outside CI; each test is then reported as skipped with it. */
    private String unavailable;

    @BeforeAll
    void startPeer() {
        try {
            theirs = PythonPeer.start(peer());
        } catch (TestAbortedException e) {
            unavailable = e.getMessage();
            System.err.println("SKIPPING " + getClass().getSimpleName() + ": " + unavailable);
        }
    }

    @BeforeEach
    void requirePeer() {
        if (unavailable != null) {
            Assumptions.abort(unavailable);
        }
    }

    @AfterAll
    void stopPeer() {
        if (theirs != null) {
            theirs.close();
        }
    }

    protected byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    // --- Olm -------------------------------------------------------------------------------

    @Test
    void ourOlmPreKeyMessageDecryptsThereAndTheirReplyDecryptsHere() {
        Reply bob = theirs.call("account_new");
        String oneTimeKey = theirs.call("account_one_time_keys", "h", bob.handle(), "count", 1).strings("keys").get(0);
        try (Account alice = ours.createAccount();
             Session outbound = alice.createOutboundSession(bob.str("curve25519"), oneTimeKey)) {
            byte[] hello = utf8("Hello from mxj: m.room_key für Bob 🔐");
            OlmMessage first = outbound.encrypt(hello);
            assertEquals(OlmMessage.TYPE_PRE_KEY, first.type());

            Reply inbound = theirs.call("olm_inbound", "account", bob.handle(),
                    "identity_key", alice.identityKeys().curve25519(), "ciphertext", first.ciphertext());
            assertArrayEquals(hello, inbound.bytes("plaintext"));
            assertEquals(outbound.sessionId(), inbound.str("session_id"));

            // A pre-key message for a one-time key they have used up must not open a second session.
            Reply again = theirs.attempt("olm_inbound", "account", bob.handle(),
                    "identity_key", alice.identityKeys().curve25519(), "ciphertext", first.ciphertext());
            assertFalse(again.ok(), "their account accepted a used one-time key twice");

            converse(outbound, inbound.handle(), 3);
        }
    }

    @Test
    void theirOlmPreKeyMessageDecryptsHereAndOurReplyDecryptsThere() {
        try (Account bob = ours.createAccount()) {
            bob.generateOneTimeKeys(1);
            OneTimeKey oneTimeKey = bob.oneTimeKeys().get(0);
            bob.markKeysAsPublished();
            Reply alice = theirs.call("account_new");
            Reply outbound = theirs.call("olm_outbound", "account", alice.handle(),
                    "identity_key", bob.identityKeys().curve25519(), "one_time_key", oneTimeKey.publicKey());

            byte[] hello = randomBytes(333);
            Reply first = theirs.call("olm_encrypt", "h", outbound.handle(), "plaintext", base64(hello));
            assertEquals(OlmMessage.TYPE_PRE_KEY, first.integer("type"));
            OlmMessage preKey = new OlmMessage(first.integer("type"), first.str("ciphertext"));

            // From the wrong sender, the pre-key message is refused (and the key kept).
            try (Account mallory = ours.createAccount()) {
                assertCryptoError(CryptoException.BAD_MESSAGE_KEY_ID,
                        () -> bob.createInboundSession(mallory.identityKeys().curve25519(), preKey).session().close());
            }
            InboundSessionResult inbound = bob.createInboundSession(alice.str("curve25519"), preKey);
            try (Session session = inbound.session()) {
                assertArrayEquals(hello, inbound.plaintext());
                assertEquals(outbound.str("session_id"), session.sessionId());
                assertTrue(session.matchesInbound(alice.str("curve25519"), preKey));
                converse(session, outbound.handle(), 3);
            }
        }
    }

    /**
     * Messages both ways over an established pair, in rounds of two from us then two from them, so
     * each side's ratchet turns once per round. Ends with a message whose MAC byte is flipped,
     * which their side must reject, and then the intact message, which it must still decrypt.
     */
    private void converse(Session mine, String theirSession, int rounds) {
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < 2; i++) {
                byte[] plaintext = randomBytes(1 + random.nextInt(600));
                OlmMessage message = mine.encrypt(plaintext);
                Reply decrypted = theirs.call("olm_decrypt", "h", theirSession,
                        "type", message.type(), "ciphertext", message.ciphertext());
                assertArrayEquals(plaintext, decrypted.bytes("plaintext"), "round " + round + ", ours to theirs");
            }
            for (int i = 0; i < 2; i++) {
                byte[] plaintext = randomBytes(1 + random.nextInt(600));
                Reply encrypted = theirs.call("olm_encrypt", "h", theirSession, "plaintext", base64(plaintext));
                OlmMessage message = new OlmMessage(encrypted.integer("type"), encrypted.str("ciphertext"));
                assertArrayEquals(plaintext, mine.decrypt(message), "round " + round + ", theirs to ours");
            }
        }
        assertTrue(mine.hasReceivedMessage());
        OlmMessage last = mine.encrypt(utf8("after the conversation"));
        assertEquals(OlmMessage.TYPE_MESSAGE, last.type(), "both sides have spoken: no more pre-key messages");
        Reply tampered = theirs.attempt("olm_decrypt", "h", theirSession, "type", last.type(),
                "ciphertext", flipLastByte(last.ciphertext()));
        assertFalse(tampered.ok(), "their session accepted a message with a broken MAC");
        Reply intact = theirs.call("olm_decrypt", "h", theirSession, "type", last.type(), "ciphertext", last.ciphertext());
        assertArrayEquals(utf8("after the conversation"), intact.bytes("plaintext"));
    }

    // --- Megolm ------------------------------------------------------------------------------

    @Test
    void ourMegolmSessionKeyAndExportOpenThere() {
        try (OutboundGroupSession outbound = ours.createOutboundGroupSession()) {
            String sessionKey = outbound.sessionKey();
            List<byte[]> plaintexts = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                plaintexts.add(randomBytes(1 + random.nextInt(2000)));
                messages.add(outbound.encrypt(plaintexts.get(i)));
            }

            Reply inbound = theirs.call("megolm_inbound", "session_key", sessionKey);
            assertEquals(outbound.sessionId(), inbound.str("session_id"));
            assertEquals(0, inbound.num("first_known_index"));
            for (int i = 0; i < messages.size(); i++) {
                Reply decrypted = theirs.call("megolm_decrypt", "h", inbound.handle(), "ciphertext", messages.get(i));
                assertArrayEquals(plaintexts.get(i), decrypted.bytes("plaintext"));
                assertEquals(i, decrypted.num("message_index"));
            }
            assertFalse(theirs.attempt("megolm_decrypt", "h", inbound.handle(),
                    "ciphertext", flipByte(messages.get(3), 20)).ok(), "their side accepted a tampered Megolm message");

            // Exported by us at index 2 (as in a key export file or a backup), imported there.
            try (InboundGroupSession ourInbound = ours.createInboundGroupSession(sessionKey)) {
                String exported = ourInbound.export(2);
                Reply imported = theirs.call("megolm_import", "exported", exported);
                assertEquals(outbound.sessionId(), imported.str("session_id"));
                assertEquals(2, imported.num("first_known_index"));
                Reply decrypted = theirs.call("megolm_decrypt", "h", imported.handle(), "ciphertext", messages.get(4));
                assertArrayEquals(plaintexts.get(4), decrypted.bytes("plaintext"));
                assertEquals(4, decrypted.num("message_index"));
                assertFalse(theirs.attempt("megolm_decrypt", "h", imported.handle(), "ciphertext", messages.get(1)).ok(),
                        "an export at index 2 decrypted message 1 there");
                // Exports are deterministic (index, ratchet, signing key): theirs must equal ours.
                assertEquals(exported, theirs.call("megolm_export", "h", imported.handle(), "index", 2).str("exported"));
            }
        }
    }

    @Test
    void theirMegolmSessionKeyAndExportOpenHere() {
        Reply outbound = theirs.call("megolm_outbound");
        assertEquals(0, outbound.num("message_index"));
        List<byte[]> plaintexts = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            plaintexts.add(randomBytes(1 + random.nextInt(2000)));
            messages.add(theirs.call("megolm_encrypt", "h", outbound.handle(),
                    "plaintext", base64(plaintexts.get(i))).str("ciphertext"));
        }
        try (InboundGroupSession inbound = ours.createInboundGroupSession(outbound.str("session_key"))) {
            assertEquals(outbound.str("session_id"), inbound.sessionId());
            for (int i = 0; i < messages.size(); i++) {
                var decrypted = inbound.decrypt(messages.get(i));
                assertArrayEquals(plaintexts.get(i), decrypted.plaintext());
                assertEquals(i, decrypted.messageIndex());
            }
            assertCryptoError(CryptoException.BAD_SIGNATURE, () -> inbound.decrypt(flipByte(messages.get(3), 20)));

            Reply theirInbound = theirs.call("megolm_inbound", "session_key", outbound.str("session_key"));
            String exported = theirs.call("megolm_export", "h", theirInbound.handle(), "index", 3).str("exported");
            assertEquals(inbound.export(3), exported, "exports of one session at one index are the same bytes");
            try (InboundGroupSession imported = ours.importInboundGroupSession(exported)) {
                assertEquals(outbound.str("session_id"), imported.sessionId());
                assertEquals(3, imported.firstKnownIndex());
                assertArrayEquals(plaintexts.get(4), imported.decrypt(messages.get(4)).plaintext());
                assertCryptoError(CryptoException.UNKNOWN_MESSAGE_INDEX, () -> imported.decrypt(messages.get(2)));
            }
        }
    }

    // --- SAS ---------------------------------------------------------------------------------

    static final String SAS_INFO = "MATRIX_KEY_VERIFICATION_SAS|@alice:example.org|ALICEDEVICE|%s"
            + "|@bob:example.org|BOBDEVICE|%s|txn-cross-check";

    /** The MAC info of key verification, spec v1.x: sender then receiver, then the key id. */
    static String macInfo(String from, String fromDevice, String to, String toDevice, String keyId) {
        return "MATRIX_KEY_VERIFICATION_MAC" + from + fromDevice + to + toDevice + "txn-cross-check" + keyId;
    }

    /**
     * mxj is Alice, the peer Bob. Both derive the same SAS (bytes, emoji, decimals). Alice's MACs
     * of her device key and key list are what Bob computes (so Bob verifies them), and Bob's MACs
     * of his are what Alice computes, in {@code hkdf-hmac-sha256.v2} (the fixed base64) and in the
     * old {@code hkdf-hmac-sha256}.
     */
    @Test
    void sasBytesAndMacsAgreeBothWays() {
        try (Sas alice = ours.createSas()) {
            Reply bob = theirs.call("sas_new");
            alice.setTheirPublicKey(bob.str("public_key"));
            theirs.call("sas_set_their_key", "h", bob.handle(), "public_key", alice.publicKey());
            String info = String.format(SAS_INFO, alice.publicKey(), bob.str("public_key"));

            byte[] sasBytes = alice.generateBytes(info, 6);
            Reply theirBytes = theirs.call("sas_bytes", "h", bob.handle(), "info", info, "count", 6);
            assertTrue(theirBytes.has("bytes") || theirBytes.has("emoji"), "the peer gave no SAS to compare");
            if (theirBytes.has("bytes")) {
                assertArrayEquals(sasBytes, theirBytes.bytes("bytes"));
            }
            if (theirBytes.has("emoji")) {
                assertArrayEquals(SasCodes.emoji(sasBytes), theirBytes.ints("emoji"));
                assertArrayEquals(SasCodes.decimals(sasBytes), theirBytes.ints("decimals"));
            }

            String aliceDeviceKey;
            try (Account aliceDevice = ours.createAccount()) {
                aliceDeviceKey = aliceDevice.identityKeys().ed25519();
            }
            String bobDeviceKey = theirs.call("account_new").str("ed25519");
            for (String variant : List.of("v2", "v1")) {
                // Alice -> Bob: her device key, then the list of key ids.
                String keyInfo = macInfo("@alice:example.org", "ALICEDEVICE", "@bob:example.org", "BOBDEVICE",
                        "ed25519:ALICEDEVICE");
                String keysInfo = macInfo("@alice:example.org", "ALICEDEVICE", "@bob:example.org", "BOBDEVICE", "KEY_IDS");
                assertSameMac(alice, bob, variant, aliceDeviceKey, keyInfo);
                assertSameMac(alice, bob, variant, "ed25519:ALICEDEVICE", keysInfo);
                // Bob -> Alice.
                String bobKeyInfo = macInfo("@bob:example.org", "BOBDEVICE", "@alice:example.org", "ALICEDEVICE",
                        "ed25519:BOBDEVICE");
                assertSameMac(alice, bob, variant, bobDeviceKey, bobKeyInfo);
            }
            assertNotEquals(mac(alice, "v2", aliceDeviceKey, "i"), mac(alice, "v1", aliceDeviceKey, "i"),
                    "the two MAC variants must differ, or this check could not tell them apart");
        }
    }

    private void assertSameMac(Sas mine, Reply theirSas, String variant, String input, String info) {
        String expected = mac(mine, variant, input, info);
        String actual = theirs.call("sas_mac", "h", theirSas.handle(), "input", input, "info", info,
                "variant", variant).str("mac");
        assertEquals(expected, actual, variant + " MAC of " + input);
        String other = theirs.call("sas_mac", "h", theirSas.handle(), "input", input, "info", info + "x",
                "variant", variant).str("mac");
        assertNotEquals(expected, other, "their MAC ignores its info string");
    }

    private static String mac(Sas sas, String variant, String input, String info) {
        return variant.equals("v2") ? sas.calculateMac(input, info) : sas.calculateMacInvalidBase64(input, info);
    }

    // --- Key backup (PK encryption) ------------------------------------------------------

    /** A session_data plaintext as m.megolm_backup.v1.curve25519-aes-sha2 encrypts it. */
    protected byte[] backupPayload() {
        try (OutboundGroupSession session = ours.createOutboundGroupSession();
             InboundGroupSession inbound = ours.createInboundGroupSession(session.sessionKey())) {
            return utf8("{\"algorithm\":\"m.megolm.v1.aes-sha2\",\"forwarding_curve25519_key_chain\":[],"
                    + "\"sender_claimed_keys\":{\"ed25519\":\"" + base64(randomBytes(32)) + "\"},"
                    + "\"sender_key\":\"" + base64(randomBytes(32)) + "\",\"session_key\":\"" + inbound.export(0) + "\"}");
        }
    }

    @Test
    void ourBackupPayloadDecryptsThereAndTheirsHere() {
        byte[] payload = backupPayload();

        Reply theirKey = theirs.call("pk_decryption_new");
        try (PkEncryption encryption = ours.createPkEncryption(theirKey.str("public_key"))) {
            PkMessage message = encryption.encrypt(payload);
            Reply decrypted = theirs.call("pk_decrypt", "h", theirKey.handle(), "ciphertext", message.ciphertext(),
                    "mac", message.mac(), "ephemeral_key", message.ephemeralKey());
            assertArrayEquals(payload, decrypted.bytes("plaintext"));
            assertFalse(theirs.attempt("pk_decrypt", "h", theirKey.handle(), "ciphertext", message.ciphertext(),
                    "mac", flipLastByte(message.mac()), "ephemeral_key", message.ephemeralKey()).ok(),
                    "their side accepted a backup with a wrong MAC");
        }

        try (PkDecryption mine = ours.createPkDecryption()) {
            Reply encrypted = theirs.call("pk_encrypt", "public_key", mine.publicKey(), "plaintext", base64(payload));
            PkMessage message = new PkMessage(encrypted.str("ciphertext"), encrypted.str("mac"), encrypted.str("ephemeral_key"));
            assertEquals(8, unbase64(message.mac()).length);
            assertArrayEquals(payload, mine.decrypt(message));
            PkMessage wrongMac = new PkMessage(message.ciphertext(), flipLastByte(message.mac()), message.ephemeralKey());
            assertCryptoError(CryptoException.BAD_MESSAGE_MAC, () -> mine.decrypt(wrongMac));
        }
    }

    // --- Ed25519 -------------------------------------------------------------------------------

    /** Canonical JSON of a device_keys object, as signed for /keys/upload. */
    protected static final byte[] DEVICE_KEYS = utf8("{\"algorithms\":[\"m.olm.v1.curve25519-aes-sha2\","
            + "\"m.megolm.v1.aes-sha2\"],\"device_id\":\"JLAFKJWSCS\",\"keys\":{\"curve25519:JLAFKJWSCS\":"
            + "\"3C5BFWi2Y8MaVvjM8M22DBmh24PmgR0nPvJOIArzgyI\",\"ed25519:JLAFKJWSCS\":"
            + "\"lEuiRJBit0IG6nUf5pUzWTUEsRVVe/HJkoKuEww9ULI\"},\"user_id\":\"@alice:example.com\"}");

    @Test
    void ourSignaturesVerifyThere() {
        try (Account account = ours.createAccount(); PkSigning master = ours.createPkSigning()) {
            assertVerifiesThere(account.identityKeys().ed25519(), account.sign(DEVICE_KEYS));
            assertVerifiesThere(master.publicKey(), master.sign(DEVICE_KEYS));
        }
    }

    private void assertVerifiesThere(String publicKey, String signature) {
        Reply good = theirs.call("ed25519_verify", "public_key", publicKey, "message", base64(DEVICE_KEYS),
                "signature", signature);
        assertTrue(good.bool("valid"), () -> "their side rejected our signature: " + good.fields());
        byte[] changed = DEVICE_KEYS.clone();
        changed[changed.length - 3] ^= 1;
        assertFalse(theirs.call("ed25519_verify", "public_key", publicKey, "message", base64(changed),
                "signature", signature).bool("valid"), "their side accepted our signature over other bytes");
    }

    @Test
    void theirAccountSignaturesVerifyHere() {
        Reply account = theirs.call("account_new");
        String signature = theirs.call("account_sign", "h", account.handle(), "message", base64(DEVICE_KEYS)).str("signature");
        assertVerifiesHere(account.str("ed25519"), signature);
    }

    protected void assertVerifiesHere(String publicKey, String signature) {
        assertDoesNotThrow(() -> ours.verifyEd25519(publicKey, DEVICE_KEYS, signature));
        byte[] changed = DEVICE_KEYS.clone();
        changed[changed.length - 3] ^= 1;
        assertCryptoError(CryptoException.BAD_MESSAGE_MAC, () -> ours.verifyEd25519(publicKey, changed, signature));
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Flips one bit of the byte at {@code index} of a base64 value, keeping it valid base64. */
    static String flipByte(String base64, int index) {
        byte[] raw = unbase64(base64);
        raw[index] ^= 0x01;
        return base64(raw);
    }

    static String flipLastByte(String base64) {
        return flipByte(base64, unbase64(base64).length - 1);
    }
}
