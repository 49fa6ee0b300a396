package dev.mxj.internal.api;

import com.squareup.moshi.Json;

/** {@code GET /_matrix/client/v1/rooms/{roomId}/timestamp_to_event}. */
public final class TimestampToEventApi {
    private TimestampToEventApi() {
    }

    /** The event closest to the asked time in the asked direction. */
    public record Found(@Json(name = "event_id") String eventId, @Json(name = "origin_server_ts") Long originServerTs) {
    }
}
