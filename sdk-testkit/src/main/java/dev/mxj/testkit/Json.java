package dev.mxj.testkit;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON of the js peer's line protocol: objects as maps, with typed getters. */
final class Json {

    private static final JsonAdapter<Map<String, Object>> OBJECT = new Moshi.Builder().build()
            .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

    private Json() {
    }

    /** One line of JSON: Moshi escapes newlines inside strings, so the output has none. */
    static String write(Map<String, ?> object) {
        return OBJECT.toJson(Map.copyOf(object));
    }

    /** Parses a JSON object, or returns empty if {@code line} is not one. */
    static Optional<Map<String, Object>> parse(String line) {
        try {
            return Optional.ofNullable(OBJECT.fromJson(line));
        } catch (IOException | JsonDataException e) {
            return Optional.empty();
        }
    }

    static String string(Map<String, Object> object, String name) {
        return optionalString(object, name).orElseThrow(() -> malformed(name, "a string"));
    }

    static Optional<String> optionalString(Map<String, Object> object, String name) {
        return object.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    static long number(Map<String, Object> object, String name) {
        if (object.get(name) instanceof Number n) {
            return n.longValue();
        }
        throw malformed(name, "a number");
    }

    static boolean bool(Map<String, Object> object, String name) {
        return Boolean.TRUE.equals(object.get(name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> object, String name) {
        if (object.get(name) instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw malformed(name, "an object");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Map<String, Object> object, String name) {
        if (object.get(name) instanceof List<?> list
                && list.stream().allMatch(item -> item instanceof Map<?, ?>)) {
            return (List<Map<String, Object>>) list;
        }
        throw malformed(name, "a list of objects");
    }

    private static JsPeerException malformed(String name, String expected) {
        return new JsPeerException(JsPeerException.FAILED, null, "the js peer's reply has no '"
                + name + "' as " + expected + "; is the peer script from another mxj version?");
    }
}
