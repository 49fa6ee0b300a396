package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.id.EventId;

/** The answers of {@code PUT /rooms/{roomId}/send/{type}/{txnId}} and {@code PUT /rooms/{roomId}/redact/{eventId}/{txnId}}. */
public final class SendApi {
    private SendApi() {
    }

    /** Both endpoints answer {@code {"event_id": ...}}. */
    public record SendResponse(@Json(name = "event_id") EventId eventId) {
    }
}
