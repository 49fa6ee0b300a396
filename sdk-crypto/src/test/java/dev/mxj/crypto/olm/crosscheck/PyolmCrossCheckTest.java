package dev.mxj.crypto.olm.crosscheck;

import dev.mxj.crypto.olm.PkSigning;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.mxj.crypto.olm.OlmTesting.base64;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * mxj's libolm backend against python3-olm, Debian's Python bindings to libolm, in
 * {@code /usr/bin/python3} ({@code src/test/python/pyolm_peer.py}). Both sides run libolm's C
 * code, so this mainly checks mxj's glue: encodings, message types, key formats and which libolm
 * call each method makes (e.g. that {@code calculateMac} is {@code olm_sas_calculate_mac_fixed_base64},
 * which python3-olm calls {@code calculate_mac_fixed_base64}).
 */
class PyolmCrossCheckTest extends CrossCheckSuite {

    @Override
    protected PythonPeer.Spec peer() {
        Path python = Path.of(System.getProperty("mxj.pyolm.python", "/usr/bin/python3"));
        return new PythonPeer.Spec("python3-olm", python, PythonPeer.scriptDir().resolve("pyolm_peer.py"),
                "apt-get install python3-olm (Debian, Ubuntu; it must import in " + python + ")");
    }

    /** Ed25519 signing is deterministic: one seed gives one key and one signature, in both libraries. */
    @Test
    void pkSigningFromOneSeedGivesTheSameKeyAndSignatureThere() {
        try (PkSigning master = ours.createPkSigning()) {
            Reply theirs = this.theirs.call("pk_signing_sign", "seed", base64(master.seed()),
                    "message", base64(DEVICE_KEYS));
            assertEquals(master.publicKey(), theirs.str("public_key"));
            assertEquals(master.sign(DEVICE_KEYS), theirs.str("signature"));
        }
        byte[] seed = randomBytes(32);
        Reply signed = theirs.call("pk_signing_sign", "seed", base64(seed), "message", base64(DEVICE_KEYS));
        assertVerifiesHere(signed.str("public_key"), signed.str("signature"));
    }
}
