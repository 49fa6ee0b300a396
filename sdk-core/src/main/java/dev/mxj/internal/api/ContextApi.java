package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.json.RawJson;

import java.util.List;

/** {@code GET /rooms/{roomId}/context/{eventId}}. */
public final class ContextApi {
    private ContextApi() {
    }

    /**
     * An event with its neighbours: {@code events_before} newest first, {@code events_after} oldest
     * first; {@code start} pages back from the first of them and {@code end} forward from the last.
     */
    public record Context(@Json(name = "start") String start, @Json(name = "end") String end,
                          @Json(name = "event") RawJson event,
                          @Json(name = "events_before") List<RawJson> eventsBefore,
                          @Json(name = "events_after") List<RawJson> eventsAfter,
                          @Json(name = "state") List<RawJson> state) {
    }
}
