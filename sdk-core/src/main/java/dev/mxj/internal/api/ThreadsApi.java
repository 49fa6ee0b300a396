package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.json.RawJson;

import java.util.List;

/** {@code GET /_matrix/client/v1/rooms/{roomId}/threads}. */
public final class ThreadsApi {
    private ThreadsApi() {
    }

    /** A page of thread roots, newest thread activity first, and the token to page on. */
    public record Threads(@Json(name = "chunk") List<RawJson> chunk, @Json(name = "next_batch") String nextBatch) {
    }
}
