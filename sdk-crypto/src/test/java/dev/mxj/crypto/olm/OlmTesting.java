package dev.mxj.crypto.olm;

import dev.mxj.crypto.CryptoException;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Small helpers shared by the contract tests. */
public final class OlmTesting {
    private OlmTesting() {
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Asserts that {@code body} throws a {@link CryptoException} named {@code errorName}. */
    public static CryptoException assertCryptoError(String errorName, Executable body) {
        CryptoException e = assertThrows(CryptoException.class, body);
        assertEquals(errorName, e.errorName(), e::getMessage);
        return e;
    }

    /** Decodes unpadded standard base64 strictly (as the spec writes keys). */
    public static byte[] unbase64(String text) {
        return Base64.getDecoder().decode(text);
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
