package dev.mxj.crypto.keyexport;

import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes the specification's key export files. The binary payload is: version byte
 * {@code 0x01}, a 16-byte salt, a 16-byte IV (bit 63 cleared), the PBKDF2 round count (4 bytes,
 * big-endian), the AES-256-CTR ciphertext of the JSON array, and an HMAC-SHA-256 of everything
 * before it. PBKDF2-HMAC-SHA-512 of the passphrase (UTF-8) and salt gives 64 bytes: the AES key,
 * then the HMAC key. The payload is base64 between the {@code BEGIN/END MEGOLM SESSION DATA}
 * lines.
 *
 * <p>Thread safety: stateless; safe from any thread. Deriving the keys is slow on purpose
 * (hundreds of milliseconds at {@link #DEFAULT_ROUNDS}): call it off the UI thread.
 */
public final class KeyExportFormat {
    /** The first line of an export. */
    public static final String HEADER = "-----BEGIN MEGOLM SESSION DATA-----";
    /** The last line of an export. */
    public static final String FOOTER = "-----END MEGOLM SESSION DATA-----";
    /** The PBKDF2 round count exports are written with unless told otherwise (as Element's). */
    public static final int DEFAULT_ROUNDS = 500_000;
    /** The largest round count an import accepts: more would tie the caller up for minutes. */
    public static final int MAX_ROUNDS = 10_000_000;

    private static final byte VERSION = 1;
    private static final int SALT = 16;
    private static final int IV = 16;
    private static final int MAC = 32;
    private static final int HEADER_BYTES = 1 + SALT + IV + 4;
    private static final int LINE = 96;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyExportFormat() {
    }

    /**
     * Encrypts {@code keys} under {@code passphrase} into an export file's text.
     *
     * @param passphrase the user's passphrase (not kept; the caller may wipe it after)
     * @param rounds     the PBKDF2 round count, 1 to {@link #MAX_ROUNDS}; use {@link #DEFAULT_ROUNDS}
     * @throws IllegalArgumentException if the passphrase is empty or the round count out of range
     */
    public static String encrypt(List<ExportedRoomKey> keys, char[] passphrase, int rounds) {
        Objects.requireNonNull(keys, "keys");
        checkPassphrase(passphrase);
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("The PBKDF2 round count must be 1 to " + MAX_ROUNDS + ", not " + rounds);
        }
        byte[] plain = toJson(keys).getBytes(StandardCharsets.UTF_8);
        byte[] salt = new byte[SALT];
        byte[] iv = new byte[IV];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(iv);
        iv[8] &= 0x7f; // bit 63 cleared, so that 64-bit counter implementations do not overflow
        byte[] derived = derive(passphrase, salt, rounds);
        try {
            byte[] ciphertext = aesCtr(derived, iv, plain);
            ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + ciphertext.length + MAC);
            out.put(VERSION).put(salt).put(iv).putInt(rounds).put(ciphertext);
            out.put(hmac(derived, out.array(), HEADER_BYTES + ciphertext.length));
            return armour(out.array());
        } finally {
            Arrays.fill(derived, (byte) 0);
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Decrypts an export file's text (the {@code BEGIN/END} lines and base64; whitespace and text
     * around them are ignored).
     *
     * @param passphrase the passphrase the file was exported with (not kept)
     * @throws KeyExportException       if the text is not an export, has another version, does not
     *                                  authenticate (wrong passphrase or altered file), or holds no
     *                                  session data
     * @throws IllegalArgumentException if the passphrase is empty
     */
    public static List<ExportedRoomKey> decrypt(String export, char[] passphrase) {
        Objects.requireNonNull(export, "export");
        checkPassphrase(passphrase);
        byte[] data = unarmour(export);
        if (data.length < HEADER_BYTES + MAC) {
            throw new KeyExportException(KeyExportException.Reason.NOT_AN_EXPORT, "The key export is only "
                    + data.length + " bytes long, too short for its header and MAC: the file is truncated;"
                    + " export the keys again");
        }
        if (data[0] != VERSION) {
            throw new KeyExportException(KeyExportException.Reason.UNSUPPORTED_VERSION, "The key export has version "
                    + (data[0] & 0xff) + "; only version 1 is defined: export the keys again with a client that"
                    + " follows the Matrix specification");
        }
        byte[] salt = Arrays.copyOfRange(data, 1, 1 + SALT);
        byte[] iv = Arrays.copyOfRange(data, 1 + SALT, 1 + SALT + IV);
        long rounds = ByteBuffer.wrap(data, 1 + SALT + IV, 4).getInt() & 0xffffffffL;
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new KeyExportException(KeyExportException.Reason.NOT_AN_EXPORT, "The key export asks for "
                    + rounds + " PBKDF2 rounds; mxj accepts 1 to " + MAX_ROUNDS
                    + ": the file is damaged, or export the keys again with fewer rounds");
        }
        byte[] derived = derive(passphrase, salt, (int) rounds);
        byte[] plain = null;
        try {
            int macAt = data.length - MAC;
            byte[] expected = hmac(derived, data, macAt);
            if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(data, macAt, data.length))) {
                throw new KeyExportException(KeyExportException.Reason.WRONG_PASSPHRASE_OR_CORRUPTED,
                        "The key export does not authenticate: the passphrase is wrong, or the file was changed"
                                + " or cut short. Check the passphrase (it is case-sensitive) and that the whole file"
                                + " was copied");
            }
            plain = aesCtr(derived, iv, Arrays.copyOfRange(data, HEADER_BYTES, macAt));
            return fromJson(new String(plain, StandardCharsets.UTF_8));
        } finally {
            Arrays.fill(derived, (byte) 0);
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static void checkPassphrase(char[] passphrase) {
        if (Objects.requireNonNull(passphrase, "passphrase").length == 0) {
            throw new IllegalArgumentException("A key export needs a non-empty passphrase: ask the user for one");
        }
    }

    private static byte[] derive(char[] passphrase, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, rounds, 512);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime lacks PBKDF2WithHmacSHA512, which every Java 17"
                    + " runtime has: check the security providers", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] aesCtr(byte[] derived, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derived, 0, 32, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime lacks AES/CTR/NoPadding: check the security providers", e);
        }
    }

    private static byte[] hmac(byte[] derived, byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derived, 32, 32, "HmacSHA256"));
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime lacks HmacSHA256: check the security providers", e);
        }
    }

    private static String armour(byte[] data) {
        String b64 = Base64.getEncoder().encodeToString(data);
        StringBuilder sb = new StringBuilder(b64.length() + b64.length() / LINE + 80).append(HEADER).append('\n');
        for (int i = 0; i < b64.length(); i += LINE) {
            sb.append(b64, i, Math.min(b64.length(), i + LINE)).append('\n');
        }
        return sb.append(FOOTER).append('\n').toString();
    }

    private static byte[] unarmour(String export) {
        int start = export.indexOf(HEADER);
        int end = start < 0 ? -1 : export.indexOf(FOOTER, start + HEADER.length());
        if (start < 0 || end < 0) {
            throw new KeyExportException(KeyExportException.Reason.NOT_AN_EXPORT, "This is not a Matrix key export:"
                    + " the lines " + HEADER + " and " + FOOTER + " are missing. Pick the file the export wrote");
        }
        StringBuilder b64 = new StringBuilder(end - start);
        export.substring(start + HEADER.length(), end).chars().filter(c -> !Character.isWhitespace(c))
                .forEach(c -> b64.append((char) c));
        try {
            return Base64.getDecoder().decode(b64.toString());
        } catch (IllegalArgumentException e) {
            throw new KeyExportException(KeyExportException.Reason.NOT_AN_EXPORT, "The key export's body is not"
                    + " base64: the file was changed; export the keys again");
        }
    }

    private static String toJson(List<ExportedRoomKey> keys) {
        List<Object> array = new ArrayList<>(keys.size());
        for (ExportedRoomKey k : keys) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("algorithm", k.algorithm());
            o.put("forwarding_curve25519_key_chain", k.forwardingChain());
            o.put("room_id", k.roomId().value());
            o.put("sender_key", k.senderKey());
            o.put("sender_claimed_keys", k.senderClaimedKeys());
            o.put("session_id", k.sessionId());
            o.put("session_key", k.sessionKey());
            array.add(o);
        }
        return RawJson.ofTree(array).json();
    }

    private static List<ExportedRoomKey> fromJson(String json) {
        Object tree;
        try {
            tree = RawJson.parse(json).tree();
        } catch (IllegalArgumentException e) {
            tree = null;
        }
        if (!(tree instanceof List<?> array)) {
            throw new KeyExportException(KeyExportException.Reason.MALFORMED_CONTENTS, "The key export decrypted but"
                    + " does not hold a JSON array of sessions: the exporting client wrote a broken file; export"
                    + " again");
        }
        List<ExportedRoomKey> keys = new ArrayList<>(array.size());
        for (Object item : array) {
            keys.add(session(item));
        }
        return keys;
    }

    private static ExportedRoomKey session(Object item) {
        if (item instanceof Map<?, ?> o && o.get("algorithm") instanceof String algorithm
                && o.get("room_id") instanceof String room && o.get("sender_key") instanceof String senderKey
                && o.get("session_id") instanceof String sessionId && o.get("session_key") instanceof String key) {
            Map<String, String> claimed = new LinkedHashMap<>();
            if (o.get("sender_claimed_keys") instanceof Map<?, ?> c) {
                c.forEach((name, value) -> {
                    if (name instanceof String n && value instanceof String v) {
                        claimed.put(n, v);
                    }
                });
            }
            List<String> chain = new ArrayList<>();
            if (o.get("forwarding_curve25519_key_chain") instanceof List<?> l) {
                l.stream().filter(String.class::isInstance).map(String.class::cast).forEach(chain::add);
            }
            try {
                return new ExportedRoomKey(algorithm, RoomId.of(room), senderKey, sessionId, key, claimed, chain);
            } catch (IllegalArgumentException badRoom) {
                // reported below, without the value
            }
        }
        throw new KeyExportException(KeyExportException.Reason.MALFORMED_CONTENTS, "A session in the key export lacks"
                + " algorithm, room_id, sender_key, session_id or session_key, or has an invalid room id: the"
                + " exporting client wrote a broken file; export again");
    }
}
