package dev.mxj.account;

import dev.mxj.event.SyncEvent;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One event a search found.
 *
 * @param rank    how closely it matches (higher is closer), if the server says
 * @param event   the event, parsed as timeline events are (a malformed one is kept as such)
 * @param context the events around it, when the request asked for context
 */
public record SearchResult(Optional<Double> rank, SyncEvent event, Optional<Context> context) {
    public SearchResult {
        Objects.requireNonNull(rank, "rank");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(context, "context");
    }

    /** The room of the event (its {@code room_id}), when the event names a valid one. */
    public Optional<RoomId> roomId() {
        try {
            return event.raw().string("room_id").map(RoomId::of);
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    /**
     * The events around a result.
     *
     * @param before   events just before it, as the server ordered them
     * @param after    events just after it
     * @param start    pagination token for the start of this context
     * @param end      pagination token for its end
     * @param profiles the senders' profiles at the time, when the request asked for them
     */
    public record Context(List<SyncEvent> before, List<SyncEvent> after, Optional<String> start,
                          Optional<String> end, Map<UserId, Profile> profiles) {
        public Context {
            before = List.copyOf(before);
            after = List.copyOf(after);
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            profiles = Map.copyOf(profiles);
        }
    }
}
