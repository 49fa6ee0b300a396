package dev.mxj.account;

import dev.mxj.id.RoomId;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A server-side search of room events ({@code POST /search}, category {@code room_events}).
 * Immutable; start with {@link #of(String)} and narrow it with the {@code with...} methods.
 *
 * @param searchTerm   the words to look for
 * @param keys         the fields searched; empty means all of them
 * @param rooms        the rooms searched; empty means every joined room
 * @param order        by rank (the server's default) or most recent first
 * @param limit        how many results per page; the server picks when empty
 * @param context      how many events around each result to return, if any
 * @param nextBatch    the page to fetch: a {@link SearchResults#nextBatch()} of an earlier search
 */
public record SearchRequest(String searchTerm, List<Key> keys, List<RoomId> rooms, Optional<Order> order,
                            Optional<Integer> limit, Optional<Context> context, Optional<String> nextBatch) {
    /** A field of the event that the search looks in. */
    public enum Key {
        /** {@code content.body}: message text. */
        BODY("content.body"),
        /** {@code content.name}: room names. */
        NAME("content.name"),
        /** {@code content.topic}: room topics. */
        TOPIC("content.topic");

        private final String wire;

        Key(String wire) {
            this.wire = wire;
        }

        /** The key as the spec names it, e.g. {@code content.body}. */
        public String value() {
            return wire;
        }
    }

    /** The order of the results. */
    public enum Order {
        /** Best match first. */
        RANK,
        /** Newest first. */
        RECENT
    }

    /**
     * Context around each result.
     *
     * @param before         how many events before it (at least 0)
     * @param after          how many events after it (at least 0)
     * @param includeProfile also the senders' display names and avatars at that time
     */
    public record Context(int before, int after, boolean includeProfile) {
        public Context {
            if (before < 0 || after < 0) {
                throw new IllegalArgumentException("Context limits cannot be negative: before=" + before
                        + ", after=" + after + ".");
            }
        }
    }

    public SearchRequest {
        Objects.requireNonNull(searchTerm, "searchTerm");
        keys = List.copyOf(keys);
        rooms = List.copyOf(rooms);
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(nextBatch, "nextBatch");
        if (limit.isPresent() && limit.get() < 1) {
            throw new IllegalArgumentException("A search limit must be at least 1, was " + limit.get() + ".");
        }
    }

    /** Looks for {@code searchTerm} in every field of every joined room, in the server's order. */
    public static SearchRequest of(String searchTerm) {
        return new SearchRequest(searchTerm, List.of(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public SearchRequest withKeys(Key... searched) {
        return new SearchRequest(searchTerm, List.of(searched), rooms, order, limit, context, nextBatch);
    }

    public SearchRequest withRooms(Collection<RoomId> searched) {
        return new SearchRequest(searchTerm, keys, List.copyOf(searched), order, limit, context, nextBatch);
    }

    public SearchRequest withRooms(RoomId... searched) {
        return withRooms(List.of(searched));
    }

    public SearchRequest withOrder(Order value) {
        return new SearchRequest(searchTerm, keys, rooms, Optional.of(value), limit, context, nextBatch);
    }

    /** At most this many results per page (at least 1). */
    public SearchRequest withLimit(int value) {
        return new SearchRequest(searchTerm, keys, rooms, order, Optional.of(value), context, nextBatch);
    }

    public SearchRequest withContext(int before, int after, boolean includeProfile) {
        return new SearchRequest(searchTerm, keys, rooms, order, limit,
                Optional.of(new Context(before, after, includeProfile)), nextBatch);
    }

    /** The same search, from the page that {@code token} (a {@link SearchResults#nextBatch()}) points at. */
    public SearchRequest withNextBatch(String token) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException("A next_batch token cannot be empty.");
        }
        return new SearchRequest(searchTerm, keys, rooms, order, limit, context, Optional.of(token));
    }
}
