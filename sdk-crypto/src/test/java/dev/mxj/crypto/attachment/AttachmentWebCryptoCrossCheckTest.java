package dev.mxj.crypto.attachment;

import dev.mxj.json.RawJson;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.mxj.crypto.attachment.AttachmentTesting.URL;
import static dev.mxj.crypto.attachment.AttachmentTesting.base64;
import static dev.mxj.crypto.attachment.AttachmentTesting.bytes;
import static dev.mxj.crypto.attachment.AttachmentTesting.readInOddChunks;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * mxj against WebCrypto, the engine Element Web encrypts attachments with ({@code AES-CTR} with
 * {@code length: 64}, keys exported as JWK), run by Node ({@code src/test/node/attachment_peer.mjs}):
 * each side decrypts what the other encrypted, and both produce the same ciphertext from one key and
 * IV, including IVs whose 64-bit counter wraps within the file.
 *
 * <p>Without Node the class fails when the environment variable {@code CI} is set, and is skipped
 * otherwise; both say what to install.
 */
class AttachmentWebCryptoCrossCheckTest {
    private static final int[] SIZES = {0, 1, 16, 1000, 1024 * 1024 + 7};
    private static Path node;

    @BeforeAll
    static void findNode() {
        String configured = System.getProperty("mxj.node");
        if (configured != null) {
            node = Path.of(configured);
        } else {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "node");
                if (Files.isExecutable(candidate)) {
                    node = candidate;
                    break;
                }
            }
        }
        if (node == null || !Files.isExecutable(node)) {
            String message = "Node.js (18 or later, for WebCrypto) is needed for this cross-check: install it"
                    + " (apt-get install nodejs) or point -Dmxj.node at it";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    @Test
    void eachSideDecryptsWhatTheOtherEncrypted() throws Exception {
        List<Map<String, Object>> requests = new ArrayList<>();
        List<byte[]> plaintexts = new ArrayList<>();
        List<byte[]> ourCiphertexts = new ArrayList<>();
        List<EncryptedFile> ourFiles = new ArrayList<>();
        for (int size : SIZES) {
            byte[] plaintext = bytes(size, 31L * size);
            plaintexts.add(plaintext);
            requests.add(request("encrypt", "plaintext", base64(plaintext)));
            AttachmentEncryptor encryptor = AttachmentEncryptor.create();
            byte[] ciphertext = encryptor.encrypt(plaintext);
            EncryptedFile file = encryptor.finish(URL);
            ourCiphertexts.add(ciphertext);
            ourFiles.add(file);
            Map<String, Object> info = new LinkedHashMap<>(asMap(file.toJson()));
            info.remove("url");
            requests.add(request("decrypt", "info", info, "ciphertext", base64(ciphertext)));
        }
        List<RawJson> answers = run(requests);

        for (int i = 0; i < SIZES.length; i++) {
            RawJson encrypted = answers.get(2 * i);
            Map<String, Object> info = new LinkedHashMap<>(asMap(encrypted.object("info").orElseThrow()));
            info.put("url", URL.value());
            EncryptedFile theirs = EncryptedFile.fromJson(RawJson.ofTree(info));
            byte[] theirCiphertext = base64(encrypted.string("ciphertext").orElseThrow());
            AttachmentDecryptor decryptor = AttachmentDecryptor.of(theirs);
            assertArrayEquals(plaintexts.get(i), decryptor.decrypt(theirCiphertext), "size " + SIZES[i]);
            assertArrayEquals(plaintexts.get(i), readInOddChunks(
                    decryptor.decrypt(new java.io.ByteArrayInputStream(theirCiphertext)), i));

            RawJson decrypted = answers.get(2 * i + 1);
            assertTrue(decrypted.string("error").isEmpty(), "WebCrypto refused ours: " + decrypted);
            assertArrayEquals(plaintexts.get(i), base64(decrypted.string("plaintext").orElseThrow()), "size " + SIZES[i]);
        }
    }

    @Test
    void webCryptoRefusesOurFileWhenItsCiphertextChanged() throws Exception {
        AttachmentEncryptor encryptor = AttachmentEncryptor.create();
        byte[] ciphertext = encryptor.encrypt(bytes(100, 1));
        Map<String, Object> info = new LinkedHashMap<>(asMap(encryptor.finish(URL).toJson()));
        ciphertext[5] ^= 1;
        RawJson answer = run(List.of(request("decrypt", "info", info, "ciphertext", base64(ciphertext)))).get(0);
        assertEquals("sha256 mismatch", answer.string("error").orElseThrow(), answer.toString());
    }

    /** One key and IV give the same bytes here and there, also where the 64-bit counter wraps mid-file. */
    @Test
    void theCounterWrapsAsWebCryptosSixtyFourBitCounterDoes() throws Exception {
        long[] counters = {0, 1, 0x7FFF_FFFF_FFFF_FFFFL, 0xFFFF_FFFF_FFFF_FFF0L, 0xFFFF_FFFF_FFFF_FFFEL, -1L};
        byte[] plaintext = bytes(1000, 77);
        List<Map<String, Object>> requests = new ArrayList<>();
        List<byte[]> ours = new ArrayList<>();
        for (long counter : counters) {
            byte[] key = bytes(32, counter);
            byte[] iv = bytes(16, ~counter);
            java.nio.ByteBuffer.wrap(iv).putLong(8, counter);
            requests.add(request("encrypt_with", "key", base64(key), "iv", base64(iv), "plaintext", base64(plaintext)));
            AttachmentEncryptor encryptor = AttachmentEncryptor.withKeyForTesting(key, iv);
            java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
            try (OutputStream out = encryptor.encrypt(sink)) {
                AttachmentTesting.writeInOddChunks(out, plaintext, counter);
            }
            ours.add(sink.toByteArray());
        }
        List<RawJson> answers = run(requests);
        for (int i = 0; i < counters.length; i++) {
            assertArrayEquals(base64(answers.get(i).string("ciphertext").orElseThrow()), ours.get(i),
                    "counter " + Long.toHexString(counters[i]));
        }
    }

    private static Map<String, Object> request(String op, Object... arguments) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("op", op);
        for (int i = 0; i < arguments.length; i += 2) {
            request.put((String) arguments[i], arguments[i + 1]);
        }
        return request;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(RawJson json) {
        return (Map<String, Object>) RawJson.parse(json.json()).tree();
    }

    /** Runs the peer once with {@code requests} and returns its answers, in order. */
    private static List<RawJson> run(List<Map<String, Object>> requests) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("basedir", ".")).resolve("src/test/node/attachment_peer.mjs");
        Path input = Files.createTempFile("mxj-attachment-peer", ".json");
        Path errors = Files.createTempFile("mxj-attachment-peer", ".stderr");
        try {
            Files.writeString(input, RawJson.ofTree(requests).json(), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(node.toString(), script.toAbsolutePath().toString())
                    .redirectInput(input.toFile())
                    .redirectError(errors.toFile())
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                fail("The WebCrypto peer failed: " + Files.readString(errors));
            }
            RawJson reply = RawJson.parse(new String(out, StandardCharsets.UTF_8));
            System.out.println("cross-check peer: WebCrypto in Node " + reply.string("node").orElse("?"));
            List<RawJson> answers = reply.array("answers");
            assertEquals(requests.size(), answers.size());
            return answers;
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(errors);
        }
    }
}
