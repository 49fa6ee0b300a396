package dev.mxj.relations;

import dev.mxj.event.SyncEvent;

import java.util.List;
import java.util.Optional;

/**
 * A page of the room's thread list.
 *
 * @param roots     the thread roots, most recent thread activity first, with bundled aggregations
 *                  (read them with {@link ThreadSummary#of})
 * @param nextBatch the token to pass as {@code from} for the next page; empty at the end
 */
public record ThreadsPage(List<SyncEvent> roots, Optional<String> nextBatch) {
    public ThreadsPage {
        roots = List.copyOf(roots);
    }
}
