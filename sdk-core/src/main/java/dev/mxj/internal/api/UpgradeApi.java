package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.id.RoomId;

/** {@code POST /_matrix/client/v3/rooms/{roomId}/upgrade}. */
public final class UpgradeApi {
    private UpgradeApi() {
    }

    public record Request(@Json(name = "new_version") String newVersion) {
    }

    public record Response(@Json(name = "replacement_room") RoomId replacementRoom) {
    }
}
