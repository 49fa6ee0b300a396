package dev.mxj.crypto.attachment;

import dev.mxj.id.MxcUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

import static dev.mxj.crypto.attachment.AttachmentTesting.URL;
import static dev.mxj.crypto.attachment.AttachmentTesting.bytes;
import static dev.mxj.crypto.attachment.AttachmentTesting.generated;
import static dev.mxj.crypto.attachment.AttachmentTesting.readInOddChunks;
import static dev.mxj.crypto.attachment.AttachmentTesting.sha256;
import static dev.mxj.crypto.attachment.AttachmentTesting.writeInOddChunks;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encrypting and decrypting attachments of every size, whole and streamed. */
class AttachmentRoundTripTest {
    private static final int MIB = 1024 * 1024;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 4096, MIB + 13})
    void decryptsWhatItEncryptedWholeAndStreamed(int size) throws IOException {
        byte[] plaintext = bytes(size, size);
        AttachmentEncryptor encryptor = AttachmentEncryptor.create();
        byte[] ciphertext = encryptor.encrypt(plaintext);
        EncryptedFile file = encryptor.finish(URL);

        assertEquals(size, ciphertext.length, "CTR keeps the length");
        assertEquals(size, encryptor.length());
        assertEquals(sha256(ciphertext), file.sha256().orElseThrow());
        if (size >= 16) {
            assertFalse(java.util.Arrays.equals(plaintext, ciphertext));
        }
        AttachmentDecryptor decryptor = AttachmentDecryptor.of(file);
        assertArrayEquals(plaintext, decryptor.decrypt(ciphertext));
        assertArrayEquals(plaintext, decryptor.decrypt(new ByteArrayInputStream(ciphertext)).readAllBytes());
        assertArrayEquals(plaintext, readInOddChunks(decryptor.decrypt(new ByteArrayInputStream(ciphertext)), size));
        decryptor.verify(new ByteArrayInputStream(ciphertext));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16, 33, MIB + 13})
    void theStreamsGiveTheSameCiphertextAsTheWholeArray(int size) throws IOException {
        byte[] plaintext = bytes(size, 7 * size);
        byte[] key = bytes(32, 1);
        byte[] iv = new byte[16];
        System.arraycopy(bytes(8, 2), 0, iv, 0, 8);

        AttachmentEncryptor whole = AttachmentEncryptor.withKeyForTesting(key, iv);
        byte[] expected = whole.encrypt(plaintext);

        AttachmentEncryptor reading = AttachmentEncryptor.withKeyForTesting(key, iv);
        byte[] read = readInOddChunks(reading.encrypt(new ByteArrayInputStream(plaintext)), 3);

        AttachmentEncryptor writing = AttachmentEncryptor.withKeyForTesting(key, iv);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = writing.encrypt(sink)) {
            writeInOddChunks(out, plaintext, 4);
        }

        AttachmentEncryptor byteByByte = AttachmentEncryptor.withKeyForTesting(key, iv);
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        try (InputStream in = byteByByte.encrypt(new ByteArrayInputStream(plaintext))) {
            for (int b; (b = in.read()) >= 0; ) {
                single.write(b);
            }
        }

        assertArrayEquals(expected, read);
        assertArrayEquals(expected, sink.toByteArray());
        assertArrayEquals(expected, single.toByteArray());
        EncryptedFile file = whole.finish(URL);
        assertEquals(file, reading.finish(URL));
        assertEquals(file, writing.finish(URL));
        assertEquals(file, byteByByte.finish(URL));
    }

    /** 192 MiB through encryption and decryption on a 128 MiB heap (Surefire's -Xmx): nothing is held whole. */
    @Test
    void streamsAFileLargerThanTheHeap() throws IOException {
        long size = 192L * MIB + 5;
        assertTrue(size > Runtime.getRuntime().maxMemory(), "the file must not fit in the heap");
        byte[] key = bytes(32, 5);
        byte[] iv = new byte[16];
        System.arraycopy(bytes(8, 6), 0, iv, 0, 8);

        // First pass: encrypt to learn the ciphertext's hash, as an upload does.
        AttachmentEncryptor first = AttachmentEncryptor.withKeyForTesting(key, iv);
        try (InputStream in = first.encrypt(generated(size, 9))) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        EncryptedFile file = first.finish(URL);
        assertEquals(size, first.length());

        // Second pass: encrypt again and decrypt the stream as it comes, as a download does.
        AttachmentEncryptor again = AttachmentEncryptor.withKeyForTesting(key, iv);
        CRC32C expected = new CRC32C();
        CRC32C actual = new CRC32C();
        try (InputStream plain = new CheckedInputStream(generated(size, 9), expected);
             InputStream decrypted = new CheckedInputStream(
                     AttachmentDecryptor.of(file).decrypt(again.encrypt(plain)), actual)) {
            assertEquals(size, decrypted.transferTo(OutputStream.nullOutputStream()));
        }
        assertEquals(expected.getValue(), actual.getValue());
    }

    @Test
    void aNewEncryptorHasItsOwnKeyAndAnIvWhoseCounterHalfIsZero() {
        Set<String> keys = new HashSet<>();
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            EncryptedFile file = AttachmentEncryptor.create().finish(URL);
            byte[] iv = Base64.getDecoder().decode(file.iv());
            byte[] key = Base64.getUrlDecoder().decode(file.key().k());
            assertEquals(16, iv.length);
            assertEquals(32, key.length);
            for (int b = 8; b < 16; b++) {
                assertEquals(0, iv[b], "the counter half of the IV starts at zero");
            }
            assertTrue(keys.add(file.key().k()));
            assertTrue(nonces.add(file.iv().substring(0, 11)));
        }
    }

    @Test
    void describesTheFileAsTheSpecificationSays() {
        AttachmentEncryptor encryptor = AttachmentEncryptor.create();
        encryptor.encrypt(new byte[] {1, 2, 3});
        EncryptedFile file = encryptor.finish(URL);

        assertEquals(URL, file.url());
        assertEquals("v2", file.version());
        assertEquals(new JsonWebKey("oct", List.of("encrypt", "decrypt"), "A256CTR", file.key().k(), true), file.key());
        assertEquals(Set.of("sha256"), file.hashes().keySet());
        assertTrue(file.key().k().matches("[A-Za-z0-9_-]{43}"), "URL-safe unpadded base64 of 32 bytes");
        assertTrue(file.iv().matches("[A-Za-z0-9+/]{22}"), "unpadded base64 of 16 bytes");
        assertTrue(file.sha256().orElseThrow().matches("[A-Za-z0-9+/]{43}"), "unpadded base64 of 32 bytes");
        assertFalse(file.toString().contains(file.key().k()), "toString must not show the key");
        assertFalse(file.key().toString().contains(file.key().k()));
    }

    @Test
    void finishEndsTheFileAndCanBeAskedAgainForAnotherUrl() {
        AttachmentEncryptor encryptor = AttachmentEncryptor.create();
        encryptor.encrypt(bytes(100, 1));
        EncryptedFile first = encryptor.finish(URL);
        MxcUri other = MxcUri.of("mxc://example.org/other");
        EncryptedFile second = encryptor.finish(other);

        assertEquals(first.withUrl(other), second);
        assertEquals(Map.of("sha256", first.sha256().orElseThrow()), second.hashes());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> encryptor.encrypt(new byte[1]));
        assertTrue(e.getMessage().contains("new AttachmentEncryptor"), e.getMessage());
    }

    @Test
    void twoEncryptionsOfOneFileDiffer() {
        byte[] plaintext = bytes(64, 3);
        assertFalse(java.util.Arrays.equals(AttachmentEncryptor.create().encrypt(plaintext),
                AttachmentEncryptor.create().encrypt(plaintext)));
    }
}
