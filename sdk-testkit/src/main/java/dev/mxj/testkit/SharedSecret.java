package dev.mxj.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Shared-secret registration ({@code /_synapse/admin/v1/register}) helpers. */
final class SharedSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SharedSecret() {
    }

    /** A fresh random secret (hex), also used for generated passwords and names. */
    static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }

    /**
     * The registration MAC: hex HMAC-SHA1 keyed by the shared secret over
     * {@code nonce NUL username NUL password NUL ("admin" | "notadmin")}.
     */
    static String mac(String secret, String nonce, String username, String password,
            boolean admin) {
        String message = nonce + '\0' + username + '\0' + password + '\0'
                + (admin ? "admin" : "notadmin");
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(hmac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
