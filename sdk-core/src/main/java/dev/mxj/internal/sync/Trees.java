package dev.mxj.internal.sync;

import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.internal.json.StringCache;
import dev.mxj.json.RawJson;

import java.util.Map;
import java.util.Optional;

/**
 * Reads fields straight from an event's parsed tree (no copies, no re-serialisation): the
 * processor looks at a few content fields of many events. Values of the wrong type read as absent.
 */
final class Trees {
    /** Members' IDs and avatars repeat across a sync's rooms: each is checked once, not per event. */
    private static final StringCache<UserId> USER_IDS = new StringCache<>(4096, UserId::of);
    private static final StringCache<MxcUri> MXC_URIS = new StringCache<>(4096, MxcUri::of);

    private Trees() {
    }

    /** The event's {@code content} object, or an empty map. */
    static Map<?, ?> content(RawJson event) {
        return map(event.tree(), "content");
    }

    /** The object at {@code key} of {@code tree}, or an empty map. */
    static Map<?, ?> map(Object tree, String key) {
        if (tree instanceof Map<?, ?> m && m.get(key) instanceof Map<?, ?> child) {
            return child;
        }
        return Map.of();
    }

    /** The string at {@code key}, or null. */
    static String string(Map<?, ?> map, String key) {
        return map.get(key) instanceof String s ? s : null;
    }

    /** The string at {@code key} if present and not empty. */
    static Optional<String> nonEmpty(Map<?, ?> map, String key) {
        String s = string(map, key);
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** The whole number at {@code key}, or {@code fallback}. */
    static long longValue(Map<?, ?> map, String key, long fallback) {
        Object v = map.get(key);
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        return fallback;
    }

    static Optional<MxcUri> mxc(Map<?, ?> map, String key) {
        String s = string(map, key);
        if (s == null || s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MXC_URIS.get(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static UserId userId(String s) {
        if (s == null) {
            return null;
        }
        try {
            return USER_IDS.get(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static RoomId roomId(String s) {
        if (s == null) {
            return null;
        }
        try {
            return RoomId.of(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static RoomAlias alias(Object s) {
        if (!(s instanceof String text)) {
            return null;
        }
        try {
            return RoomAlias.of(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
