package dev.mxj.crypto.olm.libolm;

import dev.mxj.crypto.CryptoException;
import dev.mxj.crypto.olm.IdentityKeys;
import dev.mxj.crypto.olm.OneTimeKey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the small JSON objects libolm writes for keys: {@code {"curve25519":"…","ed25519":"…"}}
 * and {@code {"curve25519":{"AAAAAQ":"…",…}}}. libolm writes them compactly from base64 strings
 * only, so a pattern over {@code "name":"value"} pairs reads them exactly; anything else is an
 * error rather than a guess.
 */
final class KeyJson {
    private static final Pattern PAIR = Pattern.compile("\"([A-Za-z0-9+/_-]+)\":\"([A-Za-z0-9+/]+)\"");
    private static final Pattern KEY_MAP = Pattern.compile("\\{\"curve25519\":\\{(.*)}}");

    private KeyJson() {
    }

    static IdentityKeys identityKeys(byte[] json) {
        Map<String, String> pairs = pairs(new String(json, StandardCharsets.US_ASCII));
        String curve = pairs.get("curve25519");
        String ed = pairs.get("ed25519");
        if (curve == null || ed == null) {
            throw new CryptoException(CryptoException.BAD_MESSAGE_FORMAT, "libolm returned unreadable identity keys");
        }
        return new IdentityKeys(curve, ed);
    }

    static List<OneTimeKey> keyMap(byte[] json) {
        String text = new String(json, StandardCharsets.US_ASCII);
        Matcher outer = KEY_MAP.matcher(text);
        if (!outer.matches()) {
            throw new CryptoException(CryptoException.BAD_MESSAGE_FORMAT, "libolm returned an unreadable key list");
        }
        List<OneTimeKey> keys = new ArrayList<>();
        pairs(outer.group(1)).forEach((id, key) -> keys.add(new OneTimeKey(id, key)));
        return List.copyOf(keys);
    }

    private static Map<String, String> pairs(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        Matcher m = PAIR.matcher(text);
        while (m.find()) {
            pairs.put(m.group(1), m.group(2));
        }
        return pairs;
    }
}
