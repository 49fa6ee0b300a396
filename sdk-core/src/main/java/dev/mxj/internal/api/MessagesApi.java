package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.json.RawJson;

import java.util.List;

/** {@code GET /rooms/{roomId}/messages}. */
public final class MessagesApi {
    private MessagesApi() {
    }

    /**
     * A page of events. {@code end} is absent when there is nothing more in that direction;
     * {@code chunk} is in the direction asked (newest first for {@code dir=b}).
     */
    public record Messages(@Json(name = "start") String start, @Json(name = "end") String end,
                           @Json(name = "chunk") List<RawJson> chunk, @Json(name = "state") List<RawJson> state) {
    }
}
