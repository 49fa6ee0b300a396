package dev.mxj.json;

import dev.mxj.internal.json.JsonTree;
import dev.mxj.internal.json.TreeParser;
import dev.mxj.internal.json.TrustedJson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON value exactly as it came from the server, kept so that fields this version does not model
 * survive. Opaque: read it through the typed getters, or take {@link #json()} to parse it yourself.
 * Immutable and thread-safe; the parsed form, or the text of a part read through a getter, is built
 * on first use.
 */
public final class RawJson {
    /** The text; null until first asked for when this value was made from a valid tree. */
    private volatile String json;
    private volatile Object tree;

    static {
        // mxj's parsers make values from text they have just checked; applications go through parse.
        TrustedJson.install(new TrustedJson.Factory() {
            @Override
            public RawJson of(String json, Object tree) {
                return new RawJson(Objects.requireNonNull(json, "json"), tree);
            }

            @Override
            public RawJson ofValidText(String json) {
                return new RawJson(Objects.requireNonNull(json, "json"), null);
            }
        });
    }

    private RawJson(String json, Object tree) {
        this.json = json;
        this.tree = tree;
    }

    /**
     * Parses and keeps {@code json}.
     *
     * @throws IllegalArgumentException if it is not valid JSON
     */
    public static RawJson parse(String json) {
        Objects.requireNonNull(json, "json");
        return new RawJson(json, TreeParser.parse(json));
    }

    /** An empty JSON object. */
    public static RawJson emptyObject() {
        return new RawJson("{}", Map.of());
    }

    /** Wraps an already-parsed tree (maps, lists, strings, doubles/longs, booleans, null); its text is written from it. */
    public static RawJson ofTree(Object tree) {
        return new RawJson(JsonTree.write(tree), tree);
    }

    /**
     * A part of a valid tree (a field's object or an array element): its text is written only if
     * someone asks for it, so reading fields of events never re-serialises their content.
     */
    private static RawJson part(Object subtree) {
        return new RawJson(null, subtree);
    }

    /** The JSON text. */
    public String json() {
        String j = json;
        if (j == null) {
            j = JsonTree.write(tree);
            json = j;
        }
        return j;
    }

    /** True if this value is a JSON object. */
    public boolean isObject() {
        return tree() instanceof Map;
    }

    /** The keys of this object, or an empty set if it is not an object. */
    public Set<String> keys() {
        if (!(tree() instanceof Map<?, ?> map)) {
            return Set.of();
        }
        Set<String> keys = new java.util.LinkedHashSet<>();
        for (Object key : map.keySet()) {
            keys.add(String.valueOf(key));
        }
        return Collections.unmodifiableSet(keys);
    }

    /** True if this is an object that has {@code key} (even with a null value). */
    public boolean has(String key) {
        return tree() instanceof Map<?, ?> map && map.containsKey(key);
    }

    /** The string at {@code key}, if present and a string. */
    public Optional<String> string(String key) {
        return field(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The integer at {@code key}, if present and a whole number. */
    public Optional<Long> longValue(String key) {
        return field(key) instanceof Number n ? exactLong(n) : Optional.empty();
    }

    private static Optional<Long> exactLong(Number n) {
        if (n instanceof Long l) {
            return Optional.of(l);
        }
        try {
            return Optional.of(new java.math.BigDecimal(n.toString()).longValueExact());
        } catch (ArithmeticException | NumberFormatException notWholeOrTooBig) {
            return Optional.empty();
        }
    }

    /** The number at {@code key}, if present and a number. */
    public Optional<Double> doubleValue(String key) {
        return field(key) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    /** The boolean at {@code key}, if present and a boolean. */
    public Optional<Boolean> bool(String key) {
        return field(key) instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    /** The object at {@code key}, if present and an object. */
    public Optional<RawJson> object(String key) {
        Object value = field(key);
        return value instanceof Map ? Optional.of(part(value)) : Optional.empty();
    }

    /** The elements of the array at {@code key}; empty if absent or not an array. */
    public List<RawJson> array(String key) {
        if (!(field(key) instanceof List<?> list)) {
            return List.of();
        }
        List<RawJson> out = new ArrayList<>(list.size());
        for (Object element : list) {
            out.add(part(element));
        }
        return Collections.unmodifiableList(out);
    }

    /** The strings of the array at {@code key}, skipping elements that are not strings. */
    public List<String> strings(String key) {
        if (!(field(key) instanceof List<?> list)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object element : list) {
            if (element instanceof String s) {
                out.add(s);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** If this value is a JSON string, its text. */
    public Optional<String> asString() {
        return tree() instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The parsed tree (maps, lists, strings, numbers, booleans, null). For mxj's own adapters. */
    public Object tree() {
        Object t = tree;
        if (t == null) {
            t = TreeParser.parse(json());
            tree = t;
        }
        return t;
    }

    /** The value at {@code key}, or null if absent, null, or this is not an object. */
    private Object field(String key) {
        return tree() instanceof Map<?, ?> map ? map.get(key) : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawJson other && Objects.equals(tree(), other.tree());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(tree());
    }

    /** The JSON text. Callers that may hold secrets in it must not log it. */
    @Override
    public String toString() {
        return json();
    }
}
