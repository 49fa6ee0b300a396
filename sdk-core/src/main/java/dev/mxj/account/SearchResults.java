package dev.mxj.account;

import dev.mxj.json.RawJson;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a room event search.
 *
 * @param results    the events found, in the requested order
 * @param count      the server's estimate of how many results there are in all, if it says
 * @param highlights words to highlight in the results (the server's stemming of the search term)
 * @param nextBatch  where the next page starts, for {@link SearchRequest#withNextBatch}; empty on the last page
 * @param raw        the {@code room_events} object as received (with {@code groups} and {@code state})
 */
public record SearchResults(List<SearchResult> results, Optional<Long> count, List<String> highlights,
                            Optional<String> nextBatch, RawJson raw) {
    public SearchResults {
        results = List.copyOf(results);
        Objects.requireNonNull(count, "count");
        highlights = List.copyOf(highlights);
        Objects.requireNonNull(nextBatch, "nextBatch");
        Objects.requireNonNull(raw, "raw");
    }
}
