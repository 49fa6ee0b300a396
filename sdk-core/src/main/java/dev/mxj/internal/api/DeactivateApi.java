package dev.mxj.internal.api;

import com.squareup.moshi.Json;

/** {@code POST /_matrix/client/v3/account/deactivate}. */
public final class DeactivateApi {
    private DeactivateApi() {
    }

    /** The body; null fields are left out. */
    public record Request(@Json(name = "auth") UiaApi.AuthDict auth,
                          @Json(name = "id_server") String idServer,
                          @Json(name = "erase") Boolean erase) {
    }

    /** The answer. */
    public record Response(@Json(name = "id_server_unbind_result") String idServerUnbindResult) {
    }
}
