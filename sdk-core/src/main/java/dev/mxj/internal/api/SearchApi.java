package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;

import java.util.List;
import java.util.Map;

/** {@code POST /_matrix/client/v3/search}, the {@code room_events} category only. Null fields are left out. */
public final class SearchApi {
    private SearchApi() {
    }

    /** The body. */
    public record Request(@Json(name = "search_categories") Categories searchCategories) {
    }

    /** The categories searched. */
    public record Categories(@Json(name = "room_events") RoomEvents roomEvents) {
    }

    /** The room events criteria. */
    public record RoomEvents(@Json(name = "search_term") String searchTerm,
                             @Json(name = "keys") List<String> keys,
                             @Json(name = "filter") Filter filter,
                             @Json(name = "order_by") String orderBy,
                             @Json(name = "event_context") EventContext eventContext,
                             @Json(name = "include_state") Boolean includeState) {
    }

    /** The part of a room event filter mxj sets. */
    public record Filter(@Json(name = "rooms") List<RoomId> rooms,
                         @Json(name = "limit") Integer limit) {
    }

    /** How much context to return around each result. */
    public record EventContext(@Json(name = "before_limit") Integer beforeLimit,
                               @Json(name = "after_limit") Integer afterLimit,
                               @Json(name = "include_profile") Boolean includeProfile) {
    }

    /** The answer. */
    public record Response(@Json(name = "search_categories") ResultCategories searchCategories) {
    }

    /** The categories answered. */
    public record ResultCategories(@Json(name = "room_events") RoomEventResults roomEvents) {
    }

    /** The room events found. */
    public record RoomEventResults(@Json(name = "count") Long count,
                                   @Json(name = "highlights") List<String> highlights,
                                   @Json(name = "results") List<Result> results,
                                   @Json(name = "next_batch") String nextBatch) {
    }

    /** One result: the event as received, kept raw so the event registry parses it. */
    public record Result(@Json(name = "rank") Double rank,
                         @Json(name = "result") RawJson result,
                         @Json(name = "context") Context context) {
    }

    /** The context of one result. */
    public record Context(@Json(name = "start") String start,
                          @Json(name = "end") String end,
                          @Json(name = "profile_info") Map<String, RawJson> profileInfo,
                          @Json(name = "events_before") List<RawJson> eventsBefore,
                          @Json(name = "events_after") List<RawJson> eventsAfter) {
    }
}
