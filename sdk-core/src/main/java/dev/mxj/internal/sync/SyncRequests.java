package dev.mxj.internal.sync;

import dev.mxj.InvalidResponseException;
import dev.mxj.id.UserId;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.internal.json.Json;
import dev.mxj.json.RawJson;
import dev.mxj.sync.SetPresence;
import dev.mxj.sync.SyncFilter;

import java.time.Duration;
import java.util.Optional;

/** The two requests of the sync loop: the filter upload and {@code GET /sync}. */
final class SyncRequests {
    /** How much longer than the long poll the client waits for the answer. */
    static final Duration READ_MARGIN = Duration.ofSeconds(30);
    /** The first sync of a large account can take the server minutes to compute. */
    static final Duration FIRST_SYNC_READ_TIMEOUT = Duration.ofMinutes(5);

    private SyncRequests() {
    }

    /** {@code POST /user/{userId}/filter}, answering the new filter's ID. */
    static ApiRequest<String> uploadFilter(UserId user, SyncFilter filter) {
        return ApiRequest.post("/_matrix/client/v3/user").segment(user.value()).segment("filter")
                .body(filter.json())
                .read((body, endpoint) -> {
                    RawJson json = Json.read(body, RawJson.class, endpoint);
                    return json.string("filter_id").filter(id -> !id.isEmpty()).orElseThrow(() ->
                            new InvalidResponseException(endpoint + " answered without a filter_id string."));
                });
    }

    /**
     * {@code GET /sync}. With {@code since} empty (the first sync) the server answers at once,
     * so the timeout is 0 and the read timeout generous.
     *
     * @param loopRetries true when the loop retries failures itself (with back-off and state
     *                    reports): then the transport does not retry network failures and 5xx
     */
    static ApiRequest<SyncResponse> sync(SyncResponseParser parser, String filterId, Optional<String> since,
                                         Duration timeout, Optional<SetPresence> presence, boolean fullState,
                                         boolean loopRetries) {
        ApiRequest.Builder b = ApiRequest.get("/_matrix/client/v3/sync").query("filter", filterId);
        Duration poll = since.isPresent() && !fullState ? timeout : Duration.ZERO;
        since.ifPresent(token -> b.query("since", token));
        b.query("timeout", Long.toString(poll.toMillis()));
        presence.ifPresent(p -> b.query("set_presence", p.wire()));
        if (fullState) {
            b.query("full_state", "true");
        }
        Duration read = since.isEmpty() || fullState ? FIRST_SYNC_READ_TIMEOUT : poll.plus(READ_MARGIN);
        return b.readTimeout(read).idempotent(!loopRetries).read((body, endpoint) -> parser.parse(body));
    }
}
