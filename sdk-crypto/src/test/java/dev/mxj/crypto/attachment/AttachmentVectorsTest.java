package dev.mxj.crypto.attachment;

import dev.mxj.crypto.attachment.AttachmentException.Reason;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static dev.mxj.crypto.attachment.AttachmentTesting.assertFails;
import static dev.mxj.crypto.attachment.AttachmentTesting.base64;
import static dev.mxj.crypto.attachment.AttachmentTesting.readInOddChunks;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Known answers from two other implementations: matrix-encrypt-attachment's decryption vectors
 * (the code behind Element Web; {@code test/decrypt.Spec.js}, made by its
 * {@code generate_test_vectors.py} with Python's {@code cryptography}) and matrix-rust-sdk's
 * ({@code file_encryption/attachments.rs}, {@code real_decrypt}). Only the data is taken.
 */
class AttachmentVectorsTest {
    /** The key of the js vectors: 32 bytes of 0xFF. */
    private static final String ALL_FF_KEY = "__________________________________________8";
    private static final String ALPHANUMERICALLY = "alphanumerically".repeat(4);

    @Test
    void decryptsTheEmptyFileOfTheJsVectors() {
        EncryptedFile file = js("AAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "v2",
                "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
        assertArrayEquals(new byte[0], AttachmentDecryptor.of(file).decrypt(new byte[0]));
    }

    @Test
    void decryptsAndEncryptsHelloWorldOfTheJsVectors() {
        EncryptedFile file = js("//////////8AAAAAAAAAAA", ALL_FF_KEY, "v2", "YzF08lARDdOCzJpzuSwsjTNlQc4pHxpdHcXiD/wpK6k");
        byte[] ciphertext = base64("5xJZTt5cQicm+9f4");
        assertArrayEquals(ascii("Hello, World"), AttachmentDecryptor.of(file).decrypt(ciphertext));

        AttachmentEncryptor encryptor = AttachmentEncryptor.withKeyForTesting(fill(32), base64("//////////8AAAAAAAAAAA=="));
        assertArrayEquals(ciphertext, encryptor.encrypt(ascii("Hello, World")));
        EncryptedFile ours = encryptor.finish(file.url());
        assertEquals(file.sha256(), ours.sha256());
        assertEquals(ALL_FF_KEY, ours.key().k());
        assertEquals(file.iv(), ours.iv());
    }

    @Test
    void decryptsFourBlocksOfTheJsVectorsInEveryChunking() throws IOException {
        EncryptedFile file = js("//////////8AAAAAAAAAAA", ALL_FF_KEY, "v2", "IOq7/dHHB+mfHfxlRY5XMeCWEwTPmlf4cJcgrkf6fVU");
        byte[] ciphertext = base64("zhtFStAeFx0s+9L/sSQO+WQMtldqYEHqTxMduJrCIpnkyer09kxJJuA4K+adQE4w+7jZe/vR9kIcqj9rOhDR8Q==");
        assertDecrypts(file, ciphertext, ascii(ALPHANUMERICALLY));
    }

    /**
     * Version 1 with an IV of all 0xFF: the 64-bit counter wraps to zero after the first block
     * without carrying into the nonce. A 128-bit counter (the JCA's, or version 0's) gets the
     * other three blocks wrong; this is what the wrap in {@link AesCtr64} is for.
     */
    @Test
    void wrapsTheSixtyFourBitCounterAsTheJsV1VectorSays() throws IOException {
        byte[] iv = base64("/////////////////////w==");
        EncryptedFile file = js("/////////////////////w", ALL_FF_KEY, "v1", "LYG/orOViuFwovJpv2YMLSsmVKwLt7pY3f8SYM7KU5E");
        byte[] ciphertext = base64("tJVNBVJ/vl36UQt4Y5e5m84bRUrQHhcdLPvS/7EkDvlkDLZXamBB6k8THbiawiKZ5Mnq9PZMSSbgOCvmnUBOMA==");
        assertDecrypts(file, ciphertext, ascii(ALPHANUMERICALLY));
        assertArrayEquals(ciphertext, AttachmentEncryptor.withKeyForTesting(fill(32), iv).encrypt(ascii(ALPHANUMERICALLY)));
    }

    /** Version 0 (no {@code v}, a 128-bit counter) predates the specification; mxj says so rather than guess. */
    @Test
    void refusesTheJsV0VectorAsUnsupported() {
        RawJson json = RawJson.parse("""
                {"url": "mxc://example.org/v0", "iv": "/////////////////////w",
                 "key": {"kty": "oct", "key_ops": ["encrypt", "decrypt"], "k": "%s", "alg": "A256CTR"},
                 "hashes": {"sha256": "/K4w3G4zlLK312k66KxNPKDkWCn2QAH5aphAkuncTrQ"}}
                """.formatted(ALL_FF_KEY));
        AttachmentException e = org.junit.jupiter.api.Assertions.assertThrows(AttachmentException.class,
                () -> EncryptedFile.fromJson(json));
        assertEquals(Reason.UNSUPPORTED_VERSION, e.reason());
    }

    @Test
    void decryptsTheRustSdkVector() throws IOException {
        int[] data = {179, 154, 118, 127, 186, 127, 110, 33, 203, 33, 33, 134, 67, 100, 173, 46, 235, 27, 215, 172, 36,
                26, 75, 47, 33, 160};
        byte[] ciphertext = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            ciphertext[i] = (byte) data[i];
        }
        EncryptedFile file = EncryptedFile.fromJson(RawJson.parse("""
                {"url": "mxc://example.org/rust", "v": "v2",
                 "key": {"kty": "oct", "alg": "A256CTR", "ext": true,
                         "k": "Voq2nkPme_x8no5-Tjq_laDAdxE6iDbxnlQXxwFPgE4", "key_ops": ["encrypt", "decrypt"]},
                 "iv": "i0DovxYdJEcAAAAAAAAAAA",
                 "hashes": {"sha256": "ANdt819a8bZl4jKy3Z+jcqtiNICa2y0AW4BBJ/iQRAU"}}
                """));
        assertDecrypts(file, ciphertext, ascii("It's a secret to everybody"));
        assertFails(Reason.HASH_MISMATCH, file, () -> AttachmentDecryptor.of(file).decrypt(ascii("fake message")));
    }

    private static void assertDecrypts(EncryptedFile file, byte[] ciphertext, byte[] plaintext) throws IOException {
        AttachmentDecryptor decryptor = AttachmentDecryptor.of(file);
        assertArrayEquals(plaintext, decryptor.decrypt(ciphertext));
        for (long seed = 0; seed < 20; seed++) {
            assertArrayEquals(plaintext, readInOddChunks(decryptor.decrypt(new ByteArrayInputStream(ciphertext)), seed));
        }
        InputStream oneByOne = decryptor.decrypt(new ByteArrayInputStream(ciphertext));
        byte[] read = new byte[plaintext.length];
        for (int i = 0; i < read.length; i++) {
            read[i] = (byte) oneByOne.read();
        }
        assertEquals(-1, oneByOne.read());
        assertArrayEquals(plaintext, read);
    }

    /** A js vector's info (which has no {@code ext}), read through {@link EncryptedFile#fromJson}. */
    private static EncryptedFile js(String iv, String k, String version, String sha256) {
        return EncryptedFile.fromJson(RawJson.parse("""
                {"url": "mxc://example.org/js", "iv": "%s", "v": "%s",
                 "key": {"kty": "oct", "key_ops": ["encrypt", "decrypt"], "k": "%s", "alg": "A256CTR"},
                 "hashes": {"sha256": "%s"}}
                """.formatted(iv, version, k, sha256)));
    }

    private static byte[] fill(int length) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) 0xFF);
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
