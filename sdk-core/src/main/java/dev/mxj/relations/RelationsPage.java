package dev.mxj.relations;

import dev.mxj.event.SyncEvent;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A page of {@code /relations}.
 *
 * @param chunk          the child events, in the direction asked
 * @param nextBatch      the token to pass as {@code from} for the next page; empty at the end
 * @param prevBatch      the token back to the previous page; empty on the first page
 * @param recursionDepth how deep the server recursed, when recursion was asked for
 */
public record RelationsPage(List<SyncEvent> chunk, Optional<String> nextBatch, Optional<String> prevBatch,
                            OptionalInt recursionDepth) {
    public RelationsPage {
        chunk = List.copyOf(chunk);
    }
}
