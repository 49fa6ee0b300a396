package dev.mxj.internal.account;

import dev.mxj.internal.Calls;
import dev.mxj.account.DirectoryUser;
import dev.mxj.account.SearchRequest;
import dev.mxj.account.SearchResults;
import dev.mxj.account.UserDirectoryResults;
import dev.mxj.id.UserId;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.api.SearchApi;
import dev.mxj.internal.api.UserDirectoryApi;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.internal.json.Json;
import dev.mxj.json.RawJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The user directory ({@code POST /user_directory/search}) and server-side search ({@code POST /search}). */
final class SearchCalls {
    static final String USER_DIRECTORY = "/_matrix/client/v3/user_directory/search";
    static final String SEARCH = "/_matrix/client/v3/search";
    private static final Logger LOG = LoggerFactory.getLogger(SearchCalls.class);

    private final ClientContext context;

    SearchCalls(ClientContext context) {
        this.context = context;
    }

    CompletableFuture<UserDirectoryResults> searchUsers(String term, Optional<Integer> limit) {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(limit, "limit");
        limit.ifPresent(n -> Checks.atLeastOne(n, "user directory limit"));
        ApiRequest<UserDirectoryApi.Response> request = ApiRequest.post(USER_DIRECTORY)
                .body(new UserDirectoryApi.Request(term, limit.orElse(null))).idempotent(true)
                .parse(UserDirectoryApi.Response.class);
        return Calls.map(context.transport().send(request), SearchCalls::users);
    }

    private static UserDirectoryResults users(UserDirectoryApi.Response response) {
        List<DirectoryUser> users = new ArrayList<>();
        for (UserDirectoryApi.User user : response.results() == null ? List.<UserDirectoryApi.User>of()
                : response.results()) {
            if (user == null || user.userId() == null) {
                continue;
            }
            try {
                users.add(new DirectoryUser(UserId.of(user.userId()), Optional.ofNullable(user.displayName()),
                        ProfileCalls.mxc(Optional.ofNullable(user.avatarUrl()))));
            } catch (IllegalArgumentException e) {
                LOG.debug("The user directory listed an invalid user ID; skipped ({})", e.getMessage());
            }
        }
        return new UserDirectoryResults(users, Boolean.TRUE.equals(response.limited()));
    }

    CompletableFuture<SearchResults> search(SearchRequest request) {
        Objects.requireNonNull(request, "request");
        ApiRequest.Builder builder = ApiRequest.post(SEARCH).body(body(request)).idempotent(true);
        request.nextBatch().ifPresent(token -> builder.query("next_batch", token));
        ApiRequest<RawJson> call = builder.raw();
        return Calls.map(context.transport().send(call), raw -> results(raw, call.endpoint()));
    }

    private static SearchApi.Request body(SearchRequest request) {
        List<String> keys = request.keys().isEmpty() ? null
                : request.keys().stream().map(SearchRequest.Key::value).toList();
        SearchApi.Filter filter = request.rooms().isEmpty() && request.limit().isEmpty() ? null
                : new SearchApi.Filter(request.rooms().isEmpty() ? null : request.rooms(), request.limit().orElse(null));
        SearchApi.EventContext eventContext = request.context().map(c -> new SearchApi.EventContext(c.before(),
                c.after(), c.includeProfile())).orElse(null);
        String orderBy = request.order().map(o -> o.name().toLowerCase(Locale.ROOT)).orElse(null);
        return new SearchApi.Request(new SearchApi.Categories(new SearchApi.RoomEvents(request.searchTerm(), keys,
                filter, orderBy, eventContext, null)));
    }

    private static SearchResults results(RawJson raw, String endpoint) {
        RawJson roomEvents = raw.object("search_categories").flatMap(c -> c.object("room_events"))
                .orElse(RawJson.emptyObject());
        SearchApi.RoomEventResults parsed = Json.read(roomEvents.json(), SearchApi.RoomEventResults.class, endpoint);
        return SearchResultMapping.results(parsed, roomEvents);
    }
}
