package dev.mxj.crypto.attachment;

import dev.mxj.crypto.attachment.AttachmentException.Reason;
import dev.mxj.id.MxcUri;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Shared helpers of the attachment tests. */
final class AttachmentTesting {
    static final MxcUri URL = MxcUri.of("mxc://example.org/FHyPlCeYUSFFxlgbQYZmoEoe");

    private AttachmentTesting() {
    }

    /** {@code size} bytes that depend on {@code seed}. */
    static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static byte[] base64(String text) {
        return Base64.getDecoder().decode(text);
    }

    static String base64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    static String sha256(byte[] data) {
        MessageDigest digest = AttachmentEncryptor.newSha256();
        return Base64.getEncoder().withoutPadding().encodeToString(digest.digest(data));
    }

    /** Asserts that {@code action} fails with {@code reason}, and that the message names no key material. */
    static AttachmentException assertFails(Reason reason, EncryptedFile file, Executable action) {
        AttachmentException e = assertThrows(AttachmentException.class, action);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(reason.name(), e.errorName());
        String k = file.key().k();
        assertFalse(k.length() > 8 && e.getMessage().contains(k), "the message must not contain the key");
        return e;
    }

    /** Reads {@code in} to its end in reads of varying sizes (1 to 8191 bytes). */
    static byte[] readInOddChunks(InputStream in, long seed) throws IOException {
        Random random = new Random(seed);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            int want = 1 + random.nextInt(buffer.length - 1);
            int offset = random.nextInt(buffer.length - want + 1);
            int n = in.read(buffer, offset, want);
            if (n < 0) {
                return out.toByteArray();
            }
            out.write(buffer, offset, n);
        }
    }

    /** Writes {@code data} to {@code out} in writes of varying sizes, some of them single bytes. */
    static void writeInOddChunks(OutputStream out, byte[] data, long seed) throws IOException {
        Random random = new Random(seed);
        int done = 0;
        while (done < data.length) {
            if (random.nextInt(8) == 0) {
                out.write(data[done++]);
                continue;
            }
            int n = Math.min(data.length - done, 1 + random.nextInt(40_000));
            out.write(data, done, n);
            done += n;
        }
    }

    /**
     * A stream of {@code length} pseudo-random bytes made as they are read, never held whole; the
     * byte at each position is the same however the stream is read.
     */
    static InputStream generated(long length, long seed) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position == length) {
                    return -1;
                }
                int n = (int) Math.min(len, length - position);
                for (int i = 0; i < n; i++) {
                    long x = (position + i) * 0x9E3779B97F4A7C15L + seed;
                    b[off + i] = (byte) ((x ^ (x >>> 29)) >>> 32);
                }
                position += n;
                return n;
            }
        };
    }
}
