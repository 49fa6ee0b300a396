package dev.mxj.crypto.olm.crosscheck;

import dev.mxj.crypto.olm.Account;
import dev.mxj.crypto.olm.InboundGroupSession;
import dev.mxj.crypto.olm.InboundSessionResult;
import dev.mxj.crypto.olm.OlmMessage;
import dev.mxj.crypto.olm.OutboundGroupSession;
import dev.mxj.crypto.olm.PkDecryption;
import dev.mxj.crypto.olm.PkEncryption;
import dev.mxj.crypto.olm.PkMessage;
import dev.mxj.crypto.olm.Sas;
import dev.mxj.crypto.olm.Session;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.mxj.crypto.olm.OlmTesting.base64;
import static dev.mxj.crypto.olm.OlmTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * mxj's libolm backend against vodozemac, the Matrix.org Foundation's Rust successor to libolm
 * (the one matrix-rust-sdk and matrix-js-sdk use), through its PyPI bindings in a virtual
 * environment ({@code src/test/python/vodozemac_peer.py}). An independent implementation: agreement
 * here means mxj speaks the protocol, not just libolm.
 */
class VodozemacCrossCheckTest extends CrossCheckSuite {
    /** The version scripts/setup installs; used in the install advice. */
    static final String PINNED = "0.10.0";

    /** {@code ${MXJ_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/mxj}/pyvenv}, as scripts/setup creates it. */
    static Path venv() {
        String cache = System.getenv("MXJ_CACHE_DIR");
        if (cache == null || cache.isBlank()) {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
            return base.resolve("mxj").resolve("pyvenv");
        }
        return Path.of(cache).resolve("pyvenv");
    }

    @Override
    protected PythonPeer.Spec peer() {
        Path venv = venv();
        Path python = Path.of(System.getProperty("mxj.vodozemac.python", venv.resolve("bin/python").toString()));
        return new PythonPeer.Spec("vodozemac", python, PythonPeer.scriptDir().resolve("vodozemac_peer.py"),
                "apt-get install python3-venv && /usr/bin/python3 -m venv " + venv + " && "
                        + venv.resolve("bin/pip") + " install vodozemac==" + PINNED);
    }

    /** vodozemac's own verify_mac (constant-time) accepts our v2 MAC and rejects a changed one. */
    @Test
    void theirSasVerifierAcceptsOurMac() {
        try (Sas alice = ours.createSas()) {
            Reply bob = theirs.call("sas_new");
            alice.setTheirPublicKey(bob.str("public_key"));
            theirs.call("sas_set_their_key", "h", bob.handle(), "public_key", alice.publicKey());
            String info = macInfo("@alice:example.org", "ALICEDEVICE", "@bob:example.org", "BOBDEVICE", "KEY_IDS");
            String mac = alice.calculateMac("ed25519:ALICEDEVICE", info);
            assertTrue(theirs.call("sas_verify_mac", "h", bob.handle(), "input", "ed25519:ALICEDEVICE", "info", info,
                    "mac", mac).bool("valid"));
            assertFalse(theirs.call("sas_verify_mac", "h", bob.handle(), "input", "ed25519:ALICEDEVICE", "info", info,
                    "mac", flipLastByte(mac)).bool("valid"));
            assertFalse(theirs.call("sas_verify_mac", "h", bob.handle(), "input", "ed25519:ALICEDEVICE", "info", info,
                    "mac", alice.calculateMacInvalidBase64("ed25519:ALICEDEVICE", info)).bool("valid"),
                    "the old MAC must not pass as the v2 one");
        }
    }

    /** A backup key restored from its private part (as from secret storage) decrypts there. */
    @Test
    void ourBackupPrivateKeyRestoresThere() {
        byte[] payload = backupPayload();
        try (PkDecryption mine = ours.createPkDecryption();
             PkEncryption encryption = ours.createPkEncryption(mine.publicKey())) {
            Reply restored = theirs.call("pk_decryption_from_private_key", "private_key", base64(mine.privateKey()));
            assertEquals(mine.publicKey(), restored.str("public_key"));
            PkMessage message = encryption.encrypt(payload);
            assertArrayEquals(payload, theirs.call("pk_decrypt", "h", restored.handle(), "ciphertext", message.ciphertext(),
                    "mac", message.mac(), "ephemeral_key", message.ephemeralKey()).bytes("plaintext"));
        }
    }

    /**
     * vodozemac reads libolm pickles (how matrix-rust-sdk migrates libolm stores): our account,
     * Olm session and inbound group session pickles open there and go on working.
     */
    @Test
    void ourLibolmPicklesOpenThere() {
        byte[] key = randomBytes(32);
        try (Account alice = ours.createAccount(); Account bob = ours.createAccount()) {
            Reply account = theirs.call("account_from_libolm_pickle", "pickle", alice.pickle(key), "key", base64(key));
            assertEquals(alice.identityKeys().curve25519(), account.str("curve25519"));
            assertEquals(alice.identityKeys().ed25519(), account.str("ed25519"));
            byte[] message = utf8("signed by the same key");
            assertEquals(alice.sign(message),
                    theirs.call("account_sign", "h", account.handle(), "message", base64(message)).str("signature"));

            bob.generateOneTimeKeys(1);
            String oneTimeKey = bob.oneTimeKeys().get(0).publicKey();
            bob.markKeysAsPublished();
            try (Session outbound = alice.createOutboundSession(bob.identityKeys().curve25519(), oneTimeKey)) {
                OlmMessage first = outbound.encrypt(utf8("first"));
                InboundSessionResult inbound = bob.createInboundSession(alice.identityKeys().curve25519(), first);
                try (Session bobSession = inbound.session()) {
                    Reply moved = theirs.call("olm_session_from_libolm_pickle", "pickle", bobSession.pickle(key),
                            "key", base64(key));
                    assertEquals(bobSession.sessionId(), moved.str("session_id"));
                    byte[] next = randomBytes(100);
                    OlmMessage sent = outbound.encrypt(next);
                    assertArrayEquals(next, theirs.call("olm_decrypt", "h", moved.handle(), "type", sent.type(),
                            "ciphertext", sent.ciphertext()).bytes("plaintext"));
                    byte[] reply = randomBytes(100);
                    Reply answer = theirs.call("olm_encrypt", "h", moved.handle(), "plaintext", base64(reply));
                    assertArrayEquals(reply, outbound.decrypt(new OlmMessage(answer.integer("type"), answer.str("ciphertext"))));
                }
            }
        }
        try (OutboundGroupSession outbound = ours.createOutboundGroupSession();
             InboundGroupSession inbound = ours.createInboundGroupSession(outbound.sessionKey())) {
            byte[] plaintext = randomBytes(500);
            String ciphertext = outbound.encrypt(plaintext);
            Reply moved = theirs.call("megolm_from_libolm_pickle", "pickle", inbound.pickle(key), "key", base64(key));
            assertEquals(inbound.sessionId(), moved.str("session_id"));
            assertArrayEquals(plaintext, theirs.call("megolm_decrypt", "h", moved.handle(), "ciphertext", ciphertext)
                    .bytes("plaintext"));
        }
    }
}
