package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.json.RawJson;

import java.util.List;

/** {@code GET /_matrix/client/v1/rooms/{roomId}/relations/{eventId}[/{relType}[/{eventType}]]}. */
public final class RelationsApi {
    private RelationsApi() {
    }

    /** A page of child events, with the tokens to page on and the depth the server recursed to. */
    public record Chunk(@Json(name = "chunk") List<RawJson> chunk, @Json(name = "next_batch") String nextBatch,
                        @Json(name = "prev_batch") String prevBatch,
                        @Json(name = "recursion_depth") Integer recursionDepth) {
    }
}
