package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.id.RoomId;

import java.util.List;

/** {@code /directory/room/{alias}}, {@code /directory/list/room/{roomId}} and {@code /rooms/{roomId}/aliases}. */
public final class DirectoryApi {
    private DirectoryApi() {
    }

    /** {@code PUT /directory/room/{alias}}. */
    public record AliasTarget(@Json(name = "room_id") RoomId roomId) {
    }

    /** {@code GET /directory/room/{alias}}; servers kept as strings so one bad name does not fail the call. */
    public record Resolved(@Json(name = "room_id") RoomId roomId, @Json(name = "servers") List<String> servers) {
    }

    /** {@code GET} and {@code PUT /directory/list/room/{roomId}}. */
    public record VisibilityBody(@Json(name = "visibility") String visibility) {
    }

    /** {@code GET /rooms/{roomId}/aliases}. */
    public record Aliases(@Json(name = "aliases") List<String> aliases) {
    }
}
