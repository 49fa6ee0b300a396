package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.id.EventId;

/** The answer of {@code PUT /rooms/{roomId}/state/{type}/{stateKey}}. */
public final class StateEventApi {
    private StateEventApi() {
    }

    public record EventIdResponse(@Json(name = "event_id") EventId eventId) {
    }
}
