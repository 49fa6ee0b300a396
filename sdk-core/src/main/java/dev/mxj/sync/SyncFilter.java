package dev.mxj.sync;

import dev.mxj.json.RawJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The filter {@code /sync} runs with (the spec's {@code Filter} object). The loop uploads it once
 * ({@code POST /user/{userId}/filter}), keeps the ID in the store under the filter's JSON, and
 * sends the ID with every request; a changed filter gets a new upload. Immutable.
 *
 * <p>{@link #defaults()} lazy-loads members in {@code room.state} (the server then sends only the
 * members needed to show the timeline's senders, and the heroes) and asks for per-thread unread
 * counts, which makes {@code unread_notifications} count the main timeline only.
 */
public final class SyncFilter {
    private static final SyncFilter DEFAULTS = new SyncFilter(new LinkedHashMap<>())
            .withLazyLoadMembers(true)
            .withUnreadThreadNotifications(true);

    private final Map<String, Object> tree;
    private final RawJson json;

    private SyncFilter(Map<String, Object> tree) {
        this.tree = tree;
        this.json = RawJson.ofTree(tree);
    }

    /** Lazy-loaded members and per-thread unread counts; everything else as the server's defaults. */
    public static SyncFilter defaults() {
        return DEFAULTS;
    }

    /**
     * A filter written by hand, for what the withers do not cover ({@code not_rooms}, event
     * fields, type filters).
     *
     * @throws IllegalArgumentException if {@code filter} is not a JSON object
     */
    public static SyncFilter of(RawJson filter) {
        if (!filter.isObject()) {
            throw new IllegalArgumentException("A sync filter is a JSON object, was: " + filter.json());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) deepCopy(filter.tree());
        return new SyncFilter(copy);
    }

    /** At most {@code limit} timeline events per room and sync ({@code room.timeline.limit}). */
    public SyncFilter withTimelineLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The timeline limit must be at least 1, was " + limit);
        }
        return with((long) limit, "room", "timeline", "limit");
    }

    /** {@code room.state.lazy_load_members}. */
    public SyncFilter withLazyLoadMembers(boolean lazy) {
        return with(lazy, "room", "state", "lazy_load_members");
    }

    /** {@code room.timeline.unread_thread_notifications}: per-thread unread counts. */
    public SyncFilter withUnreadThreadNotifications(boolean enabled) {
        return with(enabled, "room", "timeline", "unread_thread_notifications");
    }

    /** {@code room.include_leave}: left rooms in the first sync and with {@code full_state}. */
    public SyncFilter withIncludeLeave(boolean include) {
        return with(include, "room", "include_leave");
    }

    /** The filter as JSON, exactly as it is uploaded. */
    public RawJson json() {
        return json;
    }

    @SuppressWarnings("unchecked")
    private SyncFilter with(Object value, String... path) {
        Map<String, Object> root = (Map<String, Object>) deepCopy(tree);
        Map<String, Object> node = root;
        for (int i = 0; i < path.length - 1; i++) {
            Object child = node.get(path[i]);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                node.put(path[i], child);
            }
            node = (Map<String, Object>) child;
        }
        node.put(path[path.length - 1], value);
        return new SyncFilter(root);
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyncFilter other && json.json().equals(other.json.json());
    }

    @Override
    public int hashCode() {
        return Objects.hash(json.json());
    }

    @Override
    public String toString() {
        return "SyncFilter" + json.json();
    }
}
