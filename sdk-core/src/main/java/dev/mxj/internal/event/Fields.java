package dev.mxj.internal.event;

import dev.mxj.json.RawJson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Field access for content parsers. The strict readers throw {@link IllegalArgumentException} with a
 * message naming the field ({@code "membership" is missing}, {@code "users.@a:b" is not an integer});
 * the lenient ones turn what the spec allows to be broken into "absent".
 */
public final class Fields {
    private Fields() {
    }

    /** A required string. */
    public static String requireString(RawJson content, String key) {
        return requireString(content, key, key);
    }

    /** A required string, named {@code label} in errors (for nested fields). */
    public static String requireString(RawJson content, String key, String label) {
        return content.string(key).orElseThrow(() -> new IllegalArgumentException(
                content.has(key) ? notA(label, "string") : missing(label)));
    }

    /** An optional string: absent or null is empty, any other non-string is an error. */
    public static Optional<String> optionalString(RawJson content, String key) {
        return optionalString(content, key, key);
    }

    /** As {@link #optionalString(RawJson, String)}, named {@code label} in errors. */
    public static Optional<String> optionalString(RawJson content, String key, String label) {
        if (isAbsentOrNull(content, key)) {
            return Optional.empty();
        }
        return Optional.of(content.string(key).orElseThrow(() -> new IllegalArgumentException(notA(label, "string"))));
    }

    /** An optional string that counts as unset when absent, null or empty. */
    public static Optional<String> nonEmptyString(RawJson content, String key) {
        return optionalString(content, key).filter(s -> !s.isEmpty());
    }

    /** A string parsed by {@code parser}; absent, null, a non-string or a value it rejects is empty. */
    public static <T> Optional<T> lenient(RawJson content, String key, Function<String, T> parser) {
        return content.string(key).flatMap(s -> tryParse(s, parser));
    }

    /**
     * An optional string parsed by {@code parser}: absent, null, or a string it rejects is empty; a
     * value that is not a string is an error.
     */
    public static <T> Optional<T> optionalParsed(RawJson content, String key, Function<String, T> parser) {
        return optionalString(content, key).flatMap(s -> tryParse(s, parser));
    }

    /** {@code parser(value)}, which must accept it; the error names the field {@code label}. */
    public static <T> T requireValid(String value, Function<String, T> parser, String label) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + label + "\" is invalid: " + e.getMessage(), e);
        }
    }

    /** An optional boolean: absent or null is empty, any other non-boolean is an error. */
    public static Optional<Boolean> optionalBool(RawJson content, String key) {
        if (isAbsentOrNull(content, key)) {
            return Optional.empty();
        }
        return Optional.of(content.bool(key).orElseThrow(() -> new IllegalArgumentException(notA(key, "boolean"))));
    }

    /** An optional integer: absent or null is empty, anything but a whole number is an error. */
    public static Optional<Long> optionalLong(RawJson content, String key) {
        if (isAbsentOrNull(content, key)) {
            return Optional.empty();
        }
        return Optional.of(content.longValue(key).orElseThrow(() -> new IllegalArgumentException(notA(key, "integer"))));
    }

    /** A required object. */
    public static RawJson requireObject(RawJson content, String key) {
        return content.object(key).orElseThrow(() -> new IllegalArgumentException(
                content.has(key) ? notA(key, "object") : missing(key)));
    }

    /** An optional object: absent or null is empty, any other non-object is an error. */
    public static Optional<RawJson> optionalObject(RawJson content, String key) {
        return optionalObject(content, key, key);
    }

    /** As {@link #optionalObject(RawJson, String)}, named {@code label} in errors. */
    public static Optional<RawJson> optionalObject(RawJson content, String key, String label) {
        if (isAbsentOrNull(content, key)) {
            return Optional.empty();
        }
        return Optional.of(content.object(key).orElseThrow(() -> new IllegalArgumentException(notA(label, "object"))));
    }

    /** A required array. */
    public static List<RawJson> requireArray(RawJson content, String key) {
        if (!content.has(key)) {
            throw new IllegalArgumentException(missing(key));
        }
        if (!(value(content, key) instanceof List)) {
            throw new IllegalArgumentException(notA(key, "array"));
        }
        return content.array(key);
    }

    /**
     * The elements of the array at {@code key} that {@code parser} accepts, in order; elements that
     * are not strings, or that it rejects, are skipped. Absent or not an array is an empty list.
     */
    public static <T> List<T> lenientList(RawJson content, String key, Function<String, T> parser) {
        List<T> out = new ArrayList<>();
        for (String s : content.strings(key)) {
            tryParse(s, parser).ifPresent(out::add);
        }
        return Collections.unmodifiableList(out);
    }

    /** The parsed value at {@code key} (a map, list, string, number or boolean), if present and not null. */
    public static Optional<Object> treeValue(RawJson content, String key) {
        return Optional.ofNullable(value(content, key));
    }

    /** The entries of a parsed JSON object, in order; empty if {@code tree} is not an object. */
    public static List<Map.Entry<String, Object>> entries(Object tree) {
        List<Map.Entry<String, Object>> out = new ArrayList<>();
        if (tree instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() != null) {
                    out.add(Map.entry(String.valueOf(e.getKey()), e.getValue()));
                }
            }
        }
        return out;
    }

    /** {@code parser(s)}, or empty if it throws {@link IllegalArgumentException}. */
    public static <T> Optional<T> tryParse(String s, Function<String, T> parser) {
        try {
            return Optional.ofNullable(parser.apply(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String missing(String label) {
        return "\"" + label + "\" is missing";
    }

    static String notA(String label, String what) {
        return "\"" + label + "\" is not " + (what.matches("[aeiou].*") ? "an " : "a ") + what;
    }

    private static boolean isAbsentOrNull(RawJson content, String key) {
        return value(content, key) == null;
    }

    private static Object value(RawJson content, String key) {
        return content.tree() instanceof Map<?, ?> map ? map.get(key) : null;
    }
}
