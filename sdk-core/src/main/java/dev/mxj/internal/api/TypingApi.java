package dev.mxj.internal.api;

import com.squareup.moshi.Json;

/** {@code PUT /rooms/{roomId}/typing/{userId}}; {@code timeout} (ms) only when typing. */
public final class TypingApi {
    private TypingApi() {
    }

    public record Typing(@Json(name = "typing") boolean typing, @Json(name = "timeout") Long timeout) {
    }
}
