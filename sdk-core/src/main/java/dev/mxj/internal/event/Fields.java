package dev.mxj.internal.event;

import dev.mxj.json.RawJson;

/** Field access for content parsers, with errors that name the field. */
public final class Fields {
    private Fields() {
    }

    public static String requireString(RawJson content, String key) {
        return content.string(key).orElseThrow(() -> new IllegalArgumentException(
                content.has(key) ? "\"" + key + "\" is not a string" : "\"" + key + "\" is missing"));
    }
}
