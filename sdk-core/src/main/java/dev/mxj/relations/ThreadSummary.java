package dev.mxj.relations;

import dev.mxj.event.RoomEvent;
import dev.mxj.json.RawJson;

import java.util.Optional;

/**
 * A thread root's summary, from the server's bundled aggregation
 * {@code unsigned.m.relations.m.thread}.
 *
 * @param count                   {@code count}: how many events are in the thread
 * @param latestEvent             {@code latest_event}: the newest event of the thread, raw
 * @param currentUserParticipated {@code current_user_participated}
 */
public record ThreadSummary(long count, Optional<RawJson> latestEvent, boolean currentUserParticipated) {
    /** The summary bundled with {@code root}; empty if it is not a thread root (or the server sent none). */
    public static Optional<ThreadSummary> of(RoomEvent root) {
        return bundled(root, "m.thread").map(t -> new ThreadSummary(t.longValue("count").orElse(0L),
                t.object("latest_event"), t.bool("current_user_participated").orElse(false)));
    }

    /** {@code unsigned.m.relations.<relType>}, a bundled aggregation, if an object. */
    static Optional<RawJson> bundled(RoomEvent event, String relType) {
        return event.unsigned().object("m.relations").flatMap(r -> r.object(relType));
    }
}
