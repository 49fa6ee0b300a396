package dev.mxj.internal.api;

import com.squareup.moshi.Json;

/** {@code /_matrix/client/v3/presence/{userId}/status}. */
public final class PresenceApi {
    private PresenceApi() {
    }

    /** The {@code PUT} body. */
    public record Request(@Json(name = "presence") String presence,
                          @Json(name = "status_msg") String statusMsg) {
    }

    /** The {@code GET} answer; {@code status_msg} may be JSON null. */
    public record Response(@Json(name = "presence") String presence,
                           @Json(name = "last_active_ago") Long lastActiveAgo,
                           @Json(name = "status_msg") String statusMsg,
                           @Json(name = "currently_active") Boolean currentlyActive) {
    }
}
