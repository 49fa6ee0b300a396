package dev.mxj.internal.account;

import dev.mxj.account.Profile;
import dev.mxj.account.SearchResult;
import dev.mxj.account.SearchResults;
import dev.mxj.event.EventRegistry;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.UserId;
import dev.mxj.internal.api.SearchApi;
import dev.mxj.json.RawJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code room_events} part of a {@code /search} answer, to public values. */
final class SearchResultMapping {
    private SearchResultMapping() {
    }

    static SearchResults results(SearchApi.RoomEventResults parsed, RawJson raw) {
        List<SearchResult> results = new ArrayList<>();
        for (SearchApi.Result result : orEmpty(parsed.results())) {
            if (result == null || result.result() == null) {
                continue;
            }
            results.add(new SearchResult(Optional.ofNullable(result.rank()), event(result.result()),
                    Optional.ofNullable(result.context()).map(SearchResultMapping::context)));
        }
        // Dendrite sends "next_batch": "" on the last page, where the spec leaves the field out.
        Optional<String> nextBatch = Optional.ofNullable(parsed.nextBatch()).filter(token -> !token.isEmpty());
        List<String> highlights = orEmpty(parsed.highlights()).stream().filter(h -> h != null).toList();
        return new SearchResults(results, Optional.ofNullable(parsed.count()), highlights, nextBatch, raw);
    }

    private static SearchResult.Context context(SearchApi.Context context) {
        Map<UserId, Profile> profiles = new LinkedHashMap<>();
        if (context.profileInfo() != null) {
            for (Map.Entry<String, RawJson> e : context.profileInfo().entrySet()) {
                try {
                    if (e.getValue() != null && e.getValue().isObject()) {
                        profiles.put(UserId.of(e.getKey()), ProfileCalls.toProfile(e.getValue()));
                    }
                } catch (IllegalArgumentException notAUserId) {
                    // Skipped: the profile of something that is not a user.
                }
            }
        }
        return new SearchResult.Context(events(context.eventsBefore()), events(context.eventsAfter()),
                Optional.ofNullable(context.start()), Optional.ofNullable(context.end()), profiles);
    }

    private static List<SyncEvent> events(List<RawJson> raw) {
        return orEmpty(raw).stream().filter(e -> e != null).map(SearchResultMapping::event).toList();
    }

    private static SyncEvent event(RawJson raw) {
        return EventRegistry.defaults().parseRoomEvent(raw);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
