package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.id.EventId;

/** {@code POST /rooms/{roomId}/receipt/{type}/{eventId}} and {@code POST /rooms/{roomId}/read_markers}. */
public final class ReceiptApi {
    private ReceiptApi() {
    }

    /** A receipt's body: {@code thread_id}, left out for an unthreaded receipt. */
    public record Receipt(@Json(name = "thread_id") String threadId) {
    }

    /** The read markers to move; null ones are left out. */
    public record ReadMarkers(@Json(name = "m.fully_read") EventId fullyRead, @Json(name = "m.read") EventId read,
                              @Json(name = "m.read.private") EventId readPrivate) {
    }
}
