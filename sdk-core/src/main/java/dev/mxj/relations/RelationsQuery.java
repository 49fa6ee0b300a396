package dev.mxj.relations;

import dev.mxj.timeline.Direction;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to ask {@code /relations} for. Start from {@link #all()} and narrow it with the
 * {@code with...} methods; each returns a new query.
 *
 * @param relType   only children with this {@code rel_type}
 * @param eventType only children of this type; needs {@code relType}
 * @param from      the token to start from ({@code next_batch} or {@code prev_batch} of a page)
 * @param to        the token to stop at
 * @param direction {@code dir}: backward (newest first, the server's default) or forward
 * @param limit     the page size to ask for
 * @param recurse   also children of children (the server picks the depth)
 */
public record RelationsQuery(Optional<String> relType, Optional<String> eventType, Optional<String> from,
                             Optional<String> to, Direction direction, OptionalInt limit, boolean recurse) {
    public RelationsQuery {
        Objects.requireNonNull(direction, "direction");
        if (eventType.isPresent() && relType.isEmpty()) {
            throw new IllegalArgumentException("An event type filter needs a relation type");
        }
        if (limit.isPresent() && limit.getAsInt() <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit.getAsInt());
        }
    }

    /** Every child, newest first, in the server's page size. */
    public static RelationsQuery all() {
        return new RelationsQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Direction.BACKWARD, OptionalInt.empty(), false);
    }

    /** Only children with {@code rel_type} {@code relType}, e.g. {@code m.thread}. */
    public RelationsQuery withRelType(String relType) {
        return new RelationsQuery(Optional.of(relType), eventType, from, to, direction, limit, recurse);
    }

    /** Only children with {@code relType} and type {@code eventType}, e.g. {@code m.annotation}, {@code m.reaction}. */
    public RelationsQuery withTypes(String relType, String eventType) {
        return new RelationsQuery(Optional.of(relType), Optional.of(eventType), from, to, direction, limit, recurse);
    }

    /** From the token {@code from}. */
    public RelationsQuery withFrom(String from) {
        return new RelationsQuery(relType, eventType, Optional.of(from), to, direction, limit, recurse);
    }

    /** Up to the token {@code to}. */
    public RelationsQuery withTo(String to) {
        return new RelationsQuery(relType, eventType, from, Optional.of(to), direction, limit, recurse);
    }

    /** In {@code direction}. */
    public RelationsQuery withDirection(Direction direction) {
        return new RelationsQuery(relType, eventType, from, to, direction, limit, recurse);
    }

    /** At most {@code limit} events a page. */
    public RelationsQuery withLimit(int limit) {
        return new RelationsQuery(relType, eventType, from, to, direction, OptionalInt.of(limit), recurse);
    }

    /** Also children of children. */
    public RelationsQuery withRecurse(boolean recurse) {
        return new RelationsQuery(relType, eventType, from, to, direction, limit, recurse);
    }
}
