package dev.mxj.crypto.machine;

import dev.mxj.crypto.keyexport.ExportedRoomKey;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * mxj's key export files against matrix-rust-sdk's (the crypto of matrix-js-sdk and Element Web),
 * through {@code @matrix-org/matrix-sdk-crypto-wasm} in Node ({@code src/test/node/keyexport_peer.mjs},
 * the package from {@code bench/js/node_modules}): the Rust side decrypts mxj's file, encrypts the
 * keys again, and mxj imports that file and decrypts the event.
 *
 * <p>Without Node or the package the class fails when the environment variable {@code CI} is set,
 * and is skipped otherwise; both say what to install.
 */
class RoomKeyExportCrossCheckTest {
    static final RoomId ROOM = RoomId.of("!room:example.org");
    private static Path node;
    private static Path wasm;
    private final TestNet net = new TestNet();

    @BeforeAll
    static void findPeer() {
        String configured = System.getProperty("mxj.node");
        if (configured != null) {
            node = Path.of(configured);
        } else {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, "node"))) {
                    node = Path.of(dir, "node");
                    break;
                }
            }
        }
        wasm = base().resolveSibling("bench/js/node_modules/@matrix-org/matrix-sdk-crypto-wasm");
        if (node == null || !Files.isExecutable(node) || !Files.isDirectory(wasm)) {
            String message = "Node.js 18+ and @matrix-org/matrix-sdk-crypto-wasm are needed for this cross-check:"
                    + " install Node (or point -Dmxj.node at it) and run npm ci in bench/js";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    private static Path base() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    @AfterEach
    void close() {
        net.close();
    }

    @Test
    void rustCryptoReadsOurExportAndWeReadItsExport() throws Exception {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        TestNet.Party bob1 = net.party("@bob:example.org", "BOB1");
        RawJson event = alice.send(ROOM, List.of(alice.user, bob1.user), EncryptionSettings.defaults(), "interop");
        bob1.settle();
        char[] passphrase = "ein Passwort mit Ümlaut".toCharArray();
        String export = bob1.machine.exportRoomKeys(passphrase, List.of(ROOM), 10_000);
        ExportedRoomKey ours = bob1.machine.exportedRoomKeys(List.of(ROOM)).get(0);

        RawJson reply = run(Map.of("project", base().resolveSibling("bench/js").toString(), "passphrase", new String(passphrase), "export", export,
                "rounds", 10_000L));
        List<RawJson> decrypted = RawJson.parse("{\"keys\":" + reply.string("decrypted").orElseThrow() + "}")
                .array("keys");
        assertEquals(1, decrypted.size());
        RawJson theirs = decrypted.get(0);
        assertEquals(ours.sessionId(), theirs.string("session_id").orElseThrow());
        assertEquals(ours.sessionKey(), theirs.string("session_key").orElseThrow());
        assertEquals(ROOM.value(), theirs.string("room_id").orElseThrow());
        assertEquals(ours.senderKey(), theirs.string("sender_key").orElseThrow());
        assertEquals(ours.claimedEd25519().orElseThrow(),
                theirs.object("sender_claimed_keys").orElseThrow().string("ed25519").orElseThrow());
        assertNotEquals("accepted", reply.string("wrongPassphrase").orElseThrow());

        TestNet.Party bob2 = net.party("@bob:example.org", "BOB2");
        assertInstanceOf(DecryptionResult.UnableToDecrypt.class, bob2.decrypt(ROOM, event));
        RoomKeyImport imported = bob2.machine.importRoomKeys(reply.string("reencrypted").orElseThrow(), passphrase);
        assertEquals(1, imported.imported());
        DecryptionResult.Decrypted ok = assertInstanceOf(DecryptionResult.Decrypted.class, bob2.decrypt(ROOM, event));
        assertEquals("interop", ok.content().string("body").orElseThrow());
    }

    private static RawJson run(Map<String, Object> request) throws Exception {
        Path script = Path.of(System.getProperty("basedir", ".")).resolve("src/test/node/keyexport_peer.mjs");
        Path input = Files.createTempFile("mxj-keyexport-peer", ".json");
        Path errors = Files.createTempFile("mxj-keyexport-peer", ".stderr");
        try {
            Files.writeString(input, RawJson.ofTree(request).json(), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(node.toString(), script.toAbsolutePath().toString())
                    .redirectInput(input.toFile()).redirectError(errors.toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                fail("The matrix-sdk-crypto-wasm peer failed: " + Files.readString(errors));
            }
            return RawJson.parse(new String(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(errors);
        }
    }
}
