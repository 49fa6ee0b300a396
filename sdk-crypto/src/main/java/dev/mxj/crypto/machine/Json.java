package dev.mxj.crypto.machine;

import dev.mxj.json.RawJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * JSON trees (maps, lists, strings, longs, booleans, null) for the machine's own messages, and
 * the spec's canonical JSON (sorted keys, no insignificant whitespace, UTF-8) that signatures are
 * computed over. Reading goes through {@link RawJson}; nothing here throws on odd input except
 * {@link #parse}, whose callers catch.
 */
final class Json {
    private Json() {
    }

    /** A new ordered object. */
    static Map<String, Object> obj() {
        return new LinkedHashMap<>();
    }

    /** An ordered object of key/value pairs. */
    static Map<String, Object> obj(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Parses {@code text} into a tree. @throws IllegalArgumentException if it is not JSON */
    static Object parse(String text) {
        return RawJson.parse(text).tree();
    }

    /** The object {@code tree} as a map, or empty if it is not an object. */
    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> asObject(Object tree) {
        return tree instanceof Map ? Optional.of((Map<String, Object>) tree) : Optional.empty();
    }

    /** The object at {@code key}, or an empty map. */
    static Map<String, Object> object(Map<String, Object> map, String key) {
        return asObject(map.get(key)).orElse(Map.of());
    }

    /** The string at {@code key}. */
    static Optional<String> string(Map<String, Object> map, String key) {
        return map.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The whole number at {@code key}. */
    static Optional<Long> number(Map<String, Object> map, String key) {
        Object v = map.get(key);
        if (v instanceof Long l) {
            return Optional.of(l);
        }
        if (v instanceof Number n) {
            try {
                return Optional.of(new BigDecimal(n.toString()).longValueExact());
            } catch (ArithmeticException | NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The strings of the array at {@code key}. */
    static List<String> strings(Map<String, Object> map, String key) {
        List<String> out = new ArrayList<>();
        if (map.get(key) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** {@code tree} as compact JSON (keys in their order). */
    static String write(Object tree) {
        StringBuilder sb = new StringBuilder();
        write(sb, tree, false);
        return sb.toString();
    }

    /** {@code tree} as canonical JSON: keys sorted by code point, no whitespace. */
    static String canonical(Object tree) {
        StringBuilder sb = new StringBuilder();
        write(sb, tree, true);
        return sb.toString();
    }

    /** A RawJson of {@code tree}. */
    static RawJson raw(Object tree) {
        return RawJson.parse(write(tree));
    }

    private static void write(StringBuilder sb, Object v, boolean canonical) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            quote(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            sb.append(((Number) v).longValue());
        } else if (v instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString());
            try {
                sb.append(d.longValueExact());
            } catch (ArithmeticException notWhole) {
                sb.append(d.toPlainString());
            }
        } else if (v instanceof Map<?, ?> map) {
            Map<?, ?> entries = map;
            if (canonical) {
                TreeMap<String, Object> sorted = new TreeMap<>(Json::compareCodePoints);
                map.forEach((k, val) -> sorted.put(String.valueOf(k), val));
                entries = sorted;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue(), canonical);
            }
            sb.append('}');
        } else if (v instanceof Collection<?> list) {
            sb.append('[');
            boolean first = true;
            for (Object o : list) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                write(sb, o, canonical);
            }
            sb.append(']');
        } else if (v instanceof RawJson raw) {
            write(sb, raw.tree(), canonical);
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + v.getClass().getName());
        }
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
