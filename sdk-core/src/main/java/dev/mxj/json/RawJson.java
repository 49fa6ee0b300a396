package dev.mxj.json;

import dev.mxj.internal.json.JsonTree;

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
 * Immutable and thread-safe; the parsed form is built on first use.
 */
public final class RawJson {
    private final String json;
    private volatile Object tree;

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
        return new RawJson(json, JsonTree.parse(json));
    }

    /** An empty JSON object. */
    public static RawJson emptyObject() {
        return new RawJson("{}", Map.of());
    }

    /** Wraps an already-parsed tree (maps, lists, strings, doubles/longs, booleans, null). Internal use. */
    public static RawJson ofTree(Object tree) {
        return new RawJson(JsonTree.write(tree), tree);
    }

    /** The JSON text. */
    public String json() {
        return json;
    }

    /** True if this value is a JSON object. */
    public boolean isObject() {
        return tree() instanceof Map;
    }

    /** The keys of this object, or an empty set if it is not an object. */
    public Set<String> keys() {
        Optional<Map<?, ?>> map = asMap();
        if (map.isEmpty()) {
            return Set.of();
        }
        Set<String> keys = new java.util.LinkedHashSet<>();
        for (Object key : map.get().keySet()) {
            keys.add(String.valueOf(key));
        }
        return Collections.unmodifiableSet(keys);
    }

    /** True if this is an object that has {@code key} (even with a null value). */
    public boolean has(String key) {
        return asMap().map(m -> m.containsKey(key)).orElse(false);
    }

    /** The string at {@code key}, if present and a string. */
    public Optional<String> string(String key) {
        return field(key).filter(String.class::isInstance).map(String.class::cast);
    }

    /** The integer at {@code key}, if present and a whole number. */
    public Optional<Long> longValue(String key) {
        return field(key).filter(Number.class::isInstance).map(Number.class::cast).flatMap(RawJson::exactLong);
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
        return field(key).filter(Number.class::isInstance).map(n -> ((Number) n).doubleValue());
    }

    /** The boolean at {@code key}, if present and a boolean. */
    public Optional<Boolean> bool(String key) {
        return field(key).filter(Boolean.class::isInstance).map(Boolean.class::cast);
    }

    /** The object at {@code key}, if present and an object. */
    public Optional<RawJson> object(String key) {
        return field(key).filter(Map.class::isInstance).map(RawJson::ofTree);
    }

    /** The elements of the array at {@code key}; empty if absent or not an array. */
    public List<RawJson> array(String key) {
        Optional<Object> value = field(key).filter(List.class::isInstance);
        if (value.isEmpty()) {
            return List.of();
        }
        List<RawJson> out = new ArrayList<>();
        for (Object element : (List<?>) value.get()) {
            out.add(RawJson.ofTree(element));
        }
        return Collections.unmodifiableList(out);
    }

    /** The strings of the array at {@code key}, skipping elements that are not strings. */
    public List<String> strings(String key) {
        Optional<Object> value = field(key).filter(List.class::isInstance);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object element : (List<?>) value.get()) {
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
            t = JsonTree.parse(json);
            tree = t;
        }
        return t;
    }

    private Optional<Map<?, ?>> asMap() {
        Object t = tree();
        return t instanceof Map<?, ?> m ? Optional.of(m) : Optional.empty();
    }

    private Optional<Object> field(String key) {
        return asMap().map(m -> m.get(key));
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
        return json;
    }
}
