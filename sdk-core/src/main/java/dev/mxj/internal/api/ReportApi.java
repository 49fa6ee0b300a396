package dev.mxj.internal.api;

import com.squareup.moshi.Json;

/** {@code POST /rooms/{roomId}/report/{eventId}} and {@code POST /rooms/{roomId}/report}. */
public final class ReportApi {
    private ReportApi() {
    }

    /** An event report; null fields are left out. */
    public record EventReport(@Json(name = "reason") String reason, @Json(name = "score") Integer score) {
    }

    /** A room report. */
    public record RoomReport(@Json(name = "reason") String reason) {
    }
}
