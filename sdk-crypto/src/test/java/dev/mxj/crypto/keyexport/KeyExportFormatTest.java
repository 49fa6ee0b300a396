package dev.mxj.crypto.keyexport;

import dev.mxj.id.RoomId;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key export file format: layout, round trip, and every way a file can fail to open. */
class KeyExportFormatTest {
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    private static final String SECRET = "AQAAAABvWMNZjKFtebYIePKieQguozuoLgzeY6wKcyJjLJcJtQgy1dPqTBD12U+XrYLrRHn";
    private static final List<ExportedRoomKey> KEYS = List.of(
            new ExportedRoomKey(ExportedRoomKey.MEGOLM_V1, RoomId.of("!a:example.org"), "senderCurve", "sid1", SECRET,
                    Map.of("ed25519", "claimedEd"), List.of("fwd1", "fwd2")),
            new ExportedRoomKey(ExportedRoomKey.MEGOLM_V1, RoomId.of("!b:example.org"), "senderCurve2", "sid2",
                    SECRET + "x", Map.of("ed25519", "claimedEd2"), List.of()));

    private static byte[] body(String export) {
        String b64 = export.replace(KeyExportFormat.HEADER, "").replace(KeyExportFormat.FOOTER, "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(b64);
    }

    private static String armour(byte[] body) {
        return KeyExportFormat.HEADER + "\n" + Base64.getEncoder().encodeToString(body) + "\n"
                + KeyExportFormat.FOOTER + "\n";
    }

    private static KeyExportException.Reason failure(String export, char[] passphrase) {
        KeyExportException e = assertThrows(KeyExportException.class, () -> KeyExportFormat.decrypt(export, passphrase));
        assertFalse(e.getMessage().contains(SECRET), "the message holds no key");
        assertEquals(e.reason().name(), e.errorName());
        return e.reason();
    }

    @Test
    void roundTripKeepsEverySession() {
        String export = KeyExportFormat.encrypt(KEYS, PASSPHRASE, 1000);
        assertEquals(KEYS, KeyExportFormat.decrypt(export, PASSPHRASE));
        assertEquals(KEYS, KeyExportFormat.decrypt("Saved by a user\r\n" + export.replace("\n", "\r\n  ") + "trailer",
                PASSPHRASE), "whitespace and text around the armour are ignored");
        assertFalse(KEYS.get(0).toString().contains(SECRET));
    }

    @Test
    void layoutIsTheSpecifications() {
        String export = KeyExportFormat.encrypt(KEYS, PASSPHRASE, 4321);
        String[] lines = export.split("\n");
        assertEquals(KeyExportFormat.HEADER, lines[0]);
        assertEquals(KeyExportFormat.FOOTER, lines[lines.length - 1]);
        for (int i = 1; i < lines.length - 1; i++) {
            assertTrue(lines[i].length() <= 96, "base64 lines of at most 96 characters");
        }
        byte[] body = body(export);
        assertEquals(1, body[0], "version byte");
        assertEquals(0, body[1 + 16 + 8] & 0x80, "bit 63 of the IV is cleared");
        assertEquals(4321, ByteBuffer.wrap(body, 1 + 16 + 16, 4).getInt(), "round count, big-endian");
        assertFalse(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1).contains("session_key"),
                "the JSON is encrypted");
        String again = KeyExportFormat.encrypt(KEYS, PASSPHRASE, 4321);
        assertFalse(java.util.Arrays.equals(body(again), body), "fresh salt and IV each time");
    }

    @Test
    void wrongPassphraseIsReportedAsSuch() {
        String export = KeyExportFormat.encrypt(KEYS, PASSPHRASE, 1000);
        assertEquals(KeyExportException.Reason.WRONG_PASSPHRASE_OR_CORRUPTED,
                failure(export, "Correct horse battery staple".toCharArray()));
        KeyExportException e = assertThrows(KeyExportException.class,
                () -> KeyExportFormat.decrypt(export, "wrong".toCharArray()));
        assertTrue(e.getMessage().contains("passphrase"), e.getMessage());
    }

    @Test
    void tamperedOrTruncatedDataDoesNotAuthenticate() {
        byte[] body = body(KeyExportFormat.encrypt(KEYS, PASSPHRASE, 1000));
        for (int at : new int[]{1, 20, 40, body.length / 2, body.length - 1}) { // salt, IV, ciphertext, MAC
            byte[] tampered = body.clone();
            tampered[at] ^= 0x01;
            assertEquals(KeyExportException.Reason.WRONG_PASSPHRASE_OR_CORRUPTED, failure(armour(tampered), PASSPHRASE),
                    "byte " + at);
        }
        byte[] cut = java.util.Arrays.copyOf(body, body.length - 10);
        assertEquals(KeyExportException.Reason.WRONG_PASSPHRASE_OR_CORRUPTED, failure(armour(cut), PASSPHRASE));
        assertEquals(KeyExportException.Reason.NOT_AN_EXPORT,
                failure(armour(java.util.Arrays.copyOf(body, 60)), PASSPHRASE), "shorter than header and MAC");
    }

    @Test
    void otherVersionsAreRefused() {
        byte[] body = body(KeyExportFormat.encrypt(KEYS, PASSPHRASE, 1000));
        body[0] = 2;
        assertEquals(KeyExportException.Reason.UNSUPPORTED_VERSION, failure(armour(body), PASSPHRASE));
    }

    @Test
    void absurdRoundCountsAreRefusedBeforeDeriving() {
        byte[] body = body(KeyExportFormat.encrypt(KEYS, PASSPHRASE, 1000));
        ByteBuffer.wrap(body).putInt(1 + 16 + 16, -1); // 2^32 - 1 rounds
        assertEquals(KeyExportException.Reason.NOT_AN_EXPORT, failure(armour(body), PASSPHRASE));
        ByteBuffer.wrap(body).putInt(1 + 16 + 16, 0);
        assertEquals(KeyExportException.Reason.NOT_AN_EXPORT, failure(armour(body), PASSPHRASE));
    }

    @Test
    void textThatIsNotAnExportIsRefused() {
        String export = KeyExportFormat.encrypt(KEYS, PASSPHRASE, 1000);
        assertEquals(KeyExportException.Reason.NOT_AN_EXPORT, failure("just some text", PASSPHRASE));
        assertEquals(KeyExportException.Reason.NOT_AN_EXPORT,
                failure(export.replace(KeyExportFormat.FOOTER, ""), PASSPHRASE), "no footer");
        assertEquals(KeyExportException.Reason.NOT_AN_EXPORT,
                failure(export.replaceFirst("\n(.)", "\n*$1"), PASSPHRASE), "not base64");
        assertEquals(KeyExportException.Reason.NOT_AN_EXPORT,
                failure(KeyExportFormat.HEADER + "\n" + KeyExportFormat.FOOTER, PASSPHRASE), "empty");
    }

    @Test
    void emptyPassphraseAndBadRoundsAreCallerErrors() {
        assertThrows(IllegalArgumentException.class, () -> KeyExportFormat.encrypt(KEYS, new char[0], 1000));
        assertThrows(IllegalArgumentException.class, () -> KeyExportFormat.encrypt(KEYS, PASSPHRASE, 0));
        assertThrows(IllegalArgumentException.class,
                () -> KeyExportFormat.decrypt(KeyExportFormat.encrypt(KEYS, PASSPHRASE, 1000), new char[0]));
    }

    @Test
    void anEmptyExportRoundTrips() {
        assertEquals(List.of(), KeyExportFormat.decrypt(KeyExportFormat.encrypt(List.of(), PASSPHRASE, 1), PASSPHRASE));
    }
}
