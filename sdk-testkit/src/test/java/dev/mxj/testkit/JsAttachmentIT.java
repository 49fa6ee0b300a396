package dev.mxj.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The peer's encrypted attachments follow the spec's format, checked against the JDK's AES-CTR and
 * SHA-256 both ways: what the peer sends, another client can open, and the other way round.
 */
class JsAttachmentIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder UNPADDED = Base64.getEncoder().withoutPadding();
    private static JsPeer peer;

    @BeforeAll
    static void start() {
        peer = JsPeer.builder("attachments").logLevel("info").start();
    }

    @AfterAll
    static void stop() {
        peer.close();
    }

    @Test
    void theJdkDecryptsWhatThePeerEncrypts() throws Exception {
        byte[] plaintext = random(100_003);
        JsAttachment attachment = peer.encryptAttachment(plaintext);
        byte[] key = Base64.getUrlDecoder().decode(attachment.key());
        byte[] iv = Base64.getDecoder().decode(attachment.iv());
        assertEquals(32, key.length);
        assertEquals(16, iv.length);
        assertArrayEquals(new byte[8], Arrays.copyOfRange(iv, 8, 16), "the counter starts at zero");
        assertTrue(!attachment.iv().endsWith("=") && !attachment.sha256().endsWith("="), "unpadded");
        assertEquals(UNPADDED.encodeToString(sha256(attachment.ciphertext())), attachment.sha256());
        assertArrayEquals(plaintext, aesCtr(key, iv, attachment.ciphertext()));
    }

    @Test
    void thePeerDecryptsWhatTheJdkEncrypts() throws Exception {
        byte[] plaintext = random(5_000);
        byte[] key = random(32);
        byte[] iv = new byte[16];
        System.arraycopy(random(8), 0, iv, 0, 8);
        byte[] ciphertext = aesCtr(key, iv, plaintext);
        JsAttachment attachment = new JsAttachment(ciphertext,
                Base64.getUrlEncoder().withoutPadding().encodeToString(key), UNPADDED.encodeToString(iv),
                UNPADDED.encodeToString(sha256(ciphertext)));
        assertArrayEquals(plaintext, peer.decryptAttachment(attachment));

        JsAttachment empty = peer.encryptAttachment(new byte[0]);
        assertArrayEquals(new byte[0], peer.decryptAttachment(empty));
    }

    @Test
    void thePeerRefusesATamperedAttachment() {
        JsAttachment attachment = peer.encryptAttachment(random(64));
        byte[] tampered = attachment.ciphertext().clone();
        tampered[10] ^= 1;
        JsPeerException refused = assertThrows(JsPeerException.class, () -> peer.decryptAttachment(
                new JsAttachment(tampered, attachment.key(), attachment.iv(), attachment.sha256())));
        assertEquals(JsPeerException.FAILED, refused.kind());
        assertTrue(refused.getMessage().contains("sha256 does not match"), refused.getMessage());
    }

    private static byte[] aesCtr(byte[] key, byte[] iv, byte[] input) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cipher.doFinal(input);
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
